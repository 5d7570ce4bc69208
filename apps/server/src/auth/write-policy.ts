import { ADJUDICATIONS_KEY, ANNOTATIONS_KEY, CONTENT_KEY, META_KEY } from '@factcheck/core';
import { roleAllows, type Permission } from './permissions.js';
import type { Principal } from './tokens.js';
import type { Touch } from './update-footprint.js';

/**
 * Which permission each change to an article's document needs, and whether a reviewer may make
 * it. Decided from an update's footprint before the update is applied.
 */

/** Tag fields only a lead may write: settling a dispute. */
const DECISION_FIELDS = new Set(['verdict', 'resolvedBy', 'resolvedAt', 'adjudicated', 'adjudicationId']);
/** Fields naming who did something; a non-lead may only name themselves. */
const REVIEWER_FIELDS = new Set(['author', 'by']);
/** `meta` keys only a lead may write (review settings the server keeps). */
export const LEAD_META_KEYS = new Set(['blindReview', 'blindForks']);

/** What one change needs. */
function permissionFor(touch: Touch): Permission {
  switch (touch.root) {
    case CONTENT_KEY:
      return 'edit';
    case META_KEY:
      return LEAD_META_KEYS.has(touch.keys[0] ?? '') ? 'manage' : 'edit';
    case ANNOTATIONS_KEY: {
      const field = touch.keys[1];
      if (field !== undefined && DECISION_FIELDS.has(field)) return 'manage';
      if (field === 'status' && touch.value === 'resolved') return 'manage';
      return 'annotate';
    }
    case ADJUDICATIONS_KEY:
      return 'manage';
    default:
      return 'manage';
  }
}

function claimedReviewerIds(touch: Touch): string[] {
  const ids: string[] = [];
  const visit = (value: unknown, key: string | undefined) => {
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (key !== undefined && REVIEWER_FIELDS.has(key)) {
      if (typeof record.id === 'string') ids.push(record.id);
      return;
    }
    for (const field of REVIEWER_FIELDS) if (field in record) visit(record[field], field);
  };
  visit(touch.value, touch.keys.at(-1));
  return ids;
}

const PERMISSION_WORDS: Readonly<Record<Permission, string>> = {
  read: 'read this article',
  annotate: 'tag or comment',
  edit: 'change the article text or its details',
  manage: 'settle disputes or change review settings',
};

/** Why a principal may not make these changes, or null when every one is allowed. */
export function refuseWrite(principal: Principal, touches: readonly Touch[]): string | null {
  for (const touch of touches) {
    if (touch.root === null && principal.role !== 'lead') {
      return 'the update refers to content the server does not have';
    }
    const needed = permissionFor(touch);
    if (!roleAllows(principal.role, needed)) {
      return `a ${principal.role} may not ${PERMISSION_WORDS[needed]}`;
    }
    if (touch.kind === 'insert' && principal.role !== 'lead' && touch.root === ANNOTATIONS_KEY) {
      const impostor = claimedReviewerIds(touch).find((id) => id !== principal.id);
      if (impostor !== undefined) return 'tags and comments must be written under your own reviewer id';
    }
  }
  return null;
}

/** Why nobody may change the article text right now (blind review freezes it), or null. */
export function refuseWhileBlind(touches: readonly Touch[]): string | null {
  const textChange = touches.find((touch) => touch.root === CONTENT_KEY || touch.root === ADJUDICATIONS_KEY);
  return textChange
    ? 'the article is in blind review: its text and decisions are frozen until the lead reveals it'
    : null;
}

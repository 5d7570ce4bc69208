import type * as Y from 'yjs';
import {
  addThreadEntry,
  getAnnotationsMap,
  setTagStatus,
  TAGGING_ORIGIN,
  TAG_STATUSES,
  type Reviewer,
} from '@factcheck/core';
import { randomTagEdit, randomTextEdit } from '../../packages/core/test/helpers/random-editing.js';
import type { Random } from '../../packages/core/test/helpers/seeded-random.js';

export { createRandom, seedsToRun, type Random } from '../../packages/core/test/helpers/seeded-random.js';

/**
 * What a reviewer does to an article, at random but replayable from a seed: typing and deleting,
 * splitting and joining paragraphs (core's random editing), tagging, relabelling and removing
 * tags, commenting in a tag's thread and changing its status.
 */

const COMMENTS = [
  'Source?',
  'Confirmed by the court filing.',
  'Needs a second source',
  'علی ظفر نے کہا',
  '👍',
];

/** Comments on a random tag or changes its status; returns what it did, or null when there is no tag. */
export function randomThreadEdit(doc: Y.Doc, random: Random, reviewer: Reviewer, now: Date): string | null {
  const ids = [...getAnnotationsMap(doc).keys()].sort();
  if (ids.length === 0) return null;
  const id = random.pick(ids);
  if (random.chance(0.7)) {
    const text = random.pick(COMMENTS);
    let added: string | null = null;
    doc.transact(() => (added = addThreadEntry(doc, id, { author: reviewer, text, now })), TAGGING_ORIGIN);
    return added ? `comment on ${id}` : null;
  }
  const status = random.pick(TAG_STATUSES);
  const verdict = status === 'resolved' ? random.pick(['true', 'false', 'unproven']) : undefined;
  doc.transact(() => setTagStatus(doc, id, status, reviewer, verdict, now), TAGGING_ORIGIN);
  return `status of ${id} → ${status}`;
}

/** One random reviewing step; returns a line for the replay log, or null when nothing happened. */
export function randomReviewStep(
  doc: Y.Doc,
  random: Random,
  reviewer: Reviewer,
  newId: () => string,
  now: Date,
): string | null {
  const roll = random.next();
  if (roll < 0.5) return randomTextEdit(doc, random);
  if (roll < 0.85) return randomTagEdit(doc, random, newId, now);
  return randomThreadEdit(doc, random, reviewer, now);
}

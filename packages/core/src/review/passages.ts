import type { Label } from '../labels.js';

/**
 * Passages: maximal stretches of text covered by overlapping tags, and the rules that make one
 * disputed.
 */

/** What the passage rules need to know about a tag. Offsets are any consistent unit (code points in the API). */
export interface ReviewTag {
  readonly id: string;
  readonly label: Label;
  readonly authorId: string;
  readonly start: number;
  readonly end: number;
  readonly createdAt: string;
  /** `disputed` marks the tag's passage as disputed. */
  readonly status?: 'open' | 'disputed' | 'resolved';
  /** Adjudicated tags record a decision; they belong to no reviewer. */
  readonly adjudicated?: boolean;
}

/** Why a passage is disputed. */
export type DisputeReason = 'labels-differ' | 'boundaries-differ' | 'marked-disputed';

/** A maximal stretch covered by overlapping tags. */
export interface Passage {
  readonly start: number;
  readonly end: number;
  /** Ids of the tags in the passage, in order of start. */
  readonly annotations: readonly string[];
  readonly disputed: boolean;
  readonly reasons: readonly DisputeReason[];
}

function overlaps(a: ReviewTag, b: ReviewTag): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Why a group of overlapping tags is disputed (empty when it is not). */
export function disputeReasons(tags: readonly ReviewTag[]): DisputeReason[] {
  const reasons: DisputeReason[] = [];
  const reviewed = tags.filter((tag) => !tag.adjudicated);
  if (new Set(reviewed.map((tag) => tag.label)).size > 1) reasons.push('labels-differ');
  const boundariesDiffer = reviewed.some((a, i) =>
    reviewed
      .slice(i + 1)
      .some((b) => a.authorId !== b.authorId && overlaps(a, b) && (a.start !== b.start || a.end !== b.end)),
  );
  if (boundariesDiffer) reasons.push('boundaries-differ');
  if (tags.some((tag) => tag.status === 'disputed')) reasons.push('marked-disputed');
  return reasons;
}

/** Groups tags into passages in text order; empty tags are ignored. */
export function findPassages(tags: readonly ReviewTag[]): Passage[] {
  const sorted = tags
    .filter((tag) => tag.end > tag.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const passages: Passage[] = [];
  let group: ReviewTag[] = [];
  let groupEnd = -Infinity;
  const close = () => {
    if (group.length === 0) return;
    const reasons = disputeReasons(group);
    passages.push({
      start: group[0].start,
      end: groupEnd,
      annotations: group.map((tag) => tag.id),
      disputed: reasons.length > 0,
      reasons,
    });
    group = [];
  };
  for (const tag of sorted) {
    if (tag.start >= groupEnd) {
      close();
      groupEnd = tag.end;
    } else {
      groupEnd = Math.max(groupEnd, tag.end);
    }
    group.push(tag);
  }
  close();
  return passages;
}

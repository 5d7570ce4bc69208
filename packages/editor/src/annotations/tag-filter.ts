import type { Label } from '@factcheck/core';
import type { PlacedTag } from './placed-tags.js';

/** Which tags are drawn and listed: by label, and optionally by reviewer id. */
export interface TagFilter {
  readonly labels: ReadonlySet<Label>;
  /** Reviewer ids to show, or null for everyone. */
  readonly authors: ReadonlySet<string> | null;
}

/** The filter that shows every tag. */
export const SHOW_ALL_TAGS: TagFilter = {
  labels: new Set<Label>(['allegation', 'denial', 'rumour']),
  authors: null,
};

/** Whether a tag passes a filter. */
export function tagMatchesFilter(tag: PlacedTag, filter: TagFilter): boolean {
  const { label, author } = tag.annotation;
  return filter.labels.has(label) && (filter.authors === null || filter.authors.has(author.id));
}

function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((member) => b.has(member));
}

/** Whether two filters let the same tags through (drawing again for an equal filter is wasted work). */
export function sameTagFilter(a: TagFilter, b: TagFilter): boolean {
  if (a === b) return true;
  if (!sameMembers(a.labels, b.labels)) return false;
  return a.authors === null || b.authors === null
    ? a.authors === b.authors
    : sameMembers(a.authors, b.authors);
}

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

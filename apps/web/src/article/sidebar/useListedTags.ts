import { useState } from 'react';
import type { PlacedTag } from '@factcheck/editor';

/** Whether two tag lists show the same tags, annotations and statuses in the same order. */
export function sameListing(a: readonly PlacedTag[], b: readonly PlacedTag[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].annotation !== b[i].annotation || a[i].status !== b[i].status) return false;
  }
  return true;
}

/**
 * The tag list for lists and counts: the same array as long as no tag's annotation, status or
 * order changed, so typing (which only moves tags) re-renders nothing that lists them. Its
 * positions may be stale: read positions from the editor state when acting on a tag.
 */
export function useListedTags(tags: readonly PlacedTag[]): readonly PlacedTag[] {
  const [listed, setListed] = useState(tags);
  if (sameListing(listed, tags)) return listed;
  // React's pattern for state derived from the previous render: store it and render again.
  setListed(tags);
  return tags;
}

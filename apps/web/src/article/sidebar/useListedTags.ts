import { useState } from 'react';
import type { PlacedTag } from '@factcheck/editor';
import { sameListing } from '../tags/tag-listing.js';

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

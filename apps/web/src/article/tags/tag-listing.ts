import type { PlacedTag } from '@factcheck/editor';

/**
 * Whether two tag lists show the same tags, annotations and statuses in the same order: typing
 * only moves tags, which lists do not show.
 */
export function sameListing(a: readonly PlacedTag[], b: readonly PlacedTag[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].annotation !== b[i].annotation || a[i].status !== b[i].status) return false;
  }
  return true;
}

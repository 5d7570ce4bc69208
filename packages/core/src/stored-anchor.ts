import type * as Y from 'yjs';
import type { Anchor } from './anchoring.js';
import { storedPosition } from './stored-position.js';

/**
 * How a tag's anchor is stored. Its two positions, its quote and the context on each side always
 * change together (a tag is written, or its quote refreshed), so new tags keep them as one value
 * under `anchor` instead of five keys: Yjs then reads one item where it read five, each with its
 * key. On the 5,000-tag benchmark article that makes the document decode about 14% faster
 * (docs/performance.md, "Session 6"). Tags written before, and stock scripts following
 * docs/data-model.md, keep the five separate keys, which are still read; when a record has both,
 * `anchor` wins.
 */

/** Key of the value holding a tag's positions, quote and context. */
export const ANCHOR_KEY = 'anchor';

/** The fields stored in `anchor`; older records keep each under its own key. */
export const ANCHOR_FIELDS = ['start', 'end', 'quote', 'prefix', 'suffix'] as const;

/** The value a tag's anchor is stored as under `anchor` (positions as `Y.encodeRelativePosition` bytes). */
export function storedAnchor(anchor: Anchor): Record<(typeof ANCHOR_FIELDS)[number], unknown> {
  return {
    start: storedPosition(anchor.start),
    end: storedPosition(anchor.end),
    quote: anchor.quote,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
  };
}

/**
 * Writes the anchor of a tag already in the document as one value and drops the separate keys an
 * older record kept it under. Call inside a transaction.
 */
export function writeAnchor(entry: Y.Map<unknown>, anchor: Anchor): void {
  entry.set(ANCHOR_KEY, storedAnchor(anchor));
  for (const key of ANCHOR_FIELDS) if (entry.has(key)) entry.delete(key);
}

import * as Y from 'yjs';
import { getAnnotationsMap, getContent } from './document-layout.js';
import { readAnnotations } from './annotation.js';
import { createAnchor, quoteAt, resolveAnnotations, type ResolvedAnnotation } from './anchoring.js';
import { projectFragment, type TextProjection } from './text-projection.js';
import { QUOTE_REFRESH_ORIGIN } from './origins.js';
import { writeAnchor } from './stored-anchor.js';

/**
 * Writes a stale tag's fresh quote and context, with fresh positions when it was found again from
 * its quote (a drifted tag's positions still hold), and its change time. Returns false when no
 * anchor could be made there. Call inside a transaction with `QUOTE_REFRESH_ORIGIN`.
 */
export function writeRefreshedQuote(
  entry: Y.Map<unknown>,
  projection: TextProjection,
  tag: ResolvedAnnotation,
  now: Date,
): boolean {
  if (tag.from === null || tag.to === null) return false;
  const positions = tag.status === 'reanchored' ? createAnchor(projection, tag.from, tag.to) : tag.annotation;
  if (!positions) return false;
  writeAnchor(entry, {
    start: positions.start,
    end: positions.end,
    ...quoteAt(projection, tag.from, tag.to),
  });
  entry.set('updatedAt', now.toISOString());
  return true;
}

/**
 * After this reviewer edits the text, tags whose text changed under them get a fresh quote and
 * context (and fresh positions when they were found again from their quote), so the quote keeps
 * describing what the tag covers. Only the editing client does this, so clients never race to.
 * Returns how many tags were refreshed.
 */
export function refreshTagQuotes(ydoc: Y.Doc, now: Date = new Date()): number {
  const projection = projectFragment(getContent(ydoc));
  const stale = resolveAnnotations(ydoc, readAnnotations(ydoc).valid, projection).filter(
    (tag) => tag.status === 'drifted' || tag.status === 'reanchored',
  );
  if (stale.length === 0) return 0;
  const map = getAnnotationsMap(ydoc);
  ydoc.transact(() => {
    for (const tag of stale) {
      const entry = map.get(tag.annotation.id);
      if (entry instanceof Y.Map) writeRefreshedQuote(entry, projection, tag, now);
    }
  }, QUOTE_REFRESH_ORIGIN);
  return stale.length;
}

import * as Y from 'yjs';
import { getAnnotationsMap, getContent } from './document-layout.js';
import { parseAnnotation, readAnnotations } from './annotation.js';
import {
  createAnchor,
  quoteAt,
  resolveAnnotation,
  resolveAnnotations,
  type ResolvedAnnotation,
} from './anchoring.js';
import { offsetOfRelativePosition, projectFragment, type TextProjection } from './text-projection.js';
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

/**
 * A tag this reviewer typed into, whose positions still cover text, covers that text: quotes are
 * refreshed once typing pauses, and a burst of typing inside a short tag makes its text too unlike
 * its last quote to count as drifted (refreshed after every keystroke, it never got that far).
 */
function typedInto(ydoc: Y.Doc, projection: TextProjection, tag: ResolvedAnnotation): ResolvedAnnotation {
  if (tag.status !== 'orphaned') return tag;
  const from = offsetOfRelativePosition(ydoc, projection, tag.annotation.start);
  const to = offsetOfRelativePosition(ydoc, projection, tag.annotation.end);
  return from !== null && to !== null && from < to ? { ...tag, status: 'drifted', from, to } : tag;
}

/**
 * `refreshTagQuotes` for some tags only: after this reviewer's edit, the tags whose text
 * the edit touched get a fresh quote and context (and fresh positions when they were found again
 * from their quote). Checking every tag of a long article on each keystroke would cost more than
 * the keystroke itself. Returns how many tags were refreshed.
 */
export function refreshQuotesOf(ydoc: Y.Doc, ids: Iterable<string>, now: Date = new Date()): number {
  const wanted = [...ids];
  // Projecting the whole text is the costly part: not for an edit that touched no tag.
  if (wanted.length === 0) return 0;
  const annotations = getAnnotationsMap(ydoc);
  const projection = projectFragment(getContent(ydoc));
  const stale: { entry: Y.Map<unknown>; tag: ResolvedAnnotation }[] = [];
  for (const id of wanted) {
    const entry: unknown = annotations.get(id);
    if (!(entry instanceof Y.Map)) continue;
    const parsed = parseAnnotation(id, entry);
    if (!parsed.ok) continue;
    const tag = typedInto(ydoc, projection, resolveAnnotation(ydoc, projection, parsed.annotation));
    if ((tag.status === 'drifted' || tag.status === 'reanchored') && tag.from !== null && tag.to !== null) {
      stale.push({ entry, tag });
    }
  }
  if (stale.length === 0) return 0;
  ydoc.transact(() => {
    for (const { entry, tag } of stale) writeRefreshedQuote(entry, projection, tag, now);
  }, QUOTE_REFRESH_ORIGIN);
  return stale.length;
}

import * as Y from 'yjs';
import type { Annotation } from './annotation.js';
import { CONTEXT_LENGTH } from './annotation.js';
import { bestQuoteMatch, similarity, type ReadableText } from './quote-search.js';
import {
  offsetOfRelativePosition,
  projectFragment,
  relativePositionAt,
  type TextProjection,
} from './text-projection.js';
import { getAnnotationsMap, getContent } from './document-layout.js';
import { splitsSurrogatePair } from './code-points.js';

/**
 * Anchoring: turning a selection into relative positions plus a quote with context, and turning
 * those back into offsets in the current text, re-anchoring from the quote when positions fail.
 */

/** What a new tag is anchored by. */
export interface Anchor {
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** The quote and its context for a range of projected text. */
export function quoteAt(
  text: ReadableText,
  from: number,
  to: number,
): Pick<Anchor, 'quote' | 'prefix' | 'suffix'> {
  // A lone surrogate does not survive Yjs encoding (it becomes U+FFFD), so the context never ends
  // inside a surrogate pair: otherwise the writer and its peers would store different context.
  let prefixStart = Math.max(0, from - CONTEXT_LENGTH);
  if (splitsPairIn(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, to + CONTEXT_LENGTH);
  if (splitsPairIn(text, suffixEnd)) suffixEnd--;
  return {
    quote: text.slice(from, to),
    prefix: text.slice(prefixStart, from),
    suffix: text.slice(to, suffixEnd),
  };
}

/** Whether an offset falls inside a surrogate pair, read from the two units around it. */
function splitsPairIn(text: ReadableText, index: number): boolean {
  return index > 0 && splitsSurrogatePair(text.slice(index - 1, index + 1), 1);
}

/** Anchors a range of projected text, or returns null if it covers no text. */
export function createAnchor(projection: TextProjection, from: number, to: number): Anchor | null {
  const text = projection.text;
  const start = Math.max(0, Math.min(from, to));
  let end = Math.min(text.length, Math.max(from, to));
  // Leading and trailing block separators are not part of what the reviewer meant to tag.
  let first = start;
  while (first < end && /\s/.test(text[first])) first++;
  while (end > first && /\s/.test(text[end - 1])) end--;
  if (first >= end) return null;
  // Whole characters only, for the same reason as in `quoteAt`.
  if (splitsSurrogatePair(text, first)) first--;
  if (splitsSurrogatePair(text, end)) end++;
  const startPosition = relativePositionAt(projection, first, 'after');
  const endPosition = relativePositionAt(projection, end, 'before');
  if (!startPosition || !endPosition) return null;
  return { start: startPosition, end: endPosition, ...quoteAt(text, first, end) };
}

/** How an annotation was found in the current text. */
export type AnchorStatus =
  /** Its relative positions cover exactly its quote. */
  | 'anchored'
  /** Its positions failed; its quote was found again from quote, prefix and suffix. */
  | 'reanchored'
  /** Its positions still cover text close to its quote: the tagged text was edited. */
  | 'drifted'
  /** Nowhere to be found: shown in its own list, never on other text. */
  | 'orphaned';

/** An annotation with where it currently sits in the projected text. */
export interface ResolvedAnnotation {
  readonly annotation: Annotation;
  readonly status: AnchorStatus;
  /** Projected-text offsets (UTF-16); null when orphaned. */
  readonly from: number | null;
  readonly to: number | null;
}

/** Share of the stored context that must agree for a quote found elsewhere to be trusted. */
const TRUSTED_CONTEXT_SHARE = 0.5;
/** How close edited text must stay to the quote for a tag to keep following it. */
const DRIFT_SIMILARITY = 0.5;

/** A tag's last drift test: the text its positions covered, its quote then, and whether they were alike. */
interface DriftTest {
  readonly covered: string;
  readonly quote: string;
  readonly alike: boolean;
}

/**
 * The last drift test of each tag, per document: while typing goes on elsewhere, a drifted tag's
 * text and quote stay the same from one resolution to the next, and the edit distance is the
 * costliest part of resolving it (a summary of an article with many drifted tags spent a third of
 * its time there).
 */
const driftTests = new WeakMap<Y.Doc, Map<string, DriftTest>>();

/** Whether text a tag's positions cover is still close enough to its quote for the tag to follow it. */
function stillAlike(doc: Y.Doc, id: string, covered: string, quote: string): boolean {
  let tests = driftTests.get(doc);
  if (!tests) driftTests.set(doc, (tests = new Map()));
  const last = tests.get(id);
  if (last && last.covered === covered && last.quote === quote) return last.alike;
  const alike = similarity(covered, quote) >= DRIFT_SIMILARITY;
  tests.set(id, { covered, quote, alike });
  return alike;
}

/**
 * Forgets the drift tests of deleted tags, once there are more tests than tags in the document.
 * Checked against the document, not the tags a caller resolves: an export or a review view
 * resolves only some of them, and the others' tests are still good.
 */
function forgetDriftTestsOfDeletedTags(doc: Y.Doc): void {
  const tests = driftTests.get(doc);
  const tags = getAnnotationsMap(doc);
  if (!tests || tests.size <= tags.size) return;
  for (const id of tests.keys()) if (!tags.has(id)) tests.delete(id);
}

/** Resolves one annotation against the current text. */
export function resolveAnnotation(
  doc: Y.Doc,
  projection: TextProjection,
  annotation: Annotation,
): ResolvedAnnotation {
  // Read through the projection, not its joined text: resolving a tag reads a few pieces of it.
  const text = projection;
  const from = offsetOfRelativePosition(doc, projection, annotation.start);
  const to = offsetOfRelativePosition(doc, projection, annotation.end);
  const span = from !== null && to !== null && from < to ? { from, to } : null;
  if (span && text.slice(span.from, span.to) === annotation.quote) {
    return { annotation, status: 'anchored', ...span };
  }

  const match = bestQuoteMatch(text, annotation.quote, annotation.prefix, annotation.suffix, from);
  const available = annotation.prefix.length + annotation.suffix.length;
  if (match && (available === 0 || match.contextScore >= available * TRUSTED_CONTEXT_SHARE)) {
    return { annotation, status: 'reanchored', from: match.start, to: match.end };
  }
  if (span && stillAlike(doc, annotation.id, text.slice(span.from, span.to), annotation.quote)) {
    return { annotation, status: 'drifted', ...span };
  }
  // Positions that still resolve in the text but cover nothing: the tagged text was deleted where
  // it stood, so a bare repeat of the quote elsewhere is other text, not the tag's.
  const deletedInPlace = from !== null && to !== null && from >= to;
  if (match && !deletedInPlace && isOnlyOccurrence(text, annotation.quote, match.start)) {
    // The only occurrence left in the whole text: weak context, but nowhere else it could be.
    return { annotation, status: 'reanchored', from: match.start, to: match.end };
  }
  return { annotation, status: 'orphaned', from: null, to: null };
}

function isOnlyOccurrence(text: ReadableText, quote: string, at: number): boolean {
  return text.indexOf(quote) === at && text.indexOf(quote, at + 1) === -1;
}

/** Resolves many annotations against one projection of the current text. */
export function resolveAnnotations(
  doc: Y.Doc,
  annotations: readonly Annotation[],
  projection: TextProjection = projectFragment(getContent(doc)),
): ResolvedAnnotation[] {
  const resolved = annotations.map((annotation) => resolveAnnotation(doc, projection, annotation));
  forgetDriftTestsOfDeletedTags(doc);
  return resolved;
}

/** Orders resolved annotations by position, orphans last, ties by creation time. */
export function compareByPosition(a: ResolvedAnnotation, b: ResolvedAnnotation): number {
  const af = a.from ?? Number.MAX_SAFE_INTEGER;
  const bf = b.from ?? Number.MAX_SAFE_INTEGER;
  if (af !== bf) return af - bf;
  const at = a.to ?? 0;
  const bt = b.to ?? 0;
  if (at !== bt) return bt - at;
  return a.annotation.createdAt.localeCompare(b.annotation.createdAt);
}

import { bestQuoteMatch, findQuoteMatches } from '@factcheck/core';

/**
 * Resolving W3C text selectors against an article's plain text (the `txt` export), for the import:
 * a quote selector by its exact text and context, a position selector by code points.
 */

/** A span of the plain text in UTF-16 offsets, end exclusive. */
export interface TextSpan {
  readonly from: number;
  readonly to: number;
}

/** The fields of a TextQuoteSelector that matching uses. */
export interface QuoteSelectorFields {
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** The fields of a TextPositionSelector (code points, end exclusive). */
export interface PositionSelectorFields {
  readonly start: number;
  readonly end: number;
}

/** Where a quote selector points, and how much of its context agreed there. */
export type QuoteResolution =
  | (TextSpan & {
      readonly ok: true;
      /** `exact`: prefix and suffix agree in full, as W3C consumers match; the others are fallbacks. */
      readonly context: 'exact' | 'partial' | 'at-position' | 'only-occurrence';
    })
  | { readonly ok: false; readonly reason: 'not-found' | 'context-mismatch' };

/** Share of the selector's context that must agree when it does not agree in full. */
const TRUSTED_CONTEXT_SHARE = 0.5;

/** Every occurrence of the quote whose text before and after equals its prefix and suffix. */
export function exactQuoteMatches(text: string, selector: QuoteSelectorFields): TextSpan[] {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  return findQuoteMatches(text, selector.exact, prefix, suffix)
    .filter((match) => match.contextScore === prefix.length + suffix.length)
    .map((match) => ({ from: match.start, to: match.end }));
}

/**
 * The occurrence a quote selector points to: the one whose context agrees best, the nearest to
 * `hint` (a UTF-16 offset) among equals. When no occurrence has its full context, one is still
 * trusted if most of the context agrees, if it starts at the hint, or if it is the only one;
 * otherwise the quote is reported as found elsewhere, not placed.
 */
export function resolveTextQuote(
  text: string,
  selector: QuoteSelectorFields,
  hint: number | null,
): QuoteResolution {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const match = bestQuoteMatch(text, selector.exact, prefix, suffix, hint);
  if (!match) return { ok: false, reason: 'not-found' };
  const span = { from: match.start, to: match.end };
  const available = prefix.length + suffix.length;
  if (match.contextScore === available) return { ok: true, context: 'exact', ...span };
  if (match.contextScore >= available * TRUSTED_CONTEXT_SHARE)
    return { ok: true, context: 'partial', ...span };
  if (hint === match.start) return { ok: true, context: 'at-position', ...span };
  const first = text.indexOf(selector.exact);
  if (first === match.start && text.indexOf(selector.exact, first + 1) === -1) {
    return { ok: true, context: 'only-occurrence', ...span };
  }
  return { ok: false, reason: 'context-mismatch' };
}

/** The UTF-16 offset of every code-point boundary of a text: index i is where code point i starts. */
export function codePointBoundaries(text: string): Uint32Array {
  const boundaries: number[] = [0];
  for (const character of text) boundaries.push(boundaries[boundaries.length - 1] + character.length);
  return Uint32Array.from(boundaries);
}

/**
 * The span a position selector covers, or null when it does not fit the text. Pass the text's
 * `codePointBoundaries` when resolving many selectors, so each costs no more than a lookup.
 */
export function resolveTextPosition(
  text: string,
  selector: PositionSelectorFields,
  boundaries: Uint32Array = codePointBoundaries(text),
): TextSpan | null {
  const { start, end } = selector;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
  if (end >= boundaries.length) return null;
  return { from: boundaries[start], to: boundaries[end] };
}

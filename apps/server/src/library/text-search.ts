import { splitsSurrogatePair } from '@factcheck/core';

/**
 * Matching what a reviewer types against stored text: case-insensitive terms that must all occur,
 * `"quoted phrases"` kept whole, and a short excerpt around the first hit to show why it matched.
 */

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 500;

/** Characters of context each side of a hit in an excerpt. */
const EXCERPT_CONTEXT = 60;

/** Splits a query into lower-cased terms: words, or phrases in double quotes. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const match of query.slice(0, MAX_QUERY_LENGTH).matchAll(/"([^"]*)"?|(\S+)/gu)) {
    const term = (match[1] ?? match[2] ?? '').replace(/\s+/gu, ' ').trim().toLowerCase();
    if (term) terms.push(term);
  }
  return terms;
}

/** Whether every term occurs in one of the (already lower-cased) texts. */
export function matchesAllTerms(terms: readonly string[], lowered: readonly string[]): boolean {
  return terms.every((term) => lowered.some((text) => text.includes(term)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * An excerpt of `text` around the first occurrence of any term (case-insensitive), with `…` where
 * it was cut, the hit's place inside it given so a client can emphasise it; null when no term occurs.
 */
export function excerptAround(
  text: string,
  terms: readonly string[],
): { readonly text: string; readonly hit: readonly [number, number] } | null {
  if (terms.length === 0) return null;
  const pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'iu');
  const match = pattern.exec(text);
  if (!match) return null;
  const hitEnd = match.index + match[0].length;
  let from = Math.max(0, match.index - EXCERPT_CONTEXT);
  let to = Math.min(text.length, hitEnd + EXCERPT_CONTEXT);
  // Cut at spaces where there are some, and never inside a surrogate pair.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < match.index) from = space + 1;
    else if (splitsSurrogatePair(text, from)) from -= 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > hitEnd) to = space;
    else if (splitsSurrogatePair(text, to)) to += 1;
  }
  const head = from > 0 ? '…' : '';
  const body = text.slice(from, to).replace(/\s+/gu, ' ');
  const before = text.slice(from, match.index).replace(/\s+/gu, ' ');
  const start = head.length + before.length;
  return {
    text: `${head}${body}${to < text.length ? '…' : ''}`,
    hit: [start, start + match[0].replace(/\s+/gu, ' ').length],
  };
}

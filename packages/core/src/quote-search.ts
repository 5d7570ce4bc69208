/**
 * Finding a tag's quote again in changed text, using its prefix and suffix to choose between
 * several occurrences (the TextQuoteSelector approach of the W3C model and Hypothesis).
 */

/** What quote search reads of a text: a string, or a text projection read in pieces. */
export type ReadableText = Pick<string, 'length' | 'slice' | 'indexOf'>;

/** A match of a quote in a text, with how well its surroundings agree with the stored context. */
export interface QuoteMatch {
  readonly start: number;
  readonly end: number;
  /** Characters of stored prefix and suffix that agree with the text around the match. */
  readonly contextScore: number;
}

/** Length of the common ending of two strings. */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common beginning of two strings. */
function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Every exact occurrence of `quote` in `text`, scored by agreement with `prefix` and `suffix`. */
export function findQuoteMatches(
  text: ReadableText,
  quote: string,
  prefix: string,
  suffix: string,
): QuoteMatch[] {
  const matches: QuoteMatch[] = [];
  if (!quote) return matches;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(end, end + suffix.length);
    matches.push({
      start: at,
      end,
      contextScore: commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix),
    });
  }
  return matches;
}

/**
 * The best occurrence of a quote: the highest context score, then the nearest to `hint`.
 * Returns null when there is none.
 */
export function bestQuoteMatch(
  text: ReadableText,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | null,
): QuoteMatch | null {
  let best: QuoteMatch | null = null;
  for (const match of findQuoteMatches(text, quote, prefix, suffix)) {
    if (
      !best ||
      match.contextScore > best.contextScore ||
      (match.contextScore === best.contextScore &&
        hint !== null &&
        Math.abs(match.start - hint) < Math.abs(best.start - hint))
    ) {
      best = match;
    }
  }
  return best;
}

/**
 * Similarity of two strings from 0 to 1 (1 − edit distance / longer length), bounded in cost. The
 * common start and end are skipped before the edit distance is computed (they do not change it), so
 * a quote drifted by a few typed characters costs about as much as those characters.
 */
export function similarity(a: string, b: string, maxLength = 2_000): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  if (a.length > maxLength || b.length > maxLength) return 0;
  let start = 0;
  const shorter = Math.min(a.length, b.length);
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return 1 - editDistance(a.slice(start, endA), b.slice(start, endB)) / Math.max(a.length, b.length);
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Splitting text around the words a reviewer searched for, so they can be marked. */

/** A stretch of text, and whether it is a searched word. */
export interface TextPiece {
  readonly text: string;
  readonly hit: boolean;
}

/** The words and "quoted phrases" of a search, lower-cased, as the server reads them. */
export function searchWords(query: string): string[] {
  const words: string[] = [];
  for (const match of query.matchAll(/"([^"]*)"?|(\S+)/gu)) {
    const word = (match[1] ?? match[2] ?? '').replace(/\s+/gu, ' ').trim().toLowerCase();
    if (word) words.push(word);
  }
  return words;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** `text` cut into pieces, every case-insensitive occurrence of a searched word marked as a hit. */
export function highlightTerms(text: string, query: string): TextPiece[] {
  const words = searchWords(query).sort((a, b) => b.length - a.length);
  if (words.length === 0) return [{ text, hit: false }];
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'giu');
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ text: text.slice(last, at), hit: false });
    pieces.push({ text: match[0], hit: true });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), hit: false });
  return pieces;
}

import { ImportError } from './import-error.js';

/** The size and length limits of an import, checked before and after reading the file. */

/** Largest file accepted: 5 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Most words an imported article may have. */
export const MAX_IMPORT_WORDS = 200_000;

/** A byte count for people: `4.2 MB`, `812 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The message for a file over the byte limit (also used where the HTTP layer cuts a body off). */
export function tooLargeMessage(bytes: number | null): string {
  const limit = formatBytes(MAX_IMPORT_BYTES);
  let size = bytes === null ? 'larger than that' : formatBytes(bytes);
  // Just over the limit rounds to the limit itself: give the exact count instead.
  if (bytes !== null && size === limit) size = `${bytes.toLocaleString('en')} bytes`;
  return `The file is too large to import: the limit is ${limit} and this one is ${size}.`;
}

/** Throws when a file is over the byte limit or has no bytes at all. */
export function checkFileSize(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new ImportError('empty', 'The file is empty.');
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', tooLargeMessage(bytes.byteLength));
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Words in a text: runs between white space that hold a letter or a digit (any script). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (LETTER_OR_DIGIT.test(token)) count += 1;
  return count;
}

/** Throws when an article has more words than the limit. */
export function checkWordCount(words: number): void {
  if (words > MAX_IMPORT_WORDS) {
    throw new ImportError(
      'too-many-words',
      `The article is too long to import: the limit is ${MAX_IMPORT_WORDS.toLocaleString('en')} words and this one has ${words.toLocaleString('en')}.`,
    );
  }
}

import type { ExportFormat } from './format.js';

/** Longest slug kept, in characters, before the extension. */
const MAX_SLUG_LENGTH = 80;

/**
 * A lowercase ASCII slug of a title for file names: accents folded (`Café` → `cafe`), anything
 * else outside `a-z0-9` collapsed to one hyphen; `article` when nothing is left.
 */
export function slugifyTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/u, '');
  return slug || 'article';
}

/** A safe file name for an export of an article titled `title`: `<slug>.<extension>`. */
export function exportFileName(title: string, format: Pick<ExportFormat, 'extension'>): string {
  return `${slugifyTitle(title)}.${format.extension}`;
}

/**
 * The title as a file name for `filename*` (RFC 6266), kept in full but without path separators,
 * control characters or quotes, so a client that honours it still gets one plain file name.
 */
export function unicodeExportFileName(title: string, format: Pick<ExportFormat, 'extension'>): string {
  const cleaned = title
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^\.+/u, '');
  // Cut by code points so an emoji is never split.
  const name = [...cleaned].slice(0, 150).join('').trim();
  return `${name || slugifyTitle(title)}.${format.extension}`;
}

/** Makes names unique within one set by adding `-2`, `-3`… before the extension. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${stem}-${suffix}${extension}`;
    taken.add(candidate);
    return candidate;
  });
}

import { deriveTitle } from '@factcheck/core';

/**
 * Metadata values as the shared `meta` map keeps them (see core's article-meta.ts): one line of
 * text, `authors` joined by `; `, `publishedAt` ISO 8601, `language` a BCP 47 tag, URLs absolute.
 */

/** Longest title kept; longer ones are cut at a word boundary. */
const MAX_TITLE_LENGTH = 300;
/** Longest value kept for other fields. */
const MAX_FIELD_LENGTH = 2_000;

// C0 controls other than tab and line breaks, and DEL: never text, and invalid in XML exports.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/gu;

/** Removes control characters that are never text (keeps tab and line breaks). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** A metadata value on one line: white space collapsed, trimmed, cut to a sane length; '' when blank. */
export function cleanValue(value: unknown, maxLength = MAX_FIELD_LENGTH): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = stripControlCharacters(String(value)).replace(/\s+/gu, ' ').trim();
  return text.length > maxLength ? text.slice(0, maxLength).trim() : text;
}

/** A title on one line, cut at a word boundary when it is very long. */
export function cleanTitle(value: unknown): string {
  const text = cleanValue(value, Number.MAX_SAFE_INTEGER);
  return text.length > MAX_TITLE_LENGTH ? deriveTitle(text, MAX_TITLE_LENGTH) : text;
}

/** Author names, from one string or a list, joined by `; ` without repeats. */
export function joinAuthors(values: readonly unknown[]): string {
  const names: string[] = [];
  for (const value of values) {
    const name = cleanValue(value);
    if (name && !names.includes(name)) names.push(name);
  }
  return names.join('; ');
}

/** An absolute http(s) URL, or '' (relative or other schemes are no source). */
export function cleanUrl(value: unknown, base?: string | null): string {
  const text = cleanValue(value);
  if (!text) return '';
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/**
 * A link target the editor keeps (http(s) or mailto, as its `isSafeHref`), made absolute against
 * `base`; null for anything else (javascript:, data:, a relative link with no base).
 */
export function absoluteLinkHref(href: string | undefined, base: string | null): string | null {
  const text = (href ?? '').trim();
  if (!text) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/u;

/**
 * A publication date as ISO 8601: `YYYY-MM-DD` and ISO date-times are kept as written; other
 * dates JavaScript can read become a UTC date-time; anything else ''.
 */
export function cleanDate(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  const text = cleanValue(value);
  if (!text) return '';
  if (ISO_DATE.test(text) || ISO_DATE_TIME.test(text)) {
    return Number.isNaN(Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)) ? '' : text;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? '' : new Date(parsed).toISOString();
}

/** A BCP 47 language tag in canonical form (`en-GB`, `ur`), from `en_GB` or `EN-gb`; '' when invalid. */
export function cleanLanguage(value: unknown): string {
  const text = cleanValue(value).replace(/_/gu, '-');
  if (!text) return '';
  try {
    return Intl.getCanonicalLocales(text)[0] ?? '';
  } catch {
    return '';
  }
}

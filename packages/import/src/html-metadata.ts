import type { ImportedMeta } from './imported-article.js';
import { cleanDate, cleanLanguage, cleanTitle, cleanUrl, cleanValue, joinAuthors } from './meta-values.js';

/**
 * An HTML page's metadata: `<title>`, `<meta>` (name, property, itemprop, http-equiv: Open Graph,
 * article:*, Dublin Core, description, author), `<link rel=canonical>` and `<html lang>`. Read
 * before extraction, which rewrites the document.
 */

/** Values of every `<meta>` by lower-cased key (name, property, itemprop or http-equiv). */
function metaValues(document: Document): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const element of document.querySelectorAll('meta')) {
    const content = element.getAttribute('content');
    if (content === null) continue;
    for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (!key) continue;
      const list = values.get(key) ?? [];
      list.push(content);
      values.set(key, list);
    }
  }
  return values;
}

function first(
  values: Map<string, string[]>,
  keys: readonly string[],
  clean: (value: string) => string = cleanValue,
): string {
  for (const key of keys) {
    for (const value of values.get(key) ?? []) {
      const cleaned = clean(value);
      if (cleaned) return cleaned;
    }
  }
  return '';
}

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'headline'];
const URL_KEYS = ['og:url', 'twitter:url', 'dc.identifier', 'url'];
const OUTLET_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher'];
const AUTHOR_KEYS = [
  'author',
  'article:author',
  'dc.creator',
  'dcterms.creator',
  'parsely-author',
  'sailthru.author',
];
const DATE_KEYS = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'published_time',
  'publish-date',
  'pubdate',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.issued',
  'dcterms.created',
];
const LANGUAGE_KEYS = ['content-language', 'dc.language', 'language', 'og:locale'];
const DESCRIPTION_KEYS = ['description', 'og:description', 'twitter:description', 'dc.description'];

/** What the page says about itself, before any fallback from the extracted article. */
export interface HtmlMetadata extends ImportedMeta {
  /** The `<title>` element's text, kept apart: it often ends with the outlet's name. */
  readonly documentTitle: string;
}

/** Reads the page's own metadata. */
export function readHtmlMetadata(document: Document): HtmlMetadata {
  const values = metaValues(document);
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const sourceUrl = first(values, URL_KEYS, (value) => cleanUrl(value)) || cleanUrl(canonical);
  const authors = AUTHOR_KEYS.flatMap((key) => values.get(key) ?? []).filter(
    // article:author is often a profile URL rather than a name.
    (value) => !/^https?:\/\//iu.test(value.trim()),
  );
  return {
    documentTitle: cleanTitle(document.querySelector('title')?.textContent ?? ''),
    title: first(values, TITLE_KEYS, cleanTitle),
    sourceUrl,
    outlet: first(values, OUTLET_KEYS),
    authors: joinAuthors(authors.flatMap((value) => value.split(/\s*;\s*/u))),
    publishedAt: first(values, DATE_KEYS, cleanDate),
    language:
      cleanLanguage(document.documentElement?.getAttribute('lang')) ||
      cleanLanguage(document.documentElement?.getAttribute('xml:lang')) ||
      first(values, LANGUAGE_KEYS, cleanLanguage),
    description: first(values, DESCRIPTION_KEYS),
  };
}

/** A `<title>` without the outlet's name after a separator ("Story | Outlet" → "Story"). */
export function withoutOutletSuffix(title: string, outlet: string): string {
  if (!outlet) return title;
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
    const suffix = `${separator}${outlet}`;
    if (title.toLowerCase().endsWith(suffix.toLowerCase()) && title.length > suffix.length) {
      return title.slice(0, -suffix.length).trim();
    }
  }
  return title;
}

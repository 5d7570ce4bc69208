import type * as Y from 'yjs';
import { getMeta } from './document-layout.js';

/**
 * The article's bibliographic metadata, kept as plain string values in the `meta` map so every
 * client, the server and the exports read the same fields.
 */

/** Metadata keys every layer understands, in the order they are shown. */
export const ARTICLE_META_FIELDS = [
  'title',
  'sourceUrl',
  'outlet',
  'authors',
  'publishedAt',
  'language',
] as const;

/** One of the metadata keys. */
export type ArticleMetaField = (typeof ARTICLE_META_FIELDS)[number];

/** Human labels for the metadata keys (exports and forms). */
export const ARTICLE_META_LABELS: Readonly<Record<ArticleMetaField, string>> = {
  title: 'Title',
  sourceUrl: 'Source',
  outlet: 'Outlet',
  authors: 'Author(s)',
  publishedAt: 'Published',
  language: 'Language',
};

/**
 * The article's metadata: `authors` is one string with names separated by `; `, `publishedAt` an
 * ISO 8601 date (`YYYY-MM-DD`) or date-time, `language` a BCP 47 tag (`en`, `ur`). Missing fields
 * are empty strings.
 */
export type ArticleMeta = Readonly<Record<ArticleMetaField, string>>;

/** Reads the metadata fields from a document (missing or non-string values read as ''). */
export function readArticleMeta(doc: Y.Doc): ArticleMeta {
  const meta = getMeta(doc);
  const entries = ARTICLE_META_FIELDS.map((field) => {
    const value = meta.get(field);
    return [field, typeof value === 'string' ? value : ''] as const;
  });
  return Object.fromEntries(entries) as ArticleMeta;
}

/** Splits the `authors` field into names. */
export function splitAuthors(authors: string): string[] {
  return authors
    .split(/\s*;\s*/u)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

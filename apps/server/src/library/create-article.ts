import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { summarizeArticle } from '@factcheck/core';
import { writeImportedArticle, type ImportedArticle } from '@factcheck/import';
import { isValidArticleId } from '../article-id.js';
import type { DocumentStore } from '../storage/document-store.js';
import { firstReadingCopy } from '../summaries/reading-copy.js';

/**
 * Storing a newly imported article: the whole document is built in memory first, then stored as
 * one update with its library summary, so a failure leaves nothing half-imported behind.
 */

/** Longest title slug in a new article id. */
const SLUG_LENGTH = 48;
/** Tries at a fresh id before giving up (collisions are a 1 in 4 billion event each). */
const ID_ATTEMPTS = 5;

/** The ASCII words of a title as an id prefix: "Café owner “denies”" → "cafe-owner-denies". */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (slug.length <= SLUG_LENGTH) return slug;
  // Cut at a word boundary when there is one.
  const cut = slug.slice(0, SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, SLUG_LENGTH)).replace(/-+$/u, '');
}

/**
 * A new article id: the title's slug (or `article` for titles with no ASCII letters, such as
 * Urdu ones) and 8 random hex digits, e.g. `cafe-owner-denies-the-rumour-3f9a1c2e`.
 */
export function newArticleId(title: string): string {
  const id = `${titleSlug(title) || 'article'}-${randomBytes(4).toString('hex')}`;
  if (!isValidArticleId(id)) throw new Error(`Generated an invalid article id: ${id}`);
  return id;
}

/** An article as it was stored. */
export interface CreatedArticle {
  readonly id: string;
  readonly title: string;
}

/**
 * Stores an imported article under a new id: its Yjs state (written in one import transaction),
 * its library summary and its reading copy. If they cannot be stored, the document is removed
 * again and the error rethrown.
 */
export async function createArticle(store: DocumentStore, article: ImportedArticle): Promise<CreatedArticle> {
  const doc = new Y.Doc();
  try {
    writeImportedArticle(doc, article);
    const update = Y.encodeStateAsUpdate(doc);
    const summary = summarizeArticle(doc);
    const copy = await firstReadingCopy(doc);
    let id = newArticleId(article.title);
    for (let attempt = 1; await store.hasDocument(id); attempt++) {
      if (attempt >= ID_ATTEMPTS) throw new Error('Could not find a free article id.');
      id = newArticleId(article.title);
    }
    await store.appendUpdate(id, update);
    try {
      await Promise.all([
        store.writeSummary(id, summary),
        copy ? store.writeReadingCopy(id, copy) : undefined,
      ]);
    } catch (error) {
      await store.deleteDocument(id).catch(() => undefined);
      throw error;
    }
    return { id, title: article.title };
  } finally {
    doc.destroy();
  }
}

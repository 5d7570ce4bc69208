import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { parsePlainTextArticle, summarizeArticle, writeArticle, type ArticleSummary } from '@factcheck/core';
import { isValidArticleId } from '../article-id.js';
import type { DocumentStore, StoredReadingCopy } from '../storage/document-store.js';
import { firstReadingCopy } from '../summaries/reading-copy.js';
import type { ServerLogger } from '../logger.js';

/** Builds the initial Yjs state, summary and reading copy of one plain-text article. */
export async function importPlainTextArticle(raw: string): Promise<{
  update: Uint8Array;
  summary: ArticleSummary;
  copy: StoredReadingCopy | null;
}> {
  const doc = new Y.Doc();
  try {
    writeArticle(doc, parsePlainTextArticle(raw));
    return {
      update: Y.encodeStateAsUpdate(doc),
      summary: summarizeArticle(doc),
      copy: await firstReadingCopy(doc),
    };
  } finally {
    doc.destroy();
  }
}

/**
 * Fills an empty store with every `*.txt` article of the corpus directory, in id order
 * (id = file name without `.txt`). Does nothing when the store already holds documents.
 * Returns the ids imported.
 */
export async function seedCorpus(
  store: DocumentStore,
  corpusDir: string,
  log: ServerLogger,
): Promise<string[]> {
  if ((await store.listDocuments()).length > 0) return [];
  let files: string[];
  try {
    files = (await readdir(corpusDir)).filter((file) => file.endsWith('.txt')).sort();
  } catch (error) {
    log.warn({ err: error, corpusDir }, 'corpus directory not readable; starting with no articles');
    return [];
  }
  const imported: string[] = [];
  for (const file of files) {
    const id = file.slice(0, -'.txt'.length);
    if (!isValidArticleId(id)) {
      log.warn({ file }, 'corpus file name is not a valid article id; skipped');
      continue;
    }
    try {
      const { update, summary, copy } = await importPlainTextArticle(
        await readFile(path.join(corpusDir, file), 'utf8'),
      );
      await store.appendUpdate(id, update);
      await Promise.all([
        store.writeSummary(id, summary),
        copy ? store.writeReadingCopy(id, copy) : undefined,
      ]);
      imported.push(id);
      log.info({ article: id, title: summary.title }, 'article imported from corpus');
    } catch (error) {
      log.error({ err: error, article: id, file }, 'failed to import corpus article');
    }
  }
  return imported;
}

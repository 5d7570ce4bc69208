import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { getTitle, STORAGE_ORIGIN } from '@factcheck/core';
import {
  buildExportModel,
  exportFileName,
  exportFormats,
  ORGANISATION_ENV,
  type ExportFormatName,
} from '@factcheck/export';
import { LeveldbDocumentStore } from '@factcheck/server';
import { CliError } from '../cli-error.js';
import type { ArticleEntry, ArticleSource, ExportedFile, ExportSelection } from './article-source.js';
import { unknownArticleError } from './unknown-article.js';

/** Whether an error (or one of its causes) is LevelDB refusing a lock another process holds. */
function isLockedError(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === 'LEVEL_LOCKED') return true;
  }
  return false;
}

/**
 * Reads articles straight from a data directory's LevelDB store, the way the server does. LevelDB
 * admits one process at a time, so this fails with advice while the server is running.
 */
export class DataDirSource implements ArticleSource {
  private constructor(
    private readonly store: LeveldbDocumentStore,
    private readonly dataDir: string,
    private readonly baseUrl: string,
  ) {}

  /** Opens `<dataDir>/documents`; a CliError when it is missing, empty or locked by a server. */
  static async open(dataDir: string, baseUrl: string): Promise<DataDirSource> {
    const directory = path.join(dataDir, 'documents');
    if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
      throw new CliError(
        `No data directory at ${dataDir}. Pass --data-dir <dir> (or set DATA_DIR), or read a running server with --server <url>.`,
      );
    }
    // Checked before opening, which would create an empty store.
    if (!existsSync(directory)) {
      throw new CliError(
        `${dataDir} holds no articles (no documents/ folder). Start the server once with DATA_DIR=${dataDir} to seed it, or pass another --data-dir.`,
      );
    }
    let store: LeveldbDocumentStore;
    try {
      store = await LeveldbDocumentStore.open(directory);
    } catch (error) {
      if (isLockedError(error)) {
        throw new CliError(
          `The data directory ${dataDir} is in use by another process, probably the running server (LevelDB allows one process at a time). Export through it instead: --server http://localhost:8080`,
        );
      }
      throw new CliError(`Could not open the articles in ${directory}: ${(error as Error).message}`);
    }
    return new DataDirSource(store, dataDir, baseUrl);
  }

  /** Every stored article with its title (from the stored summary, else from the document). */
  async list(): Promise<ArticleEntry[]> {
    const ids = await this.store.listDocuments();
    if (ids.length === 0) throw new CliError(`${this.dataDir} holds no articles.`);
    const entries: ArticleEntry[] = [];
    for (const id of ids) {
      const summary = await this.store.readSummary(id);
      entries.push({ id, title: summary?.title || (await this.withDocument(id, getTitle)) || id });
    }
    return entries;
  }

  /**
   * Loads the article into a Y.Doc, builds the export model and renders it; the reviewing
   * organisation (`claimreview`) comes from `$FACTCHECK_ORGANISATION`, as on the server.
   */
  async exportArticle(
    id: string,
    formatName: ExportFormatName,
    { filter, view }: ExportSelection,
  ): Promise<ExportedFile> {
    const format = exportFormats[formatName];
    const model = await this.withDocument(id, (doc) =>
      buildExportModel(doc, { id, baseUrl: this.baseUrl, filter, ...(view ? { view } : {}) }),
    );
    const organisation = process.env[ORGANISATION_ENV];
    const bytes = await format.render(model, organisation ? { organisation } : {});
    return { fileName: exportFileName(model.title, format), bytes };
  }

  /** Closes the store, releasing the LevelDB lock. */
  async close(): Promise<void> {
    await this.store.close();
  }

  private async withDocument<T>(id: string, read: (doc: Y.Doc) => T): Promise<T> {
    const state = await this.store.loadDocument(id);
    if (!state) throw unknownArticleError(id, await this.store.listDocuments());
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state, STORAGE_ORIGIN);
      return read(doc);
    } finally {
      doc.destroy();
    }
  }
}

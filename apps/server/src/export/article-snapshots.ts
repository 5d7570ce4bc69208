import { isValidArticleId } from '../article-id.js';
import * as Y from 'yjs';
import { STORAGE_ORIGIN } from '@factcheck/core';
import type { DocumentStore } from '../storage/document-store.js';
import type { DocumentRegistry } from '../sync/document-registry.js';

/**
 * Read-only access to articles for exports: the live document when it is in memory (so an export
 * shows what connected reviewers see), else a temporary copy from storage that is never registered,
 * so exporting does not keep documents loaded.
 */
export class ArticleSnapshots {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly store: DocumentStore,
  ) {}

  /** Ids of every stored article, sorted. */
  list(): Promise<string[]> {
    // Articles only: blind review copies are stored beside them under names no article id can take.
    return this.store.listDocuments().then((names) => names.filter(isValidArticleId));
  }

  /** Runs `read` on the article's document (synchronously, so it sees one state); null if none is stored. */
  async read<T>(id: string, read: (doc: Y.Doc) => T): Promise<{ value: T } | null> {
    const live = this.registry.peek(id);
    if (live) return { value: read(live.doc) };
    const state = await this.store.loadDocument(id);
    // It may have been loaded meanwhile, with changes not yet in `state`.
    const loaded = this.registry.peek(id);
    if (loaded) return { value: read(loaded.doc) };
    if (!state) return null;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state, STORAGE_ORIGIN);
      return { value: read(doc) };
    } finally {
      doc.destroy();
    }
  }
}

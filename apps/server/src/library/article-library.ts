import * as Y from 'yjs';
import { STORAGE_ORIGIN, summarizeArticle, type ArticleSummary } from '@factcheck/core';
import type { DocumentStore } from '../storage/document-store.js';
import type { ServerLogger } from '../logger.js';

/** An article as the library lists it. */
export interface ArticleListing extends ArticleSummary {
  readonly id: string;
}

/**
 * The library's view of the stored articles, read from stored summaries so listing does not
 * load documents; a missing summary is computed once from storage and stored.
 */
export class ArticleLibrary {
  constructor(
    private readonly store: DocumentStore,
    private readonly log: ServerLogger,
  ) {}

  /** Every article, sorted by id. */
  async list(): Promise<ArticleListing[]> {
    const ids = await this.store.listDocuments();
    const listings = await Promise.all(ids.map((id) => this.get(id)));
    return listings.filter((listing): listing is ArticleListing => listing !== null);
  }

  /** One article, or null when it is not stored. */
  async get(id: string): Promise<ArticleListing | null> {
    if (!(await this.store.hasDocument(id))) return null;
    const summary = (await this.store.readSummary(id)) ?? (await this.rebuildSummary(id));
    return summary ? { id, title: summary.title, counts: { ...summary.counts } } : null;
  }

  private async rebuildSummary(id: string): Promise<ArticleSummary | null> {
    const state = await this.store.loadDocument(id);
    if (!state) return null;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state, STORAGE_ORIGIN);
      const summary = summarizeArticle(doc);
      await this.store.writeSummary(id, summary);
      this.log.info({ article: id }, 'summary rebuilt from the stored document');
      return summary;
    } finally {
      doc.destroy();
    }
  }
}

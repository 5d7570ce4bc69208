import * as Y from 'yjs';
import { STORAGE_ORIGIN, summarizeArticle, type ArticleSummary } from '@factcheck/core';
import { isValidArticleId } from '../article-id.js';
import type { DocumentStore, LibraryState } from '../storage/document-store.js';
import type { ServerLogger } from '../logger.js';
import { watchSummaryWrites } from './summary-watch.js';

/** One article as the library index holds it. */
export interface IndexedArticle {
  readonly id: string;
  readonly summary: ArticleSummary;
  readonly state: LibraryState;
  /** Lower-cased title, outlet, authors and text, which search terms are matched against. */
  readonly searchable: readonly string[];
  /** Publication time in milliseconds, or null when the date is missing or unreadable. */
  readonly publishedTime: number | null;
}

/** The state of an article nobody archived or deleted. */
export const ACTIVE_STATE: LibraryState = { archivedAt: null, deletedAt: null };

/** Milliseconds of a `publishedAt` value (`YYYY-MM-DD` or ISO date-time), or null. */
export function publishedTimeOf(publishedAt: string): number | null {
  const value = publishedAt.trim();
  if (!/^\d{4}-\d{2}-\d{2}/u.test(value)) return null;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? null : time;
}

function indexed(id: string, summary: ArticleSummary, state: LibraryState): IndexedArticle {
  return {
    id,
    summary,
    state,
    searchable: [summary.title, summary.outlet, summary.authors, summary.text].map((text) =>
      text.toLowerCase(),
    ),
    publishedTime: publishedTimeOf(summary.publishedAt),
  };
}

/**
 * The library index: every stored article's summary and library state, in memory, so listing,
 * searching and tag search never load documents. It follows summary writes and deletions through
 * the store returned by `watch`, and catches up with documents stored behind its back (a missing
 * summary is rebuilt once from the document) whenever it is read. Stored documents whose names are
 * no article id (a blind review's copies) are not articles and are left out.
 */
export class ArticleLibrary {
  private readonly entries = new Map<string, IndexedArticle>();
  /** Summaries stored for documents not indexed yet, newer than what a running refresh may read. */
  private readonly unindexed = new Map<string, ArticleSummary>();
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore,
    private readonly log: ServerLogger,
  ) {}

  /** The store as every writer should use it: stored summaries and deletions update this index. */
  watch(): DocumentStore {
    return watchSummaryWrites(this.store, {
      summaryStored: (id, summary) => {
        if (!isValidArticleId(id)) return;
        const entry = this.entries.get(id);
        if (entry) this.entries.set(id, indexed(id, summary, entry.state));
        else this.unindexed.set(id, summary);
      },
      documentDeleted: (id) => {
        this.entries.delete(id);
        this.unindexed.delete(id);
      },
    });
  }

  /** Every article that is not deleted (archived ones included), after catching up with storage. */
  async articles(): Promise<IndexedArticle[]> {
    await this.refresh();
    return [...this.entries.values()].filter((entry) => entry.state.deletedAt === null);
  }

  /** Every article deleted and waiting for its purge. */
  async deletedArticles(): Promise<IndexedArticle[]> {
    await this.refresh();
    return [...this.entries.values()].filter((entry) => entry.state.deletedAt !== null);
  }

  /** One article, deleted ones included; null when it is not stored. */
  async find(id: string): Promise<IndexedArticle | null> {
    await this.refresh();
    return this.entries.get(id) ?? null;
  }

  /** Stores a new library state for an article and indexes it; null when it is not stored. */
  async setState(id: string, state: LibraryState): Promise<IndexedArticle | null> {
    const entry = await this.find(id);
    if (!entry) return null;
    await this.store.writeLibraryState(id, state);
    // The article may have been purged, or its summary replaced, while the state was written.
    const current = this.entries.get(id);
    if (!current) return null;
    const updated = indexed(id, current.summary, state);
    this.entries.set(id, updated);
    return updated;
  }

  /** Catches up with storage: indexes stored documents it does not know, drops ones gone. */
  refresh(): Promise<void> {
    this.refreshing ??= this.catchUp().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async catchUp(): Promise<void> {
    // Other stored documents (a blind review's copies) are not articles.
    const ids = (await this.store.listDocuments()).filter(isValidArticleId);
    const stored = new Set(ids);
    for (const id of this.entries.keys()) if (!stored.has(id)) this.entries.delete(id);
    for (const id of ids) {
      if (this.entries.has(id)) continue;
      try {
        await this.index(id);
      } catch (error) {
        this.log.error({ err: error, article: id }, 'could not index the article');
      }
    }
  }

  private async index(id: string): Promise<void> {
    const [storedSummary, state] = await Promise.all([
      this.store.readSummary(id),
      this.store.readLibraryState(id),
    ]);
    const summary = this.unindexed.get(id) ?? storedSummary ?? (await this.rebuildSummary(id));
    if (!summary || this.entries.has(id) || !(await this.store.hasDocument(id))) return;
    // A summary stored while this one was read is the newer one.
    const latest = this.unindexed.get(id) ?? summary;
    this.unindexed.delete(id);
    this.entries.set(id, indexed(id, latest, state ?? ACTIVE_STATE));
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

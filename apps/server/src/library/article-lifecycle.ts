import type { DocumentStore } from '../storage/document-store.js';
import type { DocumentRegistry } from '../sync/document-registry.js';
import { CloseCode } from '../sync/connection.js';
import type { ServerLogger } from '../logger.js';
import type { ArticleLibrary, IndexedArticle } from './article-library.js';

/**
 * Close code sent to reviewers connected to an article when it is deleted: in the 4400–4499 range,
 * so stock y-websocket clients do not reconnect (4410 is taken by the blind review's stale copy).
 */
export const ARTICLE_DELETED_CLOSE_CODE = CloseCode.articleDeleted;

/** How long a deleted article can be restored, unless the server is told otherwise. */
export const DEFAULT_UNDO_WINDOW_MS = 15_000;

/** What deleting an article answers: when it was deleted and when it will be gone for good. */
export interface DeletedArticle {
  readonly id: string;
  readonly title: string;
  readonly deletedAt: string;
  readonly purgeAt: string;
}

/** How the lifecycle reaches articles. */
export interface ArticleLifecycleOptions {
  readonly library: ArticleLibrary;
  /** The store every writer uses (the library's watched store). */
  readonly store: DocumentStore;
  readonly registry: DocumentRegistry;
  readonly log: ServerLogger;
  /** How long a deleted article can be restored before its data is removed. */
  readonly undoWindowMs: number;
}

/** Wait before trying a purge again when the document is still in memory or the store failed. */
const PURGE_RETRY_MS = 1_000;

/**
 * Archiving, deleting and restoring articles. A deleted article disappears at once (lists, search,
 * sync: connected reviewers are closed out with 4411) but its data stays, and the deletion is
 * stored, for the undo window; then it is purged from storage. A restart inside the window keeps it
 * restorable until the window ends.
 */
export class ArticleLifecycle {
  private readonly purges = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: ArticleLifecycleOptions) {}

  /** Archives or unarchives an article; null when there is no such (undeleted) article. */
  async setArchived(id: string, archived: boolean): Promise<IndexedArticle | null> {
    const entry = await this.options.library.find(id);
    if (!entry || entry.state.deletedAt !== null) return null;
    if ((entry.state.archivedAt !== null) === archived) return entry;
    const archivedAt = archived ? new Date().toISOString() : null;
    const updated = await this.options.library.setState(id, { ...entry.state, archivedAt });
    this.options.log.info({ article: id, archived }, archived ? 'article archived' : 'article unarchived');
    return updated;
  }

  /** Deletes an article (restorable for the undo window); null when there is no such article. */
  async delete(id: string): Promise<DeletedArticle | null> {
    const { library, registry, log, undoWindowMs } = this.options;
    const entry = await library.find(id);
    if (!entry || entry.state.deletedAt !== null) return null;
    const deletedAt = new Date();
    const updated = await library.setState(id, { ...entry.state, deletedAt: deletedAt.toISOString() });
    if (!updated) return null;
    await registry.shut(id, ARTICLE_DELETED_CLOSE_CODE, 'article deleted');
    this.schedulePurge(id, undoWindowMs);
    log.info({ article: id, undoWindowMs }, 'article deleted; purged when the undo window ends');
    return {
      id,
      title: entry.summary.title,
      deletedAt: deletedAt.toISOString(),
      purgeAt: new Date(deletedAt.getTime() + undoWindowMs).toISOString(),
    };
  }

  /**
   * Brings back a deleted article inside its undo window: 'restored' with the article, 'not-deleted'
   * when it exists and was not deleted, null when there is no such article (never was, or purged).
   */
  async restore(
    id: string,
  ): Promise<{ readonly outcome: 'restored' | 'not-deleted'; readonly article: IndexedArticle } | null> {
    const { library, registry, log } = this.options;
    const entry = await library.find(id);
    if (!entry) return null;
    if (entry.state.deletedAt === null) return { outcome: 'not-deleted', article: entry };
    this.cancelPurge(id);
    const updated = await library.setState(id, { ...entry.state, deletedAt: null });
    if (!updated) return null;
    registry.reopen(id);
    log.info({ article: id }, 'deleted article restored');
    return { outcome: 'restored', article: updated };
  }

  /** Schedules the purge of articles deleted before a restart (at once when their window has passed). */
  async resumePendingPurges(): Promise<void> {
    const { library, registry, undoWindowMs } = this.options;
    for (const entry of await library.deletedArticles()) {
      await registry.shut(entry.id, ARTICLE_DELETED_CLOSE_CODE, 'article deleted');
      const deletedAt = Date.parse(entry.state.deletedAt ?? '');
      const left = Number.isNaN(deletedAt) ? 0 : deletedAt + undoWindowMs - Date.now();
      this.schedulePurge(entry.id, Math.max(0, left));
    }
  }

  /** Stops pending purges (at shutdown); the stored deletions resume at the next start. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.purges.values()) clearTimeout(timer);
    this.purges.clear();
  }

  private schedulePurge(id: string, delayMs: number): void {
    this.cancelPurge(id);
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.purges.delete(id);
      void this.purge(id);
    }, delayMs);
    timer.unref();
    this.purges.set(id, timer);
  }

  private cancelPurge(id: string): void {
    const timer = this.purges.get(id);
    if (timer) clearTimeout(timer);
    this.purges.delete(id);
  }

  private async purge(id: string): Promise<void> {
    const { library, registry, store, log } = this.options;
    const entry = await library.find(id);
    if (!entry || entry.state.deletedAt === null) return;
    // Its last connections are still leaving and its last writes being stored: purge right after.
    if (registry.peek(id)) {
      this.schedulePurge(id, PURGE_RETRY_MS);
      return;
    }
    try {
      await store.deleteDocument(id);
      log.info({ article: id }, 'deleted article purged from storage');
    } catch (error) {
      log.error({ err: error, article: id }, 'could not purge a deleted article; trying again');
      this.schedulePurge(id, PURGE_RETRY_MS);
    }
  }
}

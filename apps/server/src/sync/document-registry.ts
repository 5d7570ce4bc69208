import * as Y from 'yjs';
import { ensureReviewCollections, MIGRATION_ORIGIN, STORAGE_ORIGIN } from '@factcheck/core';
import type { DocumentStore } from '../storage/document-store.js';
import type { ServerLogger } from '../logger.js';
import type { SummaryComputer } from '../summaries/summary-computer.js';
import { SharedDocument } from './shared-document.js';
import { SummaryPace, SummaryRefresh } from './summary-refresh.js';
import { watchInvalidAnnotations } from './invalid-annotation-watch.js';

/** How the registry loads, refreshes and unloads documents. */
export interface DocumentRegistryOptions {
  readonly store: DocumentStore;
  readonly log: ServerLogger;
  /** Grace period after the last connection leaves before a document is unloaded (0: at once). */
  readonly unloadDelayMs: number;
  /** Longest time a changed document's library summary may lag behind. */
  readonly summaryDelayMs: number;
  /** Computes the library summaries of loaded documents (normally on a worker thread). */
  readonly summaries: SummaryComputer;
  /** Wait before retrying to unload a document whose changes could not be stored. */
  readonly unsavedRetryMs?: number;
  /** Documents in memory at most; idle ones are unloaded first to make room. Default unlimited. */
  readonly maxLoadedDocuments?: number;
}

/** Every document slot is held by a connected client: a new article cannot be opened now (HTTP 503). */
export class DocumentCapacityError extends Error {
  override readonly name = 'DocumentCapacityError';
  /** Fastify answers errors with this status. */
  readonly statusCode = 503;
  constructor(limit: number) {
    super(`the server has ${limit} articles open, its limit; try again later`);
  }
}

interface LoadedDocument {
  readonly shared: SharedDocument;
  readonly summary: SummaryRefresh;
  readonly stopWatching: () => void;
}

interface Entry {
  readonly name: string;
  /** Connections holding the document (counted from the moment they ask for it). */
  refs: number;
  /** The one load shared by every concurrent join; null when no such article is stored. */
  ready: Promise<LoadedDocument | null>;
  loaded: LoadedDocument | null;
  unloadTimer: NodeJS.Timeout | null;
  unloading: Promise<void> | null;
}

/**
 * The documents in memory: one per article id, loaded once however many connections join at
 * the same time, and unloaded after the last one leaves and every write has finished.
 */
export class DocumentRegistry {
  private readonly entries = new Map<string, Entry>();
  /** Articles being deleted: nobody may join them until they are reopened. */
  private readonly shutArticles = new Set<string>();
  /** Summary work of every loaded document, shared so a busy server summarizes less often. */
  private readonly summaryPace = new SummaryPace();

  constructor(private readonly options: DocumentRegistryOptions) {}

  /** The loaded document for an article (loading it if needed), or null if none is stored. Pair with `release`. */
  async acquire(name: string): Promise<SharedDocument | null> {
    if (this.shutArticles.has(name)) return null;
    if (!this.entries.has(name)) await this.makeRoom();
    let entry = this.entries.get(name);
    if (!entry) {
      entry = this.createEntry(name);
      this.entries.set(name, entry);
    }
    entry.refs += 1;
    this.cancelUnload(entry);
    let loaded: LoadedDocument | null;
    try {
      loaded = await entry.ready;
    } catch (error) {
      this.releaseEntry(entry);
      throw error;
    }
    // Shut while it loaded: the article is being deleted.
    if (!loaded || this.shutArticles.has(name)) {
      this.releaseEntry(entry);
      return null;
    }
    return loaded.shared;
  }

  /**
   * Shuts an article (it is being deleted): new joins get null, open connections are closed with
   * `code`, and the document is unloaded as soon as they have left. `reopen` undoes it.
   */
  async shut(name: string, code: number, reason: string): Promise<void> {
    this.shutArticles.add(name);
    const entry = this.entries.get(name);
    const loaded = await entry?.ready.catch(() => null);
    if (!entry || !loaded || !this.shutArticles.has(name)) return;
    loaded.shared.disconnectPeers(code, reason);
    if (entry.refs === 0) this.scheduleUnload(entry, 0);
  }

  /** Lets connections join a shut article again. */
  reopen(name: string): void {
    this.shutArticles.delete(name);
  }

  /** Gives back a document obtained from `acquire`. */
  release(document: SharedDocument): void {
    const entry = this.entries.get(document.name);
    if (entry?.loaded?.shared === document) this.releaseEntry(entry);
  }

  /** The store documents are loaded from and written to. */
  get store(): DocumentStore {
    return this.options.store;
  }

  /** The live document of an article if it is in memory now (no load, no reference taken), else null. */
  peek(name: string): SharedDocument | null {
    return this.entries.get(name)?.loaded?.shared ?? null;
  }

  /** Number of documents currently in memory. */
  loadedDocumentCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.loaded) count += 1;
    return count;
  }

  /** Number of connections holding documents. */
  connectionCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) count += entry.refs;
    return count;
  }

  /** Finishes every write, stores summaries and unloads everything (at shutdown, after connections closed). */
  async closeAll(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      entries.map(async (entry) => {
        this.cancelUnload(entry);
        const loaded = await entry.ready.catch(() => null);
        if (!loaded) return;
        await loaded.shared.settle();
        if (!(await loaded.shared.saveUnsaved())) {
          this.options.log.error({ article: entry.name }, 'shutting down with unsaved changes');
        }
        await loaded.summary.flush();
        this.dispose(loaded);
      }),
    );
  }

  /** Unloads idle documents (oldest first) until one more fits; throws DocumentCapacityError if none can go. */
  private async makeRoom(): Promise<void> {
    const limit = this.options.maxLoadedDocuments ?? Infinity;
    for (let attempt = 0; this.entries.size >= limit; attempt++) {
      const idle = [...this.entries.values()].filter((entry) => entry.refs === 0 && entry.loaded);
      const needed = this.entries.size - limit + 1;
      if (idle.length === 0 || attempt >= 3) throw new DocumentCapacityError(limit);
      await Promise.all(
        idle.slice(0, needed).map((entry) => {
          this.cancelUnload(entry);
          return this.unload(entry);
        }),
      );
    }
  }

  private createEntry(name: string): Entry {
    const entry: Entry = {
      name,
      refs: 0,
      ready: Promise.resolve(null),
      loaded: null,
      unloadTimer: null,
      unloading: null,
    };
    entry.ready = this.load(name).then(
      (loaded) => {
        entry.loaded = loaded;
        return loaded;
      },
      (error: unknown) => {
        if (this.entries.get(name) === entry) this.entries.delete(name);
        this.options.log.error({ err: error, article: name }, 'failed to load document');
        throw error;
      },
    );
    return entry;
  }

  private async load(name: string): Promise<LoadedDocument | null> {
    const { store, log: rootLog, summaryDelayMs, summaries } = this.options;
    if (!(await store.hasDocument(name))) return null;
    const [state, storedSummary, copyMark] = await Promise.all([
      store.loadDocument(name),
      store.readSummary(name),
      store.readReadingCopyMark(name),
    ]);
    if (!state) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state, STORAGE_ORIGIN);
    // Follows every change from here on, the migration below included.
    const source = summaries.follow(doc, state);
    const log = rootLog.child({ article: name });
    const shared = new SharedDocument(name, doc, store, log);
    // Stored like any change (the shared document is listening), before any client syncs.
    let migrated = 0;
    try {
      doc.transact(() => (migrated = ensureReviewCollections(doc)), MIGRATION_ORIGIN);
    } catch (error) {
      source.stop();
      shared.destroy();
      throw error;
    }
    if (migrated > 0) log.info({ tags: migrated }, 'tags migrated to the review layout');
    const stopWatching = watchInvalidAnnotations(shared, log);
    const summary = new SummaryRefresh(
      name,
      doc,
      source,
      store,
      log,
      summaryDelayMs,
      storedSummary,
      this.summaryPace,
      copyMark,
    );
    // Stores a summary or reading copy missing or stale from an older run; no-op when current.
    void summary.flush();
    log.info({ bytes: state.byteLength }, 'document loaded');
    return { shared, summary, stopWatching };
  }

  private releaseEntry(entry: Entry): void {
    entry.refs = Math.max(0, entry.refs - 1);
    if (entry.refs > 0) return;
    if (!entry.loaded) {
      if (this.entries.get(entry.name) === entry) this.entries.delete(entry.name);
      return;
    }
    this.scheduleUnload(entry, this.shutArticles.has(entry.name) ? 0 : this.options.unloadDelayMs);
  }

  private scheduleUnload(entry: Entry, delayMs: number): void {
    this.cancelUnload(entry);
    if (delayMs <= 0) {
      void this.unload(entry);
      return;
    }
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = null;
      void this.unload(entry);
    }, delayMs);
    entry.unloadTimer.unref();
  }

  private cancelUnload(entry: Entry): void {
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = null;
  }

  private unload(entry: Entry): Promise<void> {
    entry.unloading ??= this.tryUnload(entry).finally(() => {
      entry.unloading = null;
    });
    return entry.unloading;
  }

  private async tryUnload(entry: Entry): Promise<void> {
    const loaded = entry.loaded;
    const stillWanted = () => entry.refs > 0 || this.entries.get(entry.name) !== entry;
    if (!loaded || stillWanted()) return;
    await loaded.shared.settle();
    if (stillWanted()) return;
    if (!(await loaded.shared.saveUnsaved())) {
      // Keeping it in memory beats losing changes; try again later.
      this.options.log.error({ article: entry.name }, 'document kept in memory: changes could not be stored');
      if (!stillWanted()) this.scheduleUnload(entry, this.options.unsavedRetryMs ?? 5_000);
      return;
    }
    await loaded.summary.flush();
    if (stillWanted()) return;
    this.entries.delete(entry.name);
    this.dispose(loaded);
    this.options.log.info({ article: entry.name }, 'document unloaded');
  }

  private dispose(loaded: LoadedDocument): void {
    loaded.summary.stop();
    loaded.stopWatching();
    loaded.shared.destroy();
  }
}

import type { ArticleSummary } from '@factcheck/core';
import type { DocumentStore } from '../storage/document-store.js';

/** What a summary watcher hears about. */
export interface SummaryListener {
  /** A document's summary was stored. */
  summaryStored(name: string, summary: ArticleSummary): void;
  /** A document was removed from storage. */
  documentDeleted(name: string): void;
}

/**
 * The store with its summary writes and deletions reported to a listener once they succeed, so
 * an index follows every writer (summary refresh, corpus seeding, imports) without each of them
 * knowing about it. Every other member is the store's own.
 */
export function watchSummaryWrites(store: DocumentStore, listener: SummaryListener): DocumentStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'writeSummary') {
        return async (name: string, summary: ArticleSummary, serialized?: string) => {
          await target.writeSummary(name, summary, serialized);
          listener.summaryStored(name, summary);
        };
      }
      if (key === 'deleteDocument') {
        return async (name: string) => {
          await target.deleteDocument(name);
          listener.documentDeleted(name);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

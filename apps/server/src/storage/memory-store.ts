import * as Y from 'yjs';
import type { ArticleSummary } from '@factcheck/core';
import {
  isArticleSummary,
  plainSummary,
  type DocumentStore,
  type LibraryState,
  type StoredReadingCopy,
} from './document-store.js';

/** A document store held in memory: for tests, and for running without a data directory. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly updates = new Map<string, Uint8Array[]>();
  private readonly summaries = new Map<string, ArticleSummary>();
  private readonly libraryStates = new Map<string, LibraryState>();
  private readonly readingCopies = new Map<string, StoredReadingCopy>();

  /** Names of every stored document, sorted. */
  async listDocuments(): Promise<string[]> {
    return [...this.updates.keys()].sort();
  }

  /** Whether a document with this name has stored updates. */
  async hasDocument(name: string): Promise<boolean> {
    return this.updates.has(name);
  }

  /** All stored updates merged into one, or null if there is none. */
  async loadDocument(name: string): Promise<Uint8Array | null> {
    const log = this.updates.get(name);
    if (!log) return null;
    const merged = Y.mergeUpdates(log);
    this.updates.set(name, [merged]);
    return merged;
  }

  /** Appends one update (copied, so callers may reuse their buffer). */
  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    const log = this.updates.get(name) ?? [];
    log.push(update.slice());
    this.updates.set(name, log);
  }

  /** The stored summary, or null when missing or of an older layout. */
  async readSummary(name: string): Promise<ArticleSummary | null> {
    const summary = this.summaries.get(name);
    return isArticleSummary(summary) ? structuredClone(summary) : null;
  }

  /** Replaces the stored summary. */
  async writeSummary(name: string, summary: ArticleSummary): Promise<void> {
    this.summaries.set(name, plainSummary(summary));
  }

  /** The stored reading copy, or null. */
  async readReadingCopy(name: string): Promise<StoredReadingCopy | null> {
    return this.readingCopies.get(name) ?? null;
  }

  /** The mark of the stored reading copy, or null. */
  async readReadingCopyMark(name: string): Promise<string | null> {
    return this.readingCopies.get(name)?.mark ?? null;
  }

  /** Replaces the reading copy. */
  async writeReadingCopy(name: string, copy: StoredReadingCopy): Promise<void> {
    this.readingCopies.set(name, { mark: copy.mark, nodes: copy.nodes });
  }

  /** The stored library state, or null. */
  async readLibraryState(name: string): Promise<LibraryState | null> {
    return this.libraryStates.get(name) ?? null;
  }

  /** Replaces the stored library state. */
  async writeLibraryState(name: string, state: LibraryState): Promise<void> {
    this.libraryStates.set(name, { archivedAt: state.archivedAt, deletedAt: state.deletedAt });
  }

  /** Removes a document with its summary, reading copy and library state. */
  async deleteDocument(name: string): Promise<void> {
    this.updates.delete(name);
    this.summaries.delete(name);
    this.readingCopies.delete(name);
    this.libraryStates.delete(name);
  }

  /** Nothing to release. */
  async close(): Promise<void> {}

  /** Number of updates appended to a document since it was last loaded (for tests). */
  storedUpdateCount(name: string): number {
    return this.updates.get(name)?.length ?? 0;
  }
}

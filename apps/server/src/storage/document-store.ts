import type { ArticleSummary } from '@factcheck/core';

/**
 * Where article documents live between server runs: an append-only log of Yjs updates per
 * document plus a small summary per document for the library. Backends: LevelDB for real runs,
 * memory for tests.
 */
export interface DocumentStore {
  /** Names of every stored document, sorted. */
  listDocuments(): Promise<string[]>;
  /** Whether a document with this name has stored updates. */
  hasDocument(name: string): Promise<boolean>;
  /** All stored updates of a document merged into one Yjs update, or null if there is none. */
  loadDocument(name: string): Promise<Uint8Array | null>;
  /** Appends one Yjs update to a document's log; resolves once it is durable, rejects on failure. */
  appendUpdate(name: string, update: Uint8Array): Promise<void>;
  /** The stored library summary of a document, or null if none was written. */
  readSummary(name: string): Promise<ArticleSummary | null>;
  /** Replaces the library summary of a document. */
  writeSummary(name: string, summary: ArticleSummary): Promise<void>;
  /** Removes a document with its updates and summary. */
  deleteDocument(name: string): Promise<void>;
  /** Releases the backend (file locks, handles); the store is unusable afterwards. */
  close(): Promise<void>;
}

/** Whether a stored value has the shape of an article summary (stores hold data from older runs). */
export function isArticleSummary(value: unknown): value is ArticleSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { title, counts } = value as Record<string, unknown>;
  if (typeof title !== 'string' || typeof counts !== 'object' || counts === null) return false;
  const c = counts as Record<string, unknown>;
  return ['allegation', 'denial', 'rumour'].every((label) => typeof c[label] === 'number');
}

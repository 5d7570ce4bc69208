import { ARTICLE_SUMMARY_VERSION, type ArticleSummary } from '@factcheck/core';

/** How the library keeps an article apart from its content: archived, or deleted and waiting for its purge. */
export interface LibraryState {
  /** When the article was archived (hidden from the default list); null when it is not. */
  readonly archivedAt: string | null;
  /** When the article was deleted; it is purged once the undo window after this has passed. */
  readonly deletedAt: string | null;
}

/** An article's stored reading copy: the document state it shows (a mark) and its nodes as JSON text. */
export interface StoredReadingCopy {
  readonly mark: string;
  readonly nodes: string;
}

/**
 * Where article documents live between server runs: an append-only log of Yjs updates per
 * document plus a small summary per document for the library and a reading copy (the article as
 * drawn, for a browser's first open). Backends: LevelDB for real runs,
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
  /**
   * Replaces the library summary of a document. `serialized`, when the caller has it, is the
   * summary's JSON text (saves serializing it again).
   */
  writeSummary(name: string, summary: ArticleSummary, serialized?: string): Promise<void>;
  /** The stored reading copy of a document, or null if none was written. */
  readReadingCopy(name: string): Promise<StoredReadingCopy | null>;
  /** The mark of the stored reading copy alone (what loading a document checks), or null. */
  readReadingCopyMark(name: string): Promise<string | null>;
  /** Replaces the reading copy of a document. */
  writeReadingCopy(name: string, copy: StoredReadingCopy): Promise<void>;
  /** The library state of a document (archived, deleted), or null if none was written. */
  readLibraryState(name: string): Promise<LibraryState | null>;
  /** Replaces the library state of a document. */
  writeLibraryState(name: string, state: LibraryState): Promise<void>;
  /** Removes a document with its updates, summary, reading copy and library state. */
  deleteDocument(name: string): Promise<void>;
  /** Releases the backend (file locks, handles); the store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Whether a stored value is an article summary of the current layout (stores hold data from older
 * runs; an older summary reads as missing and is rebuilt from the document).
 */
export function isArticleSummary(value: unknown): value is ArticleSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { v, title, counts, text, tags, progress, review } = value as Record<string, unknown>;
  if (v !== ARTICLE_SUMMARY_VERSION || typeof title !== 'string' || typeof text !== 'string') return false;
  if (!Array.isArray(tags) || typeof progress !== 'object' || progress === null) return false;
  if (typeof review !== 'object' || review === null) return false;
  const { blind, alpha, disputed } = review as Record<string, unknown>;
  if (
    typeof blind !== 'boolean' ||
    !(alpha === null || typeof alpha === 'number') ||
    !Array.isArray(disputed)
  )
    return false;
  if (typeof counts !== 'object' || counts === null) return false;
  const c = counts as Record<string, unknown>;
  return ['allegation', 'denial', 'rumour'].every((label) => typeof c[label] === 'number');
}

/** A summary as plain data (no prototypes or shared references), fit for any backend to store. */
export function plainSummary(summary: ArticleSummary): ArticleSummary {
  return JSON.parse(JSON.stringify(summary)) as ArticleSummary;
}

/** Whether a stored value is a library state. */
export function isLibraryState(value: unknown): value is LibraryState {
  if (typeof value !== 'object' || value === null) return false;
  const { archivedAt, deletedAt } = value as Record<string, unknown>;
  const stamp = (field: unknown) => field === null || typeof field === 'string';
  return stamp(archivedAt) && stamp(deletedAt);
}

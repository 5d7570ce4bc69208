/**
 * Types for y-leveldb: its package ships declarations its `exports` map does not expose, so the
 * part of the API this server uses is declared here. y-leveldb resolves with null when a
 * database operation fails (it logs and swallows the error).
 */
declare module 'y-leveldb' {
  import type * as Y from 'yjs';

  /** LevelDB persistence for Yjs documents: an update log plus metadata per document. */
  export class LeveldbPersistence {
    constructor(location: string, options?: { Level?: unknown; levelOptions?: object });
    /** Appends an update; the clock it was stored under, or null on failure. */
    storeUpdate(docName: string, update: Uint8Array): Promise<number | null>;
    /** The document built from all its stored updates, or null on failure. */
    getYDoc(docName: string): Promise<Y.Doc | null>;
    /** Names of all documents with stored updates, or null on failure. */
    getAllDocNames(): Promise<string[] | null>;
    /** Merges a document's update log into one update. */
    flushDocument(docName: string): Promise<void | null>;
    /** Stores a metadata value (any lib0-encodable value). */
    setMeta(docName: string, metaKey: string, value: unknown): Promise<void | null>;
    /** A metadata value, undefined if missing, null on failure. */
    getMeta(docName: string, metaKey: string): Promise<unknown>;
    /** Removes a document's updates and metadata. */
    clearDocument(docName: string): Promise<void | null>;
    /** Closes the database. */
    destroy(): Promise<void | null>;
  }
}

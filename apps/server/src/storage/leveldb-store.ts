import { mkdir } from 'node:fs/promises';
import * as Y from 'yjs';
import { Level } from 'level';
import { LeveldbPersistence } from 'y-leveldb';
import type { ArticleSummary } from '@factcheck/core';
import {
  isArticleSummary,
  isLibraryState,
  plainSummary,
  type DocumentStore,
  type LibraryState,
} from './document-store.js';

/** Meta key under which y-leveldb keeps a document's library summary. */
const SUMMARY_META_KEY = 'summary';
/** Meta key of a document's library state (archived, deleted). */
const LIBRARY_META_KEY = 'library';

/**
 * y-leveldb swallows errors inside its transactions and resolves with null instead; turn that
 * back into a rejection so callers can log it and keep the document in memory.
 */
function orFail<T>(result: T | null, what: string): T {
  if (result === null) throw new Error(`LevelDB: ${what} failed`);
  return result;
}

/** The document store of a real run: y-leveldb in a directory of the data folder. */
export class LeveldbDocumentStore implements DocumentStore {
  private constructor(
    private readonly persistence: LeveldbPersistence,
    /** Names with stored updates; only this process can write the directory while it is open. */
    private readonly names: Set<string>,
  ) {}

  /** Opens (creating if needed) the store in `directory`; fails fast if another process holds it. */
  static async open(directory: string): Promise<LeveldbDocumentStore> {
    await mkdir(directory, { recursive: true });
    const opened: Level<unknown, unknown>[] = [];
    class OpenedLevel extends Level<unknown, unknown> {
      constructor(location: string, options?: object) {
        super(location, options);
        opened.push(this);
      }
    }
    const persistence = new LeveldbPersistence(directory, { Level: OpenedLevel });
    // Opening explicitly surfaces a held lock or a corrupt directory as an error here.
    await opened[0].open();
    const names = orFail(await persistence.getAllDocNames(), 'listing documents');
    return new LeveldbDocumentStore(persistence, new Set(names));
  }

  /** Names of every stored document, sorted. */
  async listDocuments(): Promise<string[]> {
    return [...this.names].sort();
  }

  /** Whether a document with this name has stored updates. */
  async hasDocument(name: string): Promise<boolean> {
    return this.names.has(name);
  }

  /** All stored updates merged into one (y-leveldb compacts long logs while loading). */
  async loadDocument(name: string): Promise<Uint8Array | null> {
    if (!this.names.has(name)) return null;
    const doc = orFail(await this.persistence.getYDoc(name), `loading ${name}`);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Appends one update; resolves once LevelDB has written it. */
  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    orFail(await this.persistence.storeUpdate(name, update), `storing an update of ${name}`);
    this.names.add(name);
  }

  /** The stored summary, or null when missing or malformed. */
  async readSummary(name: string): Promise<ArticleSummary | null> {
    const value: unknown = await this.persistence.getMeta(name, SUMMARY_META_KEY);
    return isArticleSummary(value) ? value : null;
  }

  /** Replaces the stored summary. */
  async writeSummary(name: string, summary: ArticleSummary): Promise<void> {
    orFail(
      await this.persistence.setMeta(name, SUMMARY_META_KEY, plainSummary(summary)),
      `writing the summary of ${name}`,
    );
  }

  /** The stored library state, or null when missing or malformed. */
  async readLibraryState(name: string): Promise<LibraryState | null> {
    const value: unknown = await this.persistence.getMeta(name, LIBRARY_META_KEY);
    return isLibraryState(value) ? value : null;
  }

  /** Replaces the stored library state. */
  async writeLibraryState(name: string, state: LibraryState): Promise<void> {
    const plain = { archivedAt: state.archivedAt, deletedAt: state.deletedAt };
    orFail(await this.persistence.setMeta(name, LIBRARY_META_KEY, plain), `writing the state of ${name}`);
  }

  /** Removes a document with its updates, summary and library state (every key under its name). */
  async deleteDocument(name: string): Promise<void> {
    orFail(await this.persistence.clearDocument(name), `deleting ${name}`);
    this.names.delete(name);
  }

  /** Waits for pending writes and closes the database. */
  async close(): Promise<void> {
    orFail(await this.persistence.destroy(), 'closing the database');
  }
}

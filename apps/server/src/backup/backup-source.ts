import * as Y from 'yjs';
import type { DocumentStore } from '../storage/document-store.js';
import type { DocumentRegistry } from '../sync/document-registry.js';
import type { BackupDocument } from './backup-format.js';
import type { BackupSource } from './backup-writer.js';

/**
 * The documents of a store for a backup. With a registry (a running server), a document in
 * memory is read from memory, so the backup holds what reviewers see at that moment, including
 * changes still being written.
 */
export class StoredDocuments implements BackupSource {
  constructor(
    private readonly store: DocumentStore,
    private readonly registry: DocumentRegistry | null = null,
  ) {}

  /** Names of every stored document, sorted. */
  documentNames(): Promise<string[]> {
    return this.store.listDocuments();
  }

  /** One document with its summary and library state, or null when it is gone. */
  async readDocument(name: string): Promise<BackupDocument | null> {
    const [state, summary, libraryState] = await Promise.all([
      this.state(name),
      this.store.readSummary(name),
      this.store.readLibraryState(name),
    ]);
    return state ? { name, state, summary, libraryState } : null;
  }

  private async state(name: string): Promise<Uint8Array | null> {
    const live = this.registry?.peek(name);
    if (live) return Y.encodeStateAsUpdate(live.doc);
    const stored = await this.store.loadDocument(name);
    // Loaded meanwhile: memory may be ahead of what was read.
    const loaded = this.registry?.peek(name);
    return loaded ? Y.encodeStateAsUpdate(loaded.doc) : stored;
  }
}

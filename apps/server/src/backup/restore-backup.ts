import * as Y from 'yjs';
import { STORAGE_ORIGIN, summarizeArticle } from '@factcheck/core';
import type { DocumentStore } from '../storage/document-store.js';
import type { DocumentRegistry } from '../sync/document-registry.js';
import { firstReadingCopy } from '../summaries/reading-copy.js';
import type { BackupDocument } from './backup-format.js';

/**
 * Restoring merges: each document in the backup is merged into the stored one the way Yjs merges
 * a reviewer coming back online, so nothing made since the backup is lost, connected reviewers
 * receive what was missing at once, and documents the backup does not hold are left alone. A
 * document that is not stored is created from the backup with its library state.
 */

/** Transaction origin of changes a restore brings in. */
export const RESTORE_ORIGIN = 'factcheck:restore';

/** What restoring did to one document. */
export type RestoreOutcome = 'created' | 'merged' | 'unchanged';

/** What a restore did, per document. */
export interface RestoreReport {
  readonly documents: { readonly name: string; readonly outcome: RestoreOutcome }[];
}

/** Applies `state` to `doc` and reports whether anything changed. */
function mergeInto(doc: Y.Doc, state: Uint8Array): boolean {
  let changed = false;
  const onUpdate = () => (changed = true);
  doc.on('update', onUpdate);
  try {
    Y.applyUpdate(doc, state, RESTORE_ORIGIN);
  } finally {
    doc.off('update', onUpdate);
  }
  return changed;
}

/** Stores a document that is not stored yet, with its library state, a fresh summary and reading copy. */
async function createDocument(store: DocumentStore, document: BackupDocument): Promise<void> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, document.state, STORAGE_ORIGIN);
    await store.appendUpdate(document.name, document.state);
    if (document.libraryState) await store.writeLibraryState(document.name, document.libraryState);
    await store.writeSummary(document.name, summarizeArticle(doc));
    const copy = await firstReadingCopy(doc);
    if (copy) await store.writeReadingCopy(document.name, copy);
  } finally {
    doc.destroy();
  }
}

/**
 * Restores into a running server: each existing document is loaded through the registry and the
 * backup merged into the live copy, which stores the difference and sends it to connected clients.
 */
export async function restoreIntoServer(
  documents: readonly BackupDocument[],
  registry: DocumentRegistry,
  store: DocumentStore,
): Promise<RestoreReport> {
  const report: RestoreReport = { documents: [] };
  for (const document of documents) {
    const shared = (await store.hasDocument(document.name)) ? await registry.acquire(document.name) : null;
    if (!shared) {
      await createDocument(store, document);
      report.documents.push({ name: document.name, outcome: 'created' });
      continue;
    }
    try {
      const changed = mergeInto(shared.doc, document.state);
      // Answer once the merged changes are stored, like any reviewer's change.
      await shared.settle();
      report.documents.push({ name: document.name, outcome: changed ? 'merged' : 'unchanged' });
    } finally {
      registry.release(shared);
    }
  }
  return report;
}

/**
 * Restores straight into a store no server holds (the command line with a data directory):
 * the difference the backup adds to each document is appended as one update.
 */
export async function restoreIntoStore(
  documents: readonly BackupDocument[],
  store: DocumentStore,
): Promise<RestoreReport> {
  const report: RestoreReport = { documents: [] };
  for (const document of documents) {
    const stored = await store.loadDocument(document.name);
    if (!stored) {
      await createDocument(store, document);
      report.documents.push({ name: document.name, outcome: 'created' });
      continue;
    }
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, stored, STORAGE_ORIGIN);
      const changes: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => changes.push(update));
      mergeInto(doc, document.state);
      if (changes.length === 0) {
        report.documents.push({ name: document.name, outcome: 'unchanged' });
        continue;
      }
      await store.appendUpdate(document.name, Y.mergeUpdates(changes));
      await store.writeSummary(document.name, summarizeArticle(doc));
      report.documents.push({ name: document.name, outcome: 'merged' });
    } finally {
      doc.destroy();
    }
  }
  return report;
}

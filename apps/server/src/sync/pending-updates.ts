import type * as Y from 'yjs';

/**
 * Yjs holds back an update that builds on changes the document has not seen yet ("pending"),
 * in memory, until they arrive. A stock client only sends such an update for a moment while it
 * reconnects; a hostile one could pile them up.
 */

/** Bytes of updates the document holds back. */
export function pendingBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store;
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}

/** Forgets the held-back updates (clients that really made them send them again when they sync). */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

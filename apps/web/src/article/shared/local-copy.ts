import type * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { clearDocument, IndexeddbPersistence, storeState } from 'y-indexeddb';
import { getContent } from '@factcheck/core';
import { afterPaintAtMostEvery, deferUntilPainted } from './updates-after-paint.js';

/**
 * The copy of an article this browser keeps in IndexedDB (y-indexeddb): changes are written there
 * after the frame that shows them, at most once a second (at once when the page hides), so a
 * reviewer keeps working while offline, a reload shows the article and their unsent changes, and
 * the provider sends those changes when the connection returns (Yjs merges them like any other).
 */

/** Least time between two writes of changes to the local copy (ms). */
const LOCAL_COPY_INTERVAL_MS = 1_000;

/** y-indexeddb's object store of updates. */
const UPDATES_STORE = 'updates';

/** Name of an article's IndexedDB database. */
export function localCopyName(articleId: string): string {
  return `factcheck-article:${articleId}`;
}

/** An article kept in this browser. */
export interface LocalCopy {
  /** Whether changes are kept in this browser (false where IndexedDB is unavailable). */
  readonly available: boolean;
  /** Resolves once the stored copy is loaded into the document: true when it held the article. */
  readonly loaded: Promise<boolean>;
  /** Stores the changes waiting for the next paint now (the page is being hidden or left). */
  flush(): void;
  /** Stores what is waiting, then stops keeping the document (the stored copy stays). */
  close(): void;
}

/** Runs `store` once the page is idle (after the article is drawn), or after a second at most. */
function whenIdle(store: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(store, { timeout: 1_000 });
  else setTimeout(store, 0);
}

/** Adds an update to the copy as it is, the way y-indexeddb stores each change (lib0's helpers). */
function storeUpdate(persistence: IndexeddbPersistence, update: Uint8Array): Promise<void> {
  const db = persistence.db;
  if (!db) return Promise.reject(new Error('The local copy is not open.'));
  const [updates] = idb.transact(db, [UPDATES_STORE]);
  // lib0 types stored items narrowly; y-indexeddb passes its Uint8Array updates the same way.
  return idb.addAutoKey(updates, update as unknown as ArrayBuffer).then(() => undefined);
}

/**
 * Keeps `ydoc` in this browser and loads what an earlier visit kept. `serverSynced` resolves at the
 * provider's first sync, with the update that sync brought as it arrived (null if unknown): when
 * this browser held no copy, that update is stored at once, so the copy exists even when the tab
 * is closed right after the article shows, and the article is never encoded again for it.
 */
export function keepLocalCopy(
  articleId: string,
  ydoc: Y.Doc,
  serverSynced: Promise<Uint8Array | null>,
): LocalCopy {
  if (typeof indexedDB === 'undefined') {
    return {
      available: false,
      loaded: Promise.resolve(false),
      flush: () => undefined,
      close: () => undefined,
    };
  }
  const persistence = new IndexeddbPersistence(localCopyName(articleId), ydoc);
  // y-indexeddb does not store what it loads itself, yet while it listens Yjs encodes every change
  // again as an update for it (~230-280 ms for the whole 5,000-tag article). So it listens once
  // the copy is loaded if the copy held the article (whatever reached the document before is
  // stored by y-indexeddb right before it loads); otherwise from the server's first sync on, and
  // what that sync brought is stored as it arrived.
  ydoc.off('update', persistence._storeUpdate);
  // Changes are stored after the frame showing them is painted (see deferUntilPainted), at most
  // once a second, merged whatever their origin: each IndexedDB write costs the page a task of
  // ~1-2 ms, and while a colleague types and this reviewer types too the page wrote after nearly
  // every frame. Leaving or hiding the page stores what waits at once.
  const store = deferUntilPainted(
    persistence._storeUpdate,
    // What y-indexeddb loaded itself passes straight through (it skips storing its own).
    (origin) => origin !== persistence,
    afterPaintAtMostEvery(LOCAL_COPY_INTERVAL_MS),
    false,
  );
  let listening = false;
  const listen = () => {
    if (listening || persistence._destroyed) return;
    listening = true;
    ydoc.on('update', store.listener);
  };
  persistence.once('synced', () => {
    if (getContent(ydoc).length > 0) listen();
    else
      void serverSynced.then((update) => {
        if (listening || persistence._destroyed) return;
        listen();
        // The server's first sync holds everything this empty copy lacked: stored as it came.
        if (update) void storeUpdate(persistence, update).catch(() => undefined);
        else
          whenIdle(() => {
            if (!persistence._destroyed) void storeState(persistence).catch(() => undefined);
          });
      });
  });
  const loaded = Promise.race([
    persistence.whenSynced.then(() => getContent(ydoc).length > 0),
    // Opening can fail (storage blocked or full): the article then works online only.
    persistence._db.then(
      () => new Promise<boolean>(() => undefined),
      () => false,
    ),
  ]);
  let closed = false;
  return {
    available: true,
    loaded,
    flush: () => {
      if (!closed) store.flush();
    },
    close: () => {
      if (closed) return;
      closed = true;
      store.flush();
      ydoc.off('update', store.listener);
      void persistence.destroy().catch(() => undefined);
    },
  };
}

/** Deletes the article's copy in this browser (the server refused it for good). Close it first. */
export async function forgetLocalCopy(articleId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await clearDocument(localCopyName(articleId));
}

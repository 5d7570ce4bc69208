import * as idb from 'lib0/indexeddb';
import type { ReadingCopyNode } from './reading-copy-tree.js';

/**
 * Reading copies in this browser's IndexedDB, one per reviewer and article (a reviewer's copy shows
 * only what they were shown, blind review included). The newest `KEPT_COPIES` are kept; each is
 * a few megabytes at most, and an older article simply opens without one.
 */

const DATABASE = 'factcheck-reading-copies';
/** Copy body by key: `{ savedAt, nodes }` as a JSON string (one clone instead of thousands). */
const COPIES = 'copies';
/** When each copy was saved, by key: read to keep the newest without loading every copy. */
const SAVED = 'saved';
/** How many reading copies this browser keeps. */
const KEPT_COPIES = 24;

/** A reading copy as stored: when it was taken and what it shows. */
interface StoredReadingCopy {
  readonly savedAt: number;
  readonly nodes: ReadingCopyNode[];
}

/**
 * The keys of the copies this browser keeps, in localStorage: read at once as the page starts, so
 * a reopen knows it has a copy before IndexedDB has even opened, and asks the server for none.
 */
const KEPT_INDEX = 'factcheck:reading-copies';

function keptKeys(): Set<string> {
  try {
    const listed: unknown = JSON.parse(localStorage.getItem(KEPT_INDEX) ?? '[]');
    return new Set(Array.isArray(listed) ? listed.filter((key) => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

function updateKeptKeys(change: (keys: Set<string>) => void): void {
  try {
    const keys = keptKeys();
    change(keys);
    localStorage.setItem(KEPT_INDEX, JSON.stringify([...keys]));
  } catch {
    // Storage unavailable or full: a reopen then also asks the server, which costs only time.
  }
}

/** Whether this browser says it keeps the reviewer's copy of an article (a hint; the copy itself is in IndexedDB). */
export function keepsReadingCopy(reviewerId: string, articleId: string): boolean {
  return keptKeys().has(copyKey(reviewerId, articleId));
}

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= idb.openDB(DATABASE, (db) => idb.createStores(db, [[COPIES], [SAVED]]));
  // A failed open (storage blocked) is tried again next time.
  opened.catch(() => (opened = null));
  return opened;
}

/** The key of a reviewer's reading copy of an article. */
export function copyKey(reviewerId: string, articleId: string): string {
  return `${reviewerId}\n${articleId}`;
}

/** The nodes of the reviewer's reading copy of an article, or null (none, unreadable or storage unavailable). */
export async function loadReadingCopy(reviewerId: string, articleId: string): Promise<unknown[] | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const db = await database();
    const [copies] = idb.transact(db, [COPIES], 'readonly');
    const stored: unknown = await idb.get(copies, copyKey(reviewerId, articleId));
    if (typeof stored !== 'string') return null;
    const parsed = JSON.parse(stored) as Partial<StoredReadingCopy>;
    if (typeof parsed.savedAt !== 'number' || !Array.isArray(parsed.nodes)) return null;
    return parsed.nodes;
  } catch {
    return null;
  }
}

/**
 * Stores the reviewer's reading copy of an article, given as the JSON of each of its top-level
 * nodes, and drops the oldest copies beyond `KEPT_COPIES`.
 */
export async function saveReadingCopy(
  reviewerId: string,
  articleId: string,
  nodesJson: readonly string[],
): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await database();
  const key = copyKey(reviewerId, articleId);
  const savedAt = Date.now();
  const [copies, saved] = idb.transact(db, [COPIES, SAVED]);
  await Promise.all([
    idb.put(copies, `{"savedAt":${savedAt},"nodes":[${nodesJson.join(',')}]}`, key),
    idb.put(saved, savedAt, key),
  ]);
  updateKeptKeys((keys) => keys.add(key));
  const [savedTimes] = idb.transact(db, [SAVED], 'readonly');
  const all = (await idb.getAllKeysValues(savedTimes)) as { k: string; v: number }[];
  if (all.length <= KEPT_COPIES) return;
  const oldest = all.sort((a, b) => b.v - a.v).slice(KEPT_COPIES);
  updateKeptKeys((keys) => oldest.forEach(({ k }) => keys.delete(k)));
  const [copiesToPrune, savedToPrune] = idb.transact(db, [COPIES, SAVED]);
  await Promise.all(oldest.flatMap(({ k }) => [idb.del(copiesToPrune, k), idb.del(savedToPrune, k)]));
}

/** Drops every reviewer's reading copy of an article (it was deleted, or its copy went stale). */
export async function forgetReadingCopies(articleId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await database();
  const [savedTimes] = idb.transact(db, [SAVED], 'readonly');
  const keys = (await idb.getAllKeys(savedTimes)) as string[];
  const doomed = keys.filter((key) => key.endsWith(`\n${articleId}`));
  updateKeptKeys((kept) =>
    [...kept].filter((key) => key.endsWith(`\n${articleId}`)).forEach((key) => kept.delete(key)),
  );
  if (doomed.length === 0) return;
  const [copies, saved] = idb.transact(db, [COPIES, SAVED]);
  await Promise.all(doomed.flatMap((key) => [idb.del(copies, key), idb.del(saved, key)]));
}

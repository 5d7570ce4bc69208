import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Level } from 'level';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LeveldbPersistence } from 'y-leveldb';
import { getMeta, summarizeArticle } from '@factcheck/core';
import { plainSummary } from '../src/storage/document-store.js';
import { LeveldbDocumentStore } from '../src/storage/leveldb-store.js';
import { UpdateJournal } from '../src/storage/update-journal.js';
import { keyEncoding, updateRange, valueEncoding, type StoreKey } from '../src/storage/leveldb-layout.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factcheck-store-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function openStore(dir: string): Promise<LeveldbDocumentStore> {
  const store = await LeveldbDocumentStore.open(dir);
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await store.close();
  });
  const close = store.close.bind(store);
  store.close = async () => {
    closed = true;
    await close();
  };
  return store;
}

/** y-leveldb itself on a directory, as a second reader and writer of the same layout. */
function openYLeveldb(dir: string): LeveldbPersistence {
  return new LeveldbPersistence(dir);
}

/** A document whose text grows with each call, handing out the update of each change. */
function textWriter(clientId?: number) {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  return (text: string): Uint8Array => {
    let update: Uint8Array = new Uint8Array();
    doc.once('update', (u: Uint8Array) => (update = u));
    doc.getText('t').insert(doc.getText('t').length, text);
    return update;
  };
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

/** Every update clock a document has, read straight from LevelDB after the store is closed. */
async function storedClocks(dir: string, name: string): Promise<number[]> {
  const db = new Level<StoreKey, Uint8Array>(dir, {
    keyEncoding: keyEncoding as never,
    valueEncoding: valueEncoding as never,
  });
  try {
    const keys = await db.keys(updateRange(name)).all();
    return keys.map((key) => key[3] as number);
  } finally {
    await db.close();
  }
}

describe('the LevelDB document store (group commit)', () => {
  it('writes the changes of many documents made in one turn as one LevelDB batch, one key per document', async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    const batch = vi.spyOn(Level.prototype, 'batch');
    const writers = Array.from({ length: 20 }, () => textWriter());
    const appends: Promise<void>[] = [];
    for (const [index, write] of writers.entries()) {
      appends.push(store.appendUpdate(`doc-${index}`, write('Hello')));
      appends.push(store.appendUpdate(`doc-${index}`, write(', world')));
    }
    await Promise.all(appends);
    // Loading waits for the document's LevelDB write.
    expect(textOf(await store.loadDocument('doc-7'))).toBe('Hello, world');
    expect(batch).toHaveBeenCalledTimes(1);
    expect(await store.listDocuments()).toHaveLength(20);
    await store.close();
    expect(await storedClocks(dir, 'doc-7')).toEqual([0]);
  });

  it('keeps each document’s clock in memory: later batches append after it, never overwrite', async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    const write = textWriter();
    for (const word of ['one ', 'two ', 'three ']) {
      await store.appendUpdate('doc', write(word));
      // Loading waits for the LevelDB write, so each word gets a batch of its own.
      await store.loadDocument('doc');
    }
    expect(textOf(await store.loadDocument('doc'))).toBe('one two three ');
    await store.close();
    expect(await storedClocks(dir, 'doc')).toEqual([0, 1, 2]);
  });

  it('leaves data y-leveldb reads: updates, document list and summary', async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    const write = textWriter();
    await store.appendUpdate('b-doc', write('written by '));
    await store.appendUpdate('b-doc', write('the group commit'));
    await store.appendUpdate('a-doc', textWriter()('other'));
    const summaryDoc = new Y.Doc();
    getMeta(summaryDoc).set('title', 'A title');
    await store.writeSummary('b-doc', summarizeArticle(summaryDoc));
    await store.close();

    const persistence = openYLeveldb(dir);
    try {
      expect((await persistence.getAllDocNames())?.sort()).toEqual(['a-doc', 'b-doc']);
      const doc = (await persistence.getYDoc('b-doc'))!;
      expect(doc.getText('t').toString()).toBe('written by the group commit');
      expect(JSON.parse((await persistence.getMeta('b-doc', 'summary')) as string)).toMatchObject({
        title: 'A title',
      });
    } finally {
      await persistence.destroy();
    }
  });

  it('loads a directory y-leveldb wrote and appends after its last clock', async () => {
    const dir = await dataDir();
    const write = textWriter();
    const persistence = openYLeveldb(dir);
    await persistence.storeUpdate('doc', write('from '));
    await persistence.storeUpdate('doc', write('y-leveldb, '));
    await persistence.setMeta('doc', 'library', { archivedAt: null, deletedAt: null });
    const summaryDoc = new Y.Doc();
    getMeta(summaryDoc).set('title', 'Stored as an object');
    await persistence.setMeta('doc', 'summary', plainSummary(summarizeArticle(summaryDoc)));
    await persistence.destroy();

    const store = await openStore(dir);
    expect(await store.listDocuments()).toEqual(['doc']);
    expect(await store.readLibraryState('doc')).toEqual({ archivedAt: null, deletedAt: null });
    expect((await store.readSummary('doc'))?.title).toBe('Stored as an object');
    // Appended before the document is ever loaded: the clock is read once from the log.
    await store.appendUpdate('doc', write('then ours'));
    expect(textOf(await store.loadDocument('doc'))).toBe('from y-leveldb, then ours');
    await store.close();
    expect(await storedClocks(dir, 'doc')).toEqual([0, 1, 2]);
  });

  it('compacts a long log into one update when loading it, keeping everything', async () => {
    const dir = await dataDir();
    const write = textWriter();
    let expected = '';
    // y-leveldb writes one key per update.
    const persistence = openYLeveldb(dir);
    for (let index = 0; index < 520; index++) {
      const word = `${index} `;
      expected += word;
      await persistence.storeUpdate('doc', write(word));
    }
    await persistence.destroy();
    const store = await openStore(dir);
    expect(textOf(await store.loadDocument('doc'))).toBe(expected);
    await store.appendUpdate('doc', write('after'));
    expect(textOf(await store.loadDocument('doc'))).toBe(`${expected}after`);
    await store.close();
    // The compacted state took the next clock after the log; the later append the one after that.
    expect(await storedClocks(dir, 'doc')).toEqual([520, 521]);
  });

  it('keeps appends durable in the journal when a LevelDB batch fails, and writes them to LevelDB later', async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    const writeA = textWriter();
    const writeB = textWriter();
    await store.appendUpdate('a', writeA('kept '));
    const batch = vi.spyOn(Level.prototype, 'batch').mockRejectedValueOnce(new Error('disk full'));
    // The journal holds them: the appends succeed although their LevelDB batch fails.
    await store.appendUpdate('a', writeA('retried '));
    await store.appendUpdate('b', writeB('retried'));
    // Journaled is stored: the new document is listed before LevelDB has it.
    expect(await store.hasDocument('b')).toBe(true);
    await vi.waitFor(() => expect(batch.mock.calls.length).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
    expect(textOf(await store.loadDocument('a'))).toBe('kept retried ');
    expect(textOf(await store.loadDocument('b'))).toBe('retried');
    await store.close();
    expect(await storedClocks(dir, 'a')).toEqual([0, 1]);
  });

  it('replays the journal into LevelDB when opened after LevelDB missed changes (a crash)', async () => {
    const dir = await dataDir();
    const first = await openStore(dir);
    const writeA = textWriter();
    await first.appendUpdate('a', writeA('in LevelDB '));
    await first.appendUpdate('gone', textWriter()('deleted'));
    // From here LevelDB takes nothing: the changes live only in the journal.
    vi.spyOn(Level.prototype, 'batch').mockRejectedValue(new Error('disk full'));
    vi.spyOn(Level.prototype, 'clear').mockRejectedValue(new Error('disk full'));
    await first.appendUpdate('a', writeA('only journaled '));
    await first.appendUpdate('new', textWriter()('only journaled'));
    const deletion = first.deleteDocument('gone');
    const recreated = textWriter();
    await first.appendUpdate('gone', recreated('recreated'));
    await first.close();
    await expect(deletion).rejects.toThrow('disk full');
    vi.restoreAllMocks();

    const second = await openStore(dir);
    expect(await second.listDocuments()).toEqual(['a', 'gone', 'new']);
    expect(textOf(await second.loadDocument('a'))).toBe('in LevelDB only journaled ');
    expect(textOf(await second.loadDocument('new'))).toBe('only journaled');
    expect(textOf(await second.loadDocument('gone'))).toBe('recreated');
    await second.close();
  });

  it('fails the appends of a turn whose journal write fails, and journals the next turn', async () => {
    const store = await openStore(await dataDir());
    const write = textWriter();
    await store.appendUpdate('a', write('kept '));
    vi.spyOn(UpdateJournal.prototype, 'write').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    const failed = [store.appendUpdate('a', write('lost ')), store.appendUpdate('b', textWriter()('lost'))];
    await expect(failed[0]).rejects.toThrow('disk full');
    await expect(failed[1]).rejects.toThrow('disk full');
    expect(await store.hasDocument('b')).toBe(false);
    await store.appendUpdate('c', textWriter()('next'));
    expect(textOf(await store.loadDocument('c'))).toBe('next');
  });

  it('reads a summary written in the batch still being collected', async () => {
    const store = await openStore(await dataDir());
    await store.appendUpdate('doc', textWriter()('x'));
    const summaryDoc = new Y.Doc();
    getMeta(summaryDoc).set('title', 'Fresh');
    void store.writeSummary('doc', summarizeArticle(summaryDoc));
    expect((await store.readSummary('doc'))?.title).toBe('Fresh');
  });

  it('deletes a document after the writes queued before, and lets it be created again', async () => {
    const dir = await dataDir();
    const store = await openStore(dir);
    void store.appendUpdate('doc', textWriter()('old'));
    await store.deleteDocument('doc');
    expect(await store.listDocuments()).toEqual([]);
    expect(await store.loadDocument('doc')).toBeNull();
    await store.appendUpdate('doc', textWriter()('new'));
    expect(textOf(await store.loadDocument('doc'))).toBe('new');
    await store.close();
    expect(await storedClocks(dir, 'doc')).toEqual([0]);
  });
});

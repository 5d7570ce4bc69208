import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMeta, summarizeArticle, type ArticleSummary } from '@factcheck/core';
import { LeveldbDocumentStore, MemoryDocumentStore, type DocumentStore } from '@factcheck/server';
import { registerCleanup } from '../helpers/cleanup.js';
import { makeDataDir } from '../helpers/start-test-server.js';

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('t').insert(doc.getText('t').length, text);
  return update;
}

/** The summary of an empty article with a title. */
function summaryTitled(title: string): ArticleSummary {
  const doc = new Y.Doc();
  getMeta(doc).set('title', title);
  return summarizeArticle(doc);
}

const backends: [string, () => Promise<DocumentStore>][] = [
  ['memory', async () => new MemoryDocumentStore()],
  [
    'LevelDB',
    async () => {
      const store = await LeveldbDocumentStore.open(await makeDataDir());
      registerCleanup(() => store.close().catch(() => undefined));
      return store;
    },
  ],
];

describe.each(backends)('the %s document store', (_name, openStore) => {
  it('appends updates and loads them merged', async () => {
    const store = await openStore();
    const doc = new Y.Doc();
    await store.appendUpdate('b-doc', textUpdate(doc, 'Hello'));
    await store.appendUpdate('b-doc', textUpdate(doc, ', world'));
    await store.appendUpdate('a-doc', textUpdate(new Y.Doc(), 'other'));

    expect(await store.listDocuments()).toEqual(['a-doc', 'b-doc']);
    expect(await store.hasDocument('b-doc')).toBe(true);
    expect(await store.hasDocument('c-doc')).toBe(false);
    expect(await store.loadDocument('c-doc')).toBeNull();
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await store.loadDocument('b-doc'))!);
    expect(loaded.getText('t').toString()).toBe('Hello, world');
  });

  it('keeps summaries and library states, and deletes documents with them', async () => {
    const store = await openStore();
    await store.appendUpdate('doc', textUpdate(new Y.Doc(), 'x'));
    expect(await store.readSummary('doc')).toBeNull();
    expect(await store.readLibraryState('doc')).toBeNull();
    const summary = summaryTitled('A title');
    await store.writeSummary('doc', summary);
    expect(await store.readSummary('doc')).toEqual(summary);
    const state = { archivedAt: '2024-05-01T10:00:00.000Z', deletedAt: null };
    await store.writeLibraryState('doc', state);
    expect(await store.readLibraryState('doc')).toEqual(state);

    await store.deleteDocument('doc');
    expect(await store.listDocuments()).toEqual([]);
    expect(await store.readSummary('doc')).toBeNull();
    expect(await store.readLibraryState('doc')).toBeNull();
  });

  it('reads a summary of an older layout as missing, so it is rebuilt', async () => {
    const store = await openStore();
    await store.appendUpdate('doc', textUpdate(new Y.Doc(), 'x'));
    const old = { title: 'Old', counts: { allegation: 1, denial: 2, rumour: 3 } };
    await store.writeSummary('doc', old as unknown as ArticleSummary);
    expect(await store.readSummary('doc')).toBeNull();
  });
});

describe('the LevelDB document store', () => {
  it('keeps everything after being closed and reopened', async () => {
    const dir = await makeDataDir();
    const first = await LeveldbDocumentStore.open(dir);
    await first.appendUpdate('doc', textUpdate(new Y.Doc(), 'kept'));
    await first.writeSummary('doc', summaryTitled('Kept'));
    await first.close();

    const second = await LeveldbDocumentStore.open(dir);
    registerCleanup(() => second.close());
    expect(await second.listDocuments()).toEqual(['doc']);
    expect((await second.readSummary('doc'))?.title).toBe('Kept');
  });

  it('refuses to open a directory another store holds', async () => {
    const dir = await makeDataDir();
    const first = await LeveldbDocumentStore.open(dir);
    registerCleanup(() => first.close());
    await expect(LeveldbDocumentStore.open(dir)).rejects.toThrow();
  });
});

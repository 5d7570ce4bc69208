import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAnnotations, STORAGE_ORIGIN } from '@factcheck/core';
import { MemoryDocumentStore } from '@factcheck/server';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';
import { startTestServer, waitFor } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[1];

async function storedDoc(store: MemoryDocumentStore): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await store.loadDocument(ARTICLE))!, STORAGE_ORIGIN);
  return doc;
}

/** A memory store whose writes can be made to fail. */
class FlakyStore extends MemoryDocumentStore {
  failing = false;
  override async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    if (this.failing) throw new Error('disk full');
    return super.appendUpdate(name, update);
  }
}

describe('storing every update', () => {
  it('stores each update before other clients receive it', async () => {
    const store = new MemoryDocumentStore();
    const server = await startTestServer({ storage: store, summaryDelayMs: 60_000 });
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);

    typeAtStart(a.doc, 'STORED FIRST ');
    const id = tagQuote(a.doc, 'sexual harassment', 'rumour');
    await waitFor(() => readAnnotations(b.doc).valid.some((annotation) => annotation.id === id));

    // Both clients are still connected and nothing was unloaded or flushed.
    expect(server.loadedDocumentCount()).toBe(1);
    const stored = await storedDoc(store);
    expect(articleText(stored).startsWith('STORED FIRST ')).toBe(true);
    expect(readAnnotations(stored).valid.map((annotation) => annotation.id)).toEqual([id]);
  });

  it('logs a failed write, keeps the document in memory and closes the gap on the next write', async () => {
    const store = new FlakyStore();
    const server = await startTestServer({ storage: store });
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);

    store.failing = true;
    typeAtStart(a.doc, 'UNSTORED ');
    await waitFor(() => articleText(b.doc).startsWith('UNSTORED '), { message: 'peers still get the edit' });
    expect(server.logsMatching('failed to store an update')[0]).toMatchObject({
      article: ARTICLE,
      conn: expect.any(String),
    });

    a.leave();
    b.leave();
    await waitFor(() => server.logsMatching('document kept in memory').length > 0);
    expect(server.loadedDocumentCount()).toBe(1);

    store.failing = false;
    const c = await connectSyncedClient(server.syncUrl, ARTICLE);
    expect(articleText(c.doc).startsWith('UNSTORED ')).toBe(true);
    typeAtStart(c.doc, 'NEXT ');
    await waitFor(async () => articleText(await storedDoc(store)).startsWith('NEXT UNSTORED '), {
      message: 'the whole state stored with the next write',
    });
  });
});

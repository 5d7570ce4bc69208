import { describe, expect, it } from 'vitest';
import { articleText, CORPUS_IDS, typeAtStart } from '../helpers/articles.js';
import { startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectClient, connectSyncedClient } from '../helpers/sync-client.js';

const loads = (server: TestServer, article: string) =>
  server.logsMatching('document loaded').filter((record) => record.article === article).length;

describe('loading and unloading documents', () => {
  it('unloads a document once its last client has left', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    const b = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    const c = await connectSyncedClient(server.syncUrl, CORPUS_IDS[2]);
    expect(server.loadedDocumentCount()).toBe(2);
    expect(server.connectionCount()).toBe(3);

    a.leave();
    await waitFor(() => server.connectionCount() === 2);
    expect(server.loadedDocumentCount()).toBe(2);
    b.leave();
    await waitFor(() => server.loadedDocumentCount() === 1, { message: 'first article unloaded' });
    c.leave();
    await waitFor(() => server.loadedDocumentCount() === 0, { message: 'all unloaded' });
  });

  it('loads a document once for clients joining at the same time', async () => {
    const server = await startTestServer();
    const clients = Array.from({ length: 5 }, () => connectClient(server.syncUrl, CORPUS_IDS[1]));
    await waitFor(() => clients.every((client) => client.provider.synced), { message: 'all synced' });
    expect(loads(server, CORPUS_IDS[1])).toBe(1);
    const texts = new Set(clients.map((client) => articleText(client.doc)));
    expect(texts.size).toBe(1);
  });

  it('loads it again, with every change, after it was unloaded', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    typeAtStart(a.doc, 'AGAIN ');
    a.leave();
    await waitFor(() => server.loadedDocumentCount() === 0);

    const b = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    expect(articleText(b.doc).startsWith('AGAIN ')).toBe(true);
    expect(loads(server, CORPUS_IDS[0])).toBe(2);
  });

  it('keeps a document through the grace delay for a client that comes back', async () => {
    const server = await startTestServer({ unloadDelayMs: 60_000 });
    const a = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    a.leave();
    await waitFor(() => server.connectionCount() === 0);
    expect(server.loadedDocumentCount()).toBe(1);

    await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    expect(loads(server, CORPUS_IDS[0])).toBe(1);
  });
});

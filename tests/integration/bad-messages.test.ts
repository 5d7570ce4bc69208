import { describe, expect, it } from 'vitest';
import { CloseCode } from '@factcheck/server';
import { articleText, CORPUS_IDS, typeAtStart } from '../helpers/articles.js';
import { openRawSocket } from '../helpers/raw-socket.js';
import { getJson, startTestServer, waitFor } from '../helpers/start-test-server.js';
import { connectClient, connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];

/** Frames stock clients never send, with the close code each must get (payload lengths < 128: one-byte varuints). */
const BAD_FRAMES: [string, string | Uint8Array, number][] = [
  ['a text frame', 'hello', CloseCode.unsupportedData],
  ['garbage bytes', Uint8Array.from([0xde, 0xad, 0xbe, 0xef]), CloseCode.badMessage],
  ['an unknown message type', Uint8Array.from([7, 1, 2]), CloseCode.badMessage],
  ['an unknown sync message type', Uint8Array.from([0, 9, 1, 0]), CloseCode.badMessage],
  ['a truncated sync message', Uint8Array.from([0, 0, 5, 1, 2]), CloseCode.badMessage],
  ['an invalid Yjs update', Uint8Array.from([0, 2, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9]), CloseCode.badMessage],
  ['an invalid awareness update', Uint8Array.from([1, 3, 1, 2, 3]), CloseCode.badMessage],
];

describe('bad input on the sync endpoint', () => {
  it.each(BAD_FRAMES)('closes only the connection that sends %s', async (_name, frame, code) => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    const bad = await openRawSocket(`${server.syncUrl}/${ARTICLE}`);
    await waitFor(() => bad.messages.length > 0, { message: 'server sent sync step 1' });

    bad.socket.send(frame);
    expect((await bad.closed).code).toBe(code);
    expect(server.logsMatching('malformed message')).toContainEqual(
      expect.objectContaining({ article: ARTICLE, conn: expect.any(String), reason: expect.any(String) }),
    );

    typeAtStart(a.doc, 'STILL SYNCING ');
    await waitFor(() => articleText(b.doc).startsWith('STILL SYNCING '), { message: 'others keep syncing' });
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    expect((await getJson(server, '/api/health')).body).toMatchObject({ ok: true });
  });

  it('closes with 4404 for an unknown article, and the stock client stops retrying', async () => {
    const server = await startTestServer();
    const client = connectClient(server.syncUrl, 'no_such_article');
    const close = await waitFor(() => client.closes[0]);
    expect(close.code).toBe(CloseCode.unknownArticle);
    expect(close.reason).toMatch(/unknown article/);
    expect(client.provider.shouldConnect).toBe(false);
    expect(server.loadedDocumentCount()).toBe(0);
  });

  it('closes with 4400 for a malformed article id', async () => {
    const server = await startTestServer();
    // Pure dot segments (`..`, `%2E%2E`) are resolved away by WebSocket clients before they reach the server.
    for (const id of ['..%2F..%2Fetc', 'a/b', '.hidden', 'x'.repeat(129), '%E0%A4%A']) {
      const socket = await openRawSocket(`${server.syncUrl}/${id}`);
      expect((await socket.closed).code, id).toBe(CloseCode.badMessage);
    }
  });

  it('closes a connection that sends a frame over the size limit', async () => {
    const server = await startTestServer({ maxPayloadBytes: 1024 });
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    const big = await openRawSocket(`${server.syncUrl}/${ARTICLE}`);
    big.socket.send(new Uint8Array(4096));
    expect((await big.closed).code).toBe(1009);
    expect(b.closes).toEqual([]);
  });

  it('refuses WebSocket upgrades outside /sync/', async () => {
    const server = await startTestServer();
    await expect(openRawSocket(`${server.url.replace('http', 'ws')}/elsewhere`)).rejects.toThrow(/404/);
  });
});

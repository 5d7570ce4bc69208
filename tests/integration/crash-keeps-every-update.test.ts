import { describe, expect, it } from 'vitest';
import { readAnnotations } from '@factcheck/core';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';
import { spawnServer } from '../helpers/server-process.js';
import { makeDataDir, waitFor } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];

describe('the server process', () => {
  it(
    'loses nothing other clients had received when it is killed without warning',
    { timeout: 60_000 },
    async () => {
      const dataDir = await makeDataDir();
      const first = await spawnServer(dataDir);
      const a = await connectSyncedClient(first.syncUrl, ARTICLE);
      const b = await connectSyncedClient(first.syncUrl, ARTICLE);

      typeAtStart(a.doc, 'CRASH-SAFE ');
      const id = tagQuote(a.doc, 'Upon which, Iffat Omar replied', 'rumour');
      await waitFor(() => readAnnotations(b.doc).valid.some((annotation) => annotation.id === id), {
        message: 'B got the tag',
      });
      expect(articleText(b.doc).startsWith('CRASH-SAFE ')).toBe(true);

      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');

      const second = await spawnServer(dataDir);
      const fresh = await connectSyncedClient(second.syncUrl, ARTICLE);
      expect(articleText(fresh.doc).startsWith('CRASH-SAFE ')).toBe(true);
      expect(readAnnotations(fresh.doc).valid.map((annotation) => annotation.id)).toEqual([id]);
    },
  );

  it('shuts down gracefully on SIGTERM with clients connected', { timeout: 60_000 }, async () => {
    const dataDir = await makeDataDir();
    const server = await spawnServer(dataDir);
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    typeAtStart(a.doc, 'BEFORE SIGTERM ');
    await waitFor(() => articleText(b.doc).startsWith('BEFORE SIGTERM '), {
      message: 'the server has the edit',
    });

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.logs.map((record) => record.msg)).toEqual(
      expect.arrayContaining(['shutting down', 'server stopped']),
    );
    expect((await waitFor(() => a.closes[0])).code).toBe(1001);

    const again = await spawnServer(dataDir);
    const fresh = await connectSyncedClient(again.syncUrl, ARTICLE);
    expect(articleText(fresh.doc).startsWith('BEFORE SIGTERM ')).toBe(true);
  });
});

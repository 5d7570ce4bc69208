import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getAnnotationsMap, readAnnotations, TAGGING_ORIGIN } from '@factcheck/core';
import { CORPUS_IDS, tagQuote, typeAtStart, articleText } from '../helpers/articles.js';
import { getJson, startTestServer, waitFor } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[2];

describe('invalid annotation entries', () => {
  it('are skipped in counts and logged, and the document carries on', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);

    tagQuote(a.doc, 'Ali Zafar', 'denial');
    a.doc.transact(() => {
      getAnnotationsMap(a.doc).set(
        'bad-banana',
        new Y.Map<unknown>([
          ['label', 'banana'],
          ['quote', 'Ali Zafar'],
        ]),
      );
    }, TAGGING_ORIGIN);

    await waitFor(() => getAnnotationsMap(b.doc).size === 2, { message: 'B has both entries' });
    expect(readAnnotations(b.doc).invalid.map((entry) => entry.id)).toEqual(['bad-banana']);

    const logged = await waitFor(() =>
      server.logsMatching('invalid annotation skipped').find((record) => record.annotation === 'bad-banana'),
    );
    expect(logged).toMatchObject({
      article: ARTICLE,
      conn: expect.any(String),
      reason: expect.stringContaining('label'),
    });

    await waitFor(async () => {
      const { body } = await getJson(server, `/api/articles/${ARTICLE}`);
      return (
        JSON.stringify((body as { counts: unknown }).counts) === '{"allegation":0,"denial":1,"rumour":0}'
      );
    });

    typeAtStart(a.doc, 'STILL SYNCING ');
    await waitFor(() => articleText(b.doc).startsWith('STILL SYNCING '));
    expect((await getJson(server, '/api/health')).body).toMatchObject({ ok: true });
  });

  it('are logged again when the document is loaded', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    a.doc.transact(() =>
      getAnnotationsMap(a.doc).set('bad-shape', new Y.Map<unknown>([['label', 'allegation']])),
    );
    await waitFor(() => server.logsMatching('invalid annotation skipped').length === 1);
    a.leave();
    await waitFor(() => server.loadedDocumentCount() === 0);

    await connectSyncedClient(server.syncUrl, ARTICLE);
    const records = server.logsMatching('invalid annotation skipped');
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ article: ARTICLE, annotation: 'bad-shape', conn: null });
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnnotations } from '@factcheck/core';
import { issueToken, LeveldbDocumentStore } from '@factcheck/server';
import { articleText, CORPUS_IDS, tagQuote } from '../helpers/articles.js';
import {
  getJson,
  makeDataDir,
  startTestServer,
  waitFor,
  type TestServer,
} from '../helpers/start-test-server.js';
import { connectClient, connectSyncedClient } from '../helpers/sync-client.js';

/** Archiving hides an article, deleting removes it after an undo window, and restoring brings it back. */

const ARTICLE = CORPUS_IDS[0];
const QUOTE = 'Bring it on loser.';
const ARTICLE_DELETED = 4411;

async function send(
  server: TestServer,
  method: 'PATCH' | 'DELETE' | 'POST',
  pathname: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(pathname, server.url), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function listedIds(server: TestServer, query = ''): Promise<string[]> {
  const { status, body } = await getJson(server, `/api/articles${query}`);
  expect(status).toBe(200);
  return (body as { id: string }[]).map((article) => article.id);
}

describe('archiving', () => {
  it('hides an article from the default list, lists it under archived, and survives a restart', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestServer({ dataDir });
    const archived = await send(first, 'PATCH', `/api/articles/${ARTICLE}`, { archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: ARTICLE, archived: true, archivedAt: expect.any(String) });

    expect(await listedIds(first)).toEqual(CORPUS_IDS.slice(1));
    expect(await listedIds(first, '?archived=true')).toEqual([ARTICLE]);
    expect(await listedIds(first, '?archived=all')).toEqual([...CORPUS_IDS]);
    // Still readable and editable: archiving only files it away.
    expect((await getJson(first, `/api/articles/${ARTICLE}`)).body).toMatchObject({ archived: true });
    await connectSyncedClient(first.syncUrl, ARTICLE);
    await first.close();

    const second = await startTestServer({ dataDir });
    expect(await listedIds(second, '?archived=true')).toEqual([ARTICLE]);
    const back = await send(second, 'PATCH', `/api/articles/${ARTICLE}`, { archived: false });
    expect(back.body).toMatchObject({ archived: false, archivedAt: null });
    expect(await listedIds(second)).toEqual([...CORPUS_IDS]);
  });

  it('answers 400 for a body without a boolean and 404 for an unknown article', async () => {
    const server = await startTestServer();
    expect((await send(server, 'PATCH', `/api/articles/${ARTICLE}`, { archived: 'yes' })).status).toBe(400);
    expect((await send(server, 'PATCH', `/api/articles/${ARTICLE}`, {})).status).toBe(400);
    expect((await send(server, 'PATCH', '/api/articles/no_such_article', { archived: true })).status).toBe(
      404,
    );
    expect((await send(server, 'PATCH', '/api/articles/bad.id', { archived: true })).status).toBe(400);
  });
});

describe('deleting', () => {
  it('closes connected reviewers, hides the article and refuses new connections; restore brings it back', async () => {
    const server = await startTestServer({ undoWindowMs: 60_000 });
    const reviewer = await connectSyncedClient(server.syncUrl, ARTICLE);
    const tag = tagQuote(reviewer.doc, QUOTE, 'rumour');
    await waitFor(async () => {
      const { body } = await getJson(server, `/api/annotations?article=${ARTICLE}`);
      return (body as { total: number }).total === 1;
    });

    const deleted = await send(server, 'DELETE', `/api/articles/${ARTICLE}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      id: ARTICLE,
      deletedAt: expect.any(String),
      purgeAt: expect.any(String),
    });
    expect(Date.parse(deleted.body.purgeAt as string) - Date.parse(deleted.body.deletedAt as string)).toBe(
      60_000,
    );
    await waitFor(() => reviewer.closes.some((close) => close.code === ARTICLE_DELETED), {
      message: 'the connected reviewer closed out with 4411',
    });
    // A 44xx close: the stock client does not reconnect.
    await waitFor(() => server.connectionCount() === 0);

    expect(await listedIds(server, '?archived=all')).toEqual(CORPUS_IDS.slice(1));
    expect((await getJson(server, `/api/articles/${ARTICLE}`)).status).toBe(404);
    expect(((await getJson(server, '/api/annotations')).body as { total: number }).total).toBe(0);
    const late = connectClient(server.syncUrl, ARTICLE);
    await waitFor(() => late.closes.some((close) => close.code === 4404), {
      message: 'a new client refused',
    });
    expect((await send(server, 'DELETE', `/api/articles/${ARTICLE}`)).status).toBe(404);

    const restored = await send(server, 'POST', `/api/articles/${ARTICLE}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: ARTICLE, archived: false });
    expect(await listedIds(server)).toEqual([...CORPUS_IDS]);
    const again = await connectSyncedClient(server.syncUrl, ARTICLE);
    expect(articleText(again.doc)).toContain(QUOTE);
    expect(readAnnotations(again.doc).valid.map((annotation) => annotation.id)).toEqual([tag]);
    expect((await send(server, 'POST', `/api/articles/${ARTICLE}/restore`)).status).toBe(409);
    expect((await send(server, 'POST', '/api/articles/no_such_article/restore')).status).toBe(404);
  });

  it('removes the stored data once the undo window has passed, for good', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestServer({ dataDir, undoWindowMs: 200 });
    const reviewer = await connectSyncedClient(first.syncUrl, ARTICLE);
    tagQuote(reviewer.doc, QUOTE, 'allegation');
    expect((await send(first, 'DELETE', `/api/articles/${ARTICLE}`)).status).toBe(200);
    await waitFor(() => first.logsMatching('deleted article purged').length === 1, {
      message: 'the purge after the undo window',
    });
    expect((await send(first, 'POST', `/api/articles/${ARTICLE}/restore`)).status).toBe(404);
    await first.close();

    const store = await LeveldbDocumentStore.open(path.join(dataDir, 'documents'));
    try {
      expect(await store.listDocuments()).toEqual(CORPUS_IDS.slice(1));
      expect(await store.hasDocument(ARTICLE)).toBe(false);
      expect(await store.loadDocument(ARTICLE)).toBeNull();
      expect(await store.readSummary(ARTICLE)).toBeNull();
      expect(await store.readLibraryState(ARTICLE)).toBeNull();
    } finally {
      await store.close();
    }

    const second = await startTestServer({ dataDir });
    expect(await listedIds(second, '?archived=all')).toEqual(CORPUS_IDS.slice(1));
    expect((await getJson(second, `/api/articles/${ARTICLE}`)).status).toBe(404);
    const late = connectClient(second.syncUrl, ARTICLE);
    await waitFor(() => late.closes.some((close) => close.code === 4404));
  });

  it('keeps a deletion restorable across a restart inside the window, and purges it at start after it', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestServer({ dataDir, undoWindowMs: 60_000 });
    expect((await send(first, 'DELETE', `/api/articles/${ARTICLE}`)).status).toBe(200);
    expect((await send(first, 'DELETE', `/api/articles/${CORPUS_IDS[1]}`)).status).toBe(200);
    await first.close();

    const second = await startTestServer({ dataDir, undoWindowMs: 60_000 });
    expect(await listedIds(second, '?archived=all')).toEqual([CORPUS_IDS[2]]);
    const late = connectClient(second.syncUrl, ARTICLE);
    await waitFor(() => late.closes.some((close) => close.code === 4404));
    expect((await send(second, 'POST', `/api/articles/${ARTICLE}/restore`)).status).toBe(200);
    const reader = await connectSyncedClient(second.syncUrl, ARTICLE);
    expect(articleText(reader.doc)).toContain(QUOTE);
    await second.close();

    // A start after the window has passed purges what is still deleted.
    const third = await startTestServer({ dataDir, undoWindowMs: 0 });
    await waitFor(() => third.logsMatching('deleted article purged').length === 1);
    expect(await listedIds(third, '?archived=all')).toEqual([ARTICLE, CORPUS_IDS[2]]);
  });
});

describe('in protected mode', () => {
  it('lets only a lead archive, delete and restore', async () => {
    const secret = 'library-test-secret-that-is-long-enough-42';
    const server = await startTestServer({ authSecret: secret, undoWindowMs: 60_000 });
    const editor = await issueToken(secret, { id: 'eddie', name: 'Eddie', role: 'editor' });
    const lead = await issueToken(secret, { id: 'lena', name: 'Lena', role: 'lead' });
    const path = `/api/articles/${ARTICLE}`;
    expect((await send(server, 'PATCH', path, { archived: true }, editor)).status).toBe(403);
    expect((await send(server, 'DELETE', path, undefined, editor)).status).toBe(403);
    expect((await send(server, 'PATCH', path, { archived: true }, lead)).status).toBe(200);
    expect((await send(server, 'DELETE', path, undefined, lead)).status).toBe(200);
    expect((await send(server, 'POST', `${path}/restore`, undefined, editor)).status).toBe(403);
    expect((await send(server, 'POST', `${path}/restore`, undefined, lead)).status).toBe(200);
  });
});

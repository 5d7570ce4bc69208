import { describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import { getAnnotationsMap, getMeta, readAnnotations, setTagStatus, type Reviewer } from '@factcheck/core';
import { issueToken, type Role } from '@factcheck/server';
import { startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectClient, connectSyncedClient, type SyncClient } from '../helpers/sync-client.js';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const ARTICLE = CORPUS_IDS[0];
const OTHER_ARTICLE = CORPUS_IDS[1];
const QUOTE = 'Meesha Shafi took to social media';

async function tokenFor(role: Role, who: Reviewer, articles?: string[]): Promise<string> {
  return issueToken(SECRET, { id: who.id, name: who.name, role, articles });
}

const ALICE: Reviewer = { id: 'alice', name: 'Alice Reviewer' };
const VERA: Reviewer = { id: 'vera', name: 'Vera Viewer' };
const EDDIE: Reviewer = { id: 'eddie', name: 'Eddie Editor' };
const LEAD: Reviewer = { id: 'lena', name: 'Lena Lead' };

async function protectedServer(): Promise<TestServer> {
  return startTestServer({ authSecret: SECRET });
}

async function join(server: TestServer, role: Role, who: Reviewer, article = ARTICLE): Promise<SyncClient> {
  return connectSyncedClient(server.syncUrl, article, { params: { token: await tokenFor(role, who) } });
}

async function api(server: TestServer, path: string, token?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, server.url), { ...init, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Watches the permission-denied messages stock y-websocket clients log. */
function watchRefusals(): string[] {
  const refusals: string[] = [];
  const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    refusals.push(args.map(String).join(' '));
  });
  onTestFinished(() => spy.mockRestore());
  return refusals;
}

describe('protected mode over HTTP', () => {
  it('answers 401 without a valid token and serves the health check to anyone', async () => {
    const server = await protectedServer();
    expect((await api(server, '/api/articles')).status).toBe(401);
    const bad = await api(server, '/api/articles', 'not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatch(/not valid/u);
    const forged = await issueToken('another-secret-that-is-long-enough-0000', { ...ALICE, role: 'lead' });
    expect((await api(server, '/api/articles', forged)).status).toBe(401);
    expect((await api(server, '/api/health')).status).toBe(200);
  });

  it('answers 401 for an expired token', async () => {
    const server = await protectedServer();
    const { SignJWT } = await import('jose');
    const expired = await new SignJWT({ name: 'Old', role: 'lead', articles: '*' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('old')
      .setIssuer('factcheck')
      .setIssuedAt(1_000)
      .setExpirationTime(2_000)
      .sign(new TextEncoder().encode(SECRET));
    const answer = await api(server, '/api/articles', expired);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatch(/expired/u);
  });

  it('lists and serves only the articles a token covers', async () => {
    const server = await protectedServer();
    const scoped = await tokenFor('reviewer', ALICE, [ARTICLE]);
    const list = await fetch(new URL('/api/articles', server.url), {
      headers: { authorization: `Bearer ${scoped}` },
    });
    const ids = ((await list.json()) as { id: string }[]).map((article) => article.id);
    expect(ids).toEqual([ARTICLE]);
    expect((await api(server, `/api/articles/${ARTICLE}`, scoped)).status).toBe(200);
    expect((await api(server, `/api/articles/${OTHER_ARTICLE}`, scoped)).status).toBe(403);
    expect((await api(server, '/api/review', scoped)).status).toBe(403);
    expect((await api(server, '/api/review', await tokenFor('viewer', VERA))).status).toBe(200);
  });

  it('serves download links with the token as access_token (GET only)', async () => {
    const server = await protectedServer();
    const viewer = await tokenFor('viewer', VERA);
    const path = `/api/articles/${ARTICLE}/export?format=txt`;
    expect((await fetch(new URL(path, server.url))).status).toBe(401);
    const download = await fetch(new URL(`${path}&access_token=${viewer}`, server.url));
    expect(download.status).toBe(200);
    expect(await download.text()).toContain('Meesha Shafi');
    const post = await fetch(
      new URL(`/api/articles/${ARTICLE}/annotations?access_token=${viewer}`, server.url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(post.status).toBe(401);
    const logged = server.logs
      .filter((record) => record.msg === 'request')
      .map((record) => String(record.url));
    expect(logged.some((url) => url.includes(viewer))).toBe(false);
  });

  it('refuses a viewer importing annotations (403) and lets a reviewer', async () => {
    const server = await protectedServer();
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      items: [],
    };
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(collection),
    };
    const path = `/api/articles/${ARTICLE}/annotations`;
    expect((await api(server, path, await tokenFor('viewer', VERA), init)).status).toBe(403);
    expect((await api(server, path, await tokenFor('reviewer', ALICE), init)).status).not.toBe(403);
  });
});

describe('protected mode over sync', () => {
  it('closes a connection without a token with 4401 before sending any document data', async () => {
    const server = await protectedServer();
    const client = connectClient(server.syncUrl, ARTICLE);
    await waitFor(() => client.closes.some((close) => close.code === 4401), { message: '4401 close' });
    client.drop();
    expect(client.closes[0].reason).toMatch(/token is required/u);
    expect(client.provider.synced).toBe(false);
    expect(articleText(client.doc)).toBe('');
  });

  it('closes a connection whose token does not cover the article with 4403', async () => {
    const server = await protectedServer();
    const token = await tokenFor('lead', LEAD, [OTHER_ARTICLE]);
    const client = connectClient(server.syncUrl, ARTICLE, { params: { token } });
    await waitFor(() => client.closes.some((close) => close.code === 4403), { message: '4403 close' });
    client.drop();
    expect(articleText(client.doc)).toBe('');
  });

  it('drops a viewer’s tag: it reaches neither other clients nor storage, and the viewer is told why', async () => {
    const refusals = watchRefusals();
    const server = await protectedServer();
    const viewer = await join(server, 'viewer', VERA);
    const lead = await join(server, 'lead', LEAD);
    tagQuote(viewer.doc, QUOTE, 'allegation', VERA);
    await waitFor(() => refusals.some((line) => /viewer may not tag/u.test(line)), {
      message: 'permission denied reached the viewer',
    });
    // A later, allowed change from the lead arrives; the viewer's tag never did.
    getMeta(lead.doc).set('title', 'Checked title');
    await waitFor(() => getMeta(viewer.doc).get('title') === 'Checked title');
    expect(getAnnotationsMap(lead.doc).size).toBe(0);
    const fresh = await join(server, 'lead', LEAD);
    expect(getAnnotationsMap(fresh.doc).size).toBe(0);
  });

  it('lets a reviewer tag but not rewrite the article text', async () => {
    const refusals = watchRefusals();
    const server = await protectedServer();
    const reviewer = await join(server, 'reviewer', ALICE);
    const other = await join(server, 'viewer', VERA);
    const before = articleText(other.doc);
    tagQuote(reviewer.doc, QUOTE, 'allegation', ALICE);
    await waitFor(() => getAnnotationsMap(other.doc).size === 1, { message: 'tag reached the viewer' });
    typeAtStart(reviewer.doc, 'FAKE ');
    await waitFor(() => refusals.some((line) => /reviewer may not change the article text/u.test(line)));
    const fresh = await join(server, 'viewer', VERA);
    expect(articleText(fresh.doc)).toBe(before);
    expect(readAnnotations(fresh.doc).valid).toHaveLength(1);
  });

  it('lets an editor change the text', async () => {
    const server = await protectedServer();
    const editor = await join(server, 'editor', EDDIE);
    const other = await join(server, 'viewer', VERA);
    typeAtStart(editor.doc, 'UPDATED ');
    await waitFor(() => articleText(other.doc).startsWith('UPDATED '), {
      message: 'edit reached the viewer',
    });
  });

  it('keeps resolving a tag to leads', async () => {
    const refusals = watchRefusals();
    const server = await protectedServer();
    const reviewer = await join(server, 'reviewer', ALICE);
    const lead = await join(server, 'lead', LEAD);
    const id = tagQuote(reviewer.doc, QUOTE, 'allegation', ALICE);
    await waitFor(() => getAnnotationsMap(lead.doc).has(id));
    setTagStatus(reviewer.doc, id, 'resolved', ALICE, 'False');
    await waitFor(() => refusals.some((line) => /reviewer may not settle disputes/u.test(line)));
    expect(getAnnotationsMap(lead.doc).get(id)?.get('status')).toBe('open');
    setTagStatus(lead.doc, id, 'resolved', LEAD, 'False');
    const fresh = await join(server, 'viewer', VERA);
    await waitFor(() => getAnnotationsMap(fresh.doc).get(id)?.get('status') === 'resolved');
  });

  it('refuses tags written under another reviewer’s id', async () => {
    const refusals = watchRefusals();
    const server = await protectedServer();
    const reviewer = await join(server, 'reviewer', ALICE);
    tagQuote(reviewer.doc, QUOTE, 'denial', LEAD);
    await waitFor(() => refusals.some((line) => /your own reviewer id/u.test(line)));
    const fresh = await join(server, 'viewer', VERA);
    expect(getAnnotationsMap(fresh.doc).size).toBe(0);
  });

  it('shows presence names from the token, not what the client claims', async () => {
    const server = await protectedServer();
    const reviewer = await join(server, 'reviewer', ALICE);
    const other = await join(server, 'viewer', VERA);
    reviewer.provider.awareness.setLocalStateField('user', {
      id: 'lena',
      name: 'Lena Lead',
      color: '#123456',
    });
    await waitFor(() => other.provider.awareness.getStates().get(reviewer.doc.clientID) !== undefined, {
      message: 'presence arrived',
    });
    const seen = other.provider.awareness.getStates().get(reviewer.doc.clientID) as {
      user: Record<string, string>;
    };
    expect(seen.user).toEqual({ id: 'alice', name: 'Alice Reviewer', color: '#123456' });
  });

  it('leaves open mode (no secret) open: anyone tags and edits without a token', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    typeAtStart(a.doc, 'Open ');
    tagQuote(a.doc, QUOTE, 'rumour');
    await waitFor(() => articleText(b.doc).startsWith('Open ') && getAnnotationsMap(b.doc).size === 1);
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
  });
});

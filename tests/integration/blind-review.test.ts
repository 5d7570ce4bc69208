import { describe, expect, it, vi, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { getAnnotationsMap, getContent, readAnnotations, type Reviewer } from '@factcheck/core';
import { issueToken, type Role } from '@factcheck/server';
import { startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectClient, connectSyncedClient, type SyncClient } from '../helpers/sync-client.js';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';

const SECRET = 'blind-review-secret-long-enough-0123456789';
const ARTICLE = CORPUS_IDS[0];
const ALICE: Reviewer = { id: 'alice', name: 'Alice Amjad' };
const BOB: Reviewer = { id: 'bob', name: 'Bilal Butt' };
const LEAD: Reviewer = { id: 'lena', name: 'Lena Lead' };
const EDITOR: Reviewer = { id: 'eddie', name: 'Eddie Editor' };

const BEFORE = 'Ali Zafar refuted the accusations';
const ALLEGATION = 'publicly accuse Ali Zafar of repeatedly harassing her sexually';
const OVERLAP = 'repeatedly harassing her sexually';

async function token(role: Role, who: Reviewer): Promise<string> {
  return issueToken(SECRET, { id: who.id, name: who.name, role });
}

async function join(server: TestServer, role: Role, who: Reviewer): Promise<SyncClient> {
  return connectSyncedClient(server.syncUrl, ARTICLE, { params: { token: await token(role, who) } });
}

async function setBlind(server: TestServer, blind: boolean, role: Role = 'lead') {
  const response = await fetch(new URL(`/api/articles/${ARTICLE}/blind-review`, server.url), {
    method: 'PUT',
    headers: { authorization: `Bearer ${await token(role, LEAD)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ blind }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function review(server: TestServer, who: Reviewer = LEAD) {
  const response = await fetch(new URL(`/api/articles/${ARTICLE}/review`, server.url), {
    headers: { authorization: `Bearer ${await token('viewer', who)}` },
  });
  return (await response.json()) as {
    blind?: boolean;
    passages: { disputed: boolean; annotations: string[] }[];
    agreement: { alpha: number | null };
  };
}

/** Everything a client's copy holds, as bytes: what its connection carried. */
function carried(client: SyncClient): string {
  return Buffer.from(Y.encodeStateAsUpdate(client.doc)).toString('latin1');
}

function authorsOf(doc: Y.Doc): string[] {
  return readAnnotations(doc).valid.map((annotation) => annotation.author.id);
}

function quietRefusals(): void {
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  onTestFinished(() => spy.mockRestore());
}

describe('blind review, enforced by the server', () => {
  it('serves each reviewer only their own tags until the lead reveals, then merges them for everyone', async () => {
    quietRefusals();
    const server = await startTestServer({ authSecret: SECRET });
    const early = await join(server, 'reviewer', ALICE);
    const before = tagQuote(early.doc, BEFORE, 'denial', ALICE);
    const earlyBob = await join(server, 'reviewer', BOB);
    const bobBefore = tagQuote(earlyBob.doc, 'filed a defamation case', 'allegation', BOB);
    await waitFor(async () => (await join(server, 'viewer', LEAD)).doc.getMap('annotations').size === 2);

    // Only a lead may start it; connected clients are sent away to reconnect into their own copies.
    expect((await setBlind(server, true, 'reviewer')).status).toBe(403);
    expect((await setBlind(server, true)).body).toMatchObject({ blind: true });
    await waitFor(() => early.closes.some((close) => close.code === 4509), { message: '4509 on start' });
    early.leave();

    const alice = await join(server, 'reviewer', ALICE);
    const bob = await join(server, 'reviewer', BOB);
    earlyBob.leave();
    expect(authorsOf(alice.doc)).toEqual(['alice']); // her tag from before stays hers
    expect(authorsOf(bob.doc)).toEqual(['bob']);
    const aliceTag = tagQuote(alice.doc, ALLEGATION, 'allegation', ALICE);
    const bobTag = tagQuote(bob.doc, OVERLAP, 'rumour', BOB);

    // A fresh connection of each reviewer gets their own tags back and never the other's.
    const bobAgain = await join(server, 'reviewer', BOB);
    await waitFor(() => getAnnotationsMap(bobAgain.doc).has(bobTag), { message: 'Bob’s own tag is kept' });
    const aliceAgain = await join(server, 'reviewer', ALICE);
    await waitFor(() => getAnnotationsMap(aliceAgain.doc).has(aliceTag), {
      message: 'Alice’s own tag is kept',
    });
    for (const copy of [bob, bobAgain]) {
      expect(new Set(authorsOf(copy.doc))).toEqual(new Set(['bob']));
      expect(carried(copy)).not.toContain(ALICE.name);
    }
    expect(carried(aliceAgain)).not.toContain(BOB.name);

    // Trying to read others' tags: claiming another reviewer, or asking for a copy by its storage name.
    const snoop = await connectSyncedClient(server.syncUrl, ARTICLE, {
      params: { token: await token('reviewer', BOB), reviewer: 'alice' },
    });
    expect(getAnnotationsMap(snoop.doc).has(aliceTag)).toBe(false);
    expect(carried(snoop)).not.toContain(ALICE.name);
    const byName = connectClient(server.syncUrl, `${ARTICLE}~blind~x`, {
      params: { token: await token('lead', LEAD) },
    });
    await waitFor(() => byName.closes.length > 0, { message: 'fork name refused' });
    byName.drop();
    expect(byName.closes[0].code).toBe(4400);
    expect(getAnnotationsMap(byName.doc).size).toBe(0);

    // Nothing of the review shows while it is blind, and the text is frozen even for editors.
    expect(await review(server)).toMatchObject({ blind: true, passages: [], agreement: { alpha: null } });
    const editor = await join(server, 'editor', EDITOR);
    const text = articleText(editor.doc);
    typeAtStart(editor.doc, 'CHANGED ');
    const check = await join(server, 'viewer', LEAD);
    expect(articleText(check.doc)).toBe(text);

    // Reveal: every copy's connection is sent away; copies from the fork are refused (4410).
    expect((await setBlind(server, false)).body).toMatchObject({ blind: false });
    await waitFor(() => bob.closes.some((close) => close.code === 4509), { message: '4509 on reveal' });
    await waitFor(() => bob.closes.some((close) => close.code === 4410), { message: 'stale copy refused' });
    for (const client of [alice, bob, bobAgain, aliceAgain, snoop, editor, check]) client.leave();

    const everyone = await join(server, 'viewer', LEAD);
    await waitFor(
      () => [before, bobBefore, aliceTag, bobTag].every((id) => getAnnotationsMap(everyone.doc).has(id)),
      {
        message: 'every reviewer’s tags merged',
      },
    );
    expect(readAnnotations(everyone.doc).valid).toHaveLength(4);
    const revealed = await review(server);
    expect(revealed.blind).toBeUndefined();
    expect(revealed.agreement.alpha).not.toBeNull();
    const disputed = revealed.passages.find((passage) => passage.disputed);
    expect(disputed?.annotations).toEqual(expect.arrayContaining([aliceTag, bobTag]));
  });

  it('keeps the review and each reviewer’s copy across a restart', async () => {
    quietRefusals();
    const first = await startTestServer({ authSecret: SECRET });
    expect((await setBlind(first, true)).status).toBe(200);
    const alice = await join(first, 'reviewer', ALICE);
    const aliceTag = tagQuote(alice.doc, ALLEGATION, 'allegation', ALICE);
    await waitFor(async () => getAnnotationsMap((await join(first, 'reviewer', ALICE)).doc).has(aliceTag));
    alice.leave();
    await first.close();

    const second = await startTestServer({ authSecret: SECRET, dataDir: first.dataDir });
    const bob = await join(second, 'reviewer', BOB);
    expect(getAnnotationsMap(bob.doc).size).toBe(0);
    const again = await join(second, 'reviewer', ALICE);
    expect(getAnnotationsMap(again.doc).has(aliceTag)).toBe(true);
    bob.leave();
    again.leave();
    expect((await setBlind(second, false)).status).toBe(200);
    const everyone = await join(second, 'viewer', LEAD);
    await waitFor(() => getAnnotationsMap(everyone.doc).has(aliceTag), { message: 'merged after restart' });
  });

  it('works in open mode with the reviewer id the client gives', async () => {
    const server = await startTestServer();
    const put = await fetch(new URL(`/api/articles/${ARTICLE}/blind-review`, server.url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blind: true }),
    });
    expect(put.status).toBe(200);
    const nobody = connectClient(server.syncUrl, ARTICLE);
    await waitFor(() => nobody.closes.length > 0);
    nobody.drop();
    expect(nobody.closes[0]).toMatchObject({ code: 4403, reason: expect.stringMatching(/reviewer id/u) });
    const alice = await connectSyncedClient(server.syncUrl, ARTICLE, { params: { reviewer: 'alice' } });
    const bob = await connectSyncedClient(server.syncUrl, ARTICLE, { params: { reviewer: 'bob' } });
    const tag = tagQuote(alice.doc, ALLEGATION, 'allegation', ALICE);
    const aliceAgain = await connectSyncedClient(server.syncUrl, ARTICLE, { params: { reviewer: 'alice' } });
    await waitFor(() => getAnnotationsMap(aliceAgain.doc).has(tag));
    expect(getAnnotationsMap(bob.doc).size).toBe(0);
    expect(getContent(bob.doc).length).toBeGreaterThan(0);
  });
});

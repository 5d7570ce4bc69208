import { describe, expect, it } from 'vitest';
import { issueToken, type Role } from '@factcheck/server';
import type { Reviewer } from '@factcheck/core';
import { startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';

/**
 * `GET /api/articles/:id/reading-copy`: the article as the editor draws it, which a browser that
 * has never opened the article shows while its editor loads. Drawn when an article is stored,
 * drawn again as it changes and when it unloads; never served in blind review; protected like
 * every article route.
 */

const ARTICLE = CORPUS_IDS[1];
const ALICE: Reviewer = { id: 'alice', name: 'Alice Amjad' };
const LEAD: Reviewer = { id: 'lena', name: 'Lena Lead' };
const SECRET = 'reading-copy-secret-long-enough-0123456789';

type Node = string | [string, Record<string, string>, ...Node[]];
interface CopyAnswer {
  status: number;
  body: { mark?: string; nodes?: Node[]; error?: string };
}

async function readingCopy(server: TestServer, token?: string, id: string = ARTICLE): Promise<CopyAnswer> {
  const response = await fetch(new URL(`/api/articles/${id}/reading-copy`, server.url), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as CopyAnswer['body'] };
}

/** The text of drawn nodes, blocks joined as the article's text joins them. */
function textOf(nodes: readonly Node[]): string {
  const inline = (node: Node): string =>
    typeof node === 'string'
      ? node
      : node[0] === 'br'
        ? ''
        : node
            .slice(2)
            .map((child) => inline(child as Node))
            .join('');
  const blocks: string[] = [];
  const walk = (node: Node) => {
    if (typeof node === 'string') return;
    if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(node[0])) blocks.push(inline(node));
    else node.slice(2).forEach((child) => walk(child as Node));
  };
  nodes.forEach(walk);
  return blocks.join('\n\n');
}

/** Every tag id the drawn highlights carry. */
function tagIdsOf(nodes: readonly Node[]): Set<string> {
  const ids = new Set<string>();
  const walk = (node: Node) => {
    if (typeof node === 'string') return;
    for (const id of (node[1]['data-tag-ids'] ?? '').split(' ')) if (id) ids.add(id);
    node.slice(2).forEach((child) => walk(child as Node));
  };
  nodes.forEach(walk);
  return ids;
}

describe('the server’s reading copy', () => {
  it('serves a seeded article as drawn, and draws it again with a tag once the article unloads', async () => {
    const server = await startTestServer();
    const first = await readingCopy(server);
    expect(first.status).toBe(200);
    const writer = await connectSyncedClient(server.syncUrl, ARTICLE);
    expect(textOf(first.body.nodes!)).toBe(articleText(writer.doc));
    expect(tagIdsOf(first.body.nodes!).size).toBe(0);

    const tagId = tagQuote(writer.doc, 'sexual harassment', 'allegation', ALICE);
    typeAtStart(writer.doc, 'Updated: ');
    writer.leave();
    // The article unloads (no grace in tests), which draws its copy again.
    await waitFor(async () => tagIdsOf((await readingCopy(server)).body.nodes ?? []).has(tagId), {
      message: 'the tag in the reading copy',
    });
    const after = await readingCopy(server);
    expect(after.body.mark).not.toBe(first.body.mark);
    expect(textOf(after.body.nodes!).startsWith('Updated: ')).toBe(true);
    expect(JSON.stringify(after.body.nodes)).toContain('fc-tag fc-tag--allegation');
  });

  it('does not draw again when an article unloads unchanged', async () => {
    const server = await startTestServer();
    const reader = await connectSyncedClient(server.syncUrl, ARTICLE);
    reader.leave();
    await waitFor(() => server.logsMatching('document unloaded').length > 0, { message: 'unloaded' });
    expect(server.logsMatching('reading copy stored')).toHaveLength(0);
  });

  it('answers 404 for an unknown article and 400 for a malformed id', async () => {
    const server = await startTestServer();
    const unknown = await readingCopy(server, undefined, 'no_such_article');
    expect(unknown.status).toBe(404);
    expect((await readingCopy(server, undefined, 'bad id!')).status).toBe(400);
  });

  it('serves none in blind review, and only with a token that covers the article', async () => {
    const server = await startTestServer({ authSecret: SECRET });
    const token = (role: Role, who: Reviewer, articles?: string[]) =>
      issueToken(SECRET, { id: who.id, name: who.name, role, ...(articles ? { articles } : {}) });
    expect((await readingCopy(server)).status).toBe(401);
    expect((await readingCopy(server, await token('reviewer', ALICE, [CORPUS_IDS[0]]))).status).toBe(403);
    const reviewer = await token('reviewer', ALICE);
    expect((await readingCopy(server, reviewer)).status).toBe(200);

    const started = await fetch(new URL(`/api/articles/${ARTICLE}/blind-review`, server.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${await token('lead', LEAD)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ blind: true }),
    });
    expect(started.status).toBe(200);
    const blind = await readingCopy(server, reviewer);
    expect(blind.status).toBe(404);
    expect(blind.body.error).toMatch(/blind review/u);
  });
});

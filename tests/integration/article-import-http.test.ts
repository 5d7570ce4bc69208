import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getMeta, readArticleMeta } from '@factcheck/core';
import { articleText, CORPUS_IDS } from '../helpers/articles.js';
import { issueToken, startServer } from '@factcheck/server';
import {
  getJson,
  makeDataDir,
  startTestServer,
  waitFor,
  type TestServer,
} from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { registerCleanup } from '../helpers/cleanup.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function fixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
}

interface ImportAnswer {
  readonly status: number;
  readonly body: { id?: string; title?: string; error?: string };
  readonly location: string | null;
}

/** POSTs a file to `/api/articles` as its raw body. */
async function postArticle(
  server: TestServer,
  bytes: Uint8Array<ArrayBuffer> | string,
  contentType: string | null,
  query = '',
): Promise<ImportAnswer> {
  const response = await fetch(new URL(`/api/articles${query}`, server.url), {
    method: 'POST',
    headers: contentType === null ? {} : { 'content-type': contentType },
    body: bytes,
  });
  return {
    status: response.status,
    body: (await response.json()) as ImportAnswer['body'],
    location: response.headers.get('location'),
  };
}

async function listedIds(server: TestServer): Promise<string[]> {
  const { body } = await getJson(server, '/api/articles');
  return (body as { id: string }[]).map((article) => article.id).sort();
}

describe('POST /api/articles', () => {
  it('imports a saved news page that opens over sync with its text and metadata', async () => {
    const server = await startTestServer();
    const answer = await postArticle(server, fixture('news-page.html'), 'text/html; charset=utf-8');
    expect(answer.status).toBe(201);
    expect(answer.body.title).toBe('Singer files defamation case as “fake news” row grows');
    const id = answer.body.id!;
    expect(id).toMatch(/^singer-files-defamation-case-as-fake-news-row-[0-9a-f]{8}$/u);
    expect(answer.location).toBe(`/api/articles/${id}`);

    expect(await listedIds(server)).toContain(id);
    const { body: listing } = await getJson(server, `/api/articles/${id}`);
    expect(listing).toMatchObject({
      id,
      title: answer.body.title,
      outlet: 'The Daily Example',
      authors: 'Sana Mirza',
      publishedAt: '2021-03-18T09:30:00+05:00',
      language: 'en-GB',
      sourceUrl: 'https://daily.example.com/culture/2021/03/singer-defamation-row',
      counts: { allegation: 0, denial: 0, rumour: 0 },
    });

    const client = await connectSyncedClient(server.syncUrl, id);
    const text = articleText(client.doc);
    expect(text.startsWith('Back in April 2018, Meesha Shafi took to social media')).toBe(true);
    expect(text).toContain('علی ظفر نے الزامات کی تردید کی اور ہتک عزت کا مقدمہ دائر کیا۔');
    expect(text).toContain('Fans reacted with 😀 and 👩‍👩‍👧 emoji\u00a0in their thousands.');
    expect(text).not.toMatch(/cookies|Advertisement|Related stories/u);
    expect(readArticleMeta(client.doc).outlet).toBe('The Daily Example');
  });

  it('imports Markdown, Word (docx and LibreOffice) and plain text, each listed and synced', async () => {
    const server = await startTestServer({ corpusDir: null });
    const files: [string, string, string][] = [
      ['front-matter.md', 'text/markdown', 'Pakistani actress Iffat Omar and singer Ali Zafar'],
      ['libreoffice.docx', DOCX, 'The singer’s lawyer told the court'],
      ['urdu-emoji.txt', 'text/plain', '“Fake news alert,” she wrote — and added: 👩‍👩‍👧'],
    ];
    const ids: string[] = [];
    for (const [name, type, expected] of files) {
      const answer = await postArticle(server, fixture(name), type);
      expect(answer.status, name).toBe(201);
      ids.push(answer.body.id!);
      const client = await connectSyncedClient(server.syncUrl, answer.body.id!);
      expect(articleText(client.doc), name).toContain(expected);
    }
    expect(await listedIds(server)).toEqual([...ids].sort());
    // An Urdu title has no ASCII words for the id.
    expect(ids[2]).toMatch(/^article-[0-9a-f]{8}$/u);
  });

  it('lets ?title= and ?source= win over what the file says', async () => {
    const server = await startTestServer({ corpusDir: null });
    const source = 'https://archive.example.org/copy?id=7';
    const answer = await postArticle(
      server,
      fixture('front-matter.md'),
      'text/markdown',
      `?title=${encodeURIComponent('Spat, retitled 😀')}&source=${encodeURIComponent(source)}`,
    );
    expect(answer.status).toBe(201);
    expect(answer.body.title).toBe('Spat, retitled 😀');
    const client = await connectSyncedClient(server.syncUrl, answer.body.id!);
    expect(getMeta(client.doc).get('title')).toBe('Spat, retitled 😀');
    expect(readArticleMeta(client.doc)).toMatchObject({ sourceUrl: source, outlet: 'The Daily Example' });
  });

  it('decodes a windows-1252 file from its Content-Type charset', async () => {
    const server = await startTestServer({ corpusDir: null });
    const answer = await postArticle(
      server,
      fixture('windows-1252-undeclared.txt'),
      'text/plain; charset=windows-1252',
    );
    expect(answer.status).toBe(201);
    const client = await connectSyncedClient(server.syncUrl, answer.body.id!);
    expect(articleText(client.doc)).toBe('The café’s owner said the story was “nonsense” – naïve at best.');
  });

  it('refuses bad input with a clear JSON error and stores nothing', async () => {
    const server = await startTestServer();
    const before = await listedIds(server);
    const cases: [Uint8Array<ArrayBuffer> | string, string | null, string, number, RegExp][] = [
      ['%PDF-1.7', 'application/pdf', '', 415, /^Cannot import "application\/pdf"/u],
      ['title=x', 'application/x-www-form-urlencoded', '', 415, /send plain text \(text\/plain\)/u],
      [new TextEncoder().encode('no type at all'), null, '', 415, /Cannot import/u],
      ['', 'text/plain', '', 400, /^The file is empty\.$/u],
      [' \n \n', 'text/plain', '', 400, /no article text/u],
      [
        fixture('windows-1252-undeclared.txt'),
        'text/plain',
        '',
        400,
        /not valid UTF-8 .* declares no character set/u,
      ],
      ['not a word file', DOCX, '', 400, /not a Word document/u],
      ['Headline\nBody.', 'text/plain', '?source=ftp://example.org/x', 400, /must be an http\(s\) URL/u],
      [new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), 'text/plain', '', 413, /limit is 5 MB/u],
      [`Headline\n${'word '.repeat(200_001)}`, 'text/plain', '', 413, /limit is 200,000 words/u],
    ];
    for (const [body, type, query, status, message] of cases) {
      const answer = await postArticle(server, body, type, query);
      expect({ type, status: answer.status }).toEqual({ type, status });
      expect(answer.body.error, `${type} ${status}`).toMatch(message);
    }
    expect(await listedIds(server)).toEqual(before);
  });

  it('answers a body far over the limit with the same message, before reading it all', async () => {
    const server = await startTestServer({ corpusDir: null });
    const answer = await postArticle(server, new Uint8Array(12 * 1024 * 1024).fill(0x61), 'text/plain');
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe(
      'The file is too large to import: the limit is 5 MB and this one is 12 MB.',
    );
    expect(await listedIds(server)).toEqual([]);
  });

  it('keeps an imported article across a restart', async () => {
    const dataDir = await makeDataDir();
    const first = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      webDist: null,
      corpusDir: null,
      logLevel: 'warn',
    });
    const response = await fetch(new URL('/api/articles', first.url), {
      method: 'POST',
      headers: { 'content-type': 'text/markdown' },
      body: fixture('front-matter.md'),
    });
    const { id } = (await response.json()) as { id: string };
    await first.close();
    const second = await startTestServer({ dataDir, corpusDir: null });
    registerCleanup(() => second.close());
    await waitFor(async () => (await listedIds(second)).includes(id), {
      message: 'article listed after restart',
    });
    const client = await connectSyncedClient(second.syncUrl, id);
    expect(articleText(client.doc)).toContain('Twitter spat over a defamation case');
    expect(CORPUS_IDS.every((corpusId) => corpusId !== id)).toBe(true);
  });

  it('is for leads in protected mode: editors and reviewers get 403, nothing stored', async () => {
    const secret = 'import-test-secret-that-is-long-enough-42';
    const server = await startTestServer({ authSecret: secret, corpusDir: null });
    const post = async (role: 'reviewer' | 'editor' | 'lead') => {
      const token = await issueToken(secret, { id: `u-${role}`, name: role, role });
      const response = await fetch(new URL('/api/articles', server.url), {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
        body: 'Headline\nThe body of the article.',
      });
      return { status: response.status, body: (await response.json()) as { id?: string; error?: string } };
    };
    expect((await post('reviewer')).status).toBe(403);
    expect((await post('editor')).status).toBe(403);
    const lead = await post('lead');
    expect(lead.status).toBe(201);
    const token = await issueToken(secret, { id: 'u-lead', name: 'lead', role: 'lead' });
    const listed = await fetch(new URL('/api/articles', server.url), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await listed.json()) as { id: string }[]).map((article) => article.id)).toEqual([lead.body.id]);
  });

  it('reads a large page off the event loop: the server answers others while it works', async () => {
    const server = await startTestServer({ corpusDir: null });
    const paragraph =
      '<p>Back in April 2018, Meesha Shafi took to social media to accuse Ali Zafar — “he denied it” 😀 اردو میں.</p>\n';
    const page = `<html><head><title>Long page</title></head><body><nav>Menu</nav><article>${paragraph.repeat(6_000)}</article></body></html>`;
    let importDone = false;
    const importing = postArticle(server, new TextEncoder().encode(page), 'text/html').then((answer) => {
      importDone = true;
      return answer;
    });
    await waitFor(() => server.logsMatching('reading the imported file').length > 0, {
      timeout: 20_000,
      message: 'the server started reading the file',
    });
    const health = await fetch(new URL('/api/health', server.url));
    expect(health.status).toBe(200);
    // Read on this thread, the file would be done before the health check could even be received.
    expect(server.logsMatching('imported file read')).toEqual([]);
    expect(importDone).toBe(false);
    const answer = await importing;
    expect(answer.status).toBe(201);
    expect(answer.body.title).toBe('Long page');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LABELS, writeArticle, type Label } from '@factcheck/core';
import { createLogger, LeveldbDocumentStore, startServer, type RunningServer } from '@factcheck/server';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { tagQuote } from '../helpers/articles.js';
import { getJson, makeDataDir, startTestServer, waitFor } from '../helpers/start-test-server.js';
import { OUTLETS, VOCABULARY, writeGeneratedLibrary, type GeneratedArticle } from './library-corpus.js';

/** The library's search, filters and sorting over a few hundred generated articles, checked against a model. */

const SEED = Number(process.env.SEED ?? 20240501);
const COUNT = 300;

interface Listing {
  id: string;
  title: string;
  outlet: string;
  publishedAt: string;
  counts: Record<Label, number>;
  archived: boolean;
  excerpt?: { text: string; hit: [number, number] };
}

interface ModelQuery {
  terms?: string[];
  outlet?: string;
  label?: Label;
  sort?: 'id' | 'title' | 'date';
  order?: 'asc' | 'desc';
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function timeOf(publishedAt: string): number | null {
  if (!publishedAt) return null;
  return Date.parse(publishedAt.length === 10 ? `${publishedAt}T00:00:00Z` : publishedAt);
}

/** What the library should answer, computed from what the test generated. */
function modelAnswer(articles: readonly GeneratedArticle[], query: ModelQuery): string[] {
  const terms = (query.terms ?? []).map((term) => term.toLowerCase());
  const found = articles.filter((article) => {
    const fields = [article.title, article.outlet, article.authors, article.text].map((f) => f.toLowerCase());
    if (!terms.every((term) => fields.some((field) => field.includes(term)))) return false;
    if (query.outlet !== undefined && article.outlet.toLowerCase() !== query.outlet.toLowerCase())
      return false;
    return query.label === undefined || article.labels.has(query.label);
  });
  const byId = (a: GeneratedArticle, b: GeneratedArticle) => (a.id < b.id ? -1 : 1);
  const sort = query.sort ?? 'id';
  const descending = query.order ? query.order === 'desc' : sort === 'date';
  const direction = descending ? -1 : 1;
  found.sort((a, b) => {
    if (sort === 'date') {
      const [ta, tb] = [timeOf(a.publishedAt), timeOf(b.publishedAt)];
      if ((ta === null) !== (tb === null)) return ta === null ? 1 : -1;
      return direction * ((ta ?? 0) - (tb ?? 0)) || byId(a, b);
    }
    if (sort === 'title') return direction * collator.compare(a.title, b.title) || byId(a, b);
    return direction * byId(a, b);
  });
  return found.map((article) => article.id);
}

function queryString(query: ModelQuery): string {
  const params = new URLSearchParams();
  if (query.terms)
    params.set('q', query.terms.map((term) => (term.includes(' ') ? `"${term}"` : term)).join(' '));
  if (query.outlet !== undefined) params.set('outlet', query.outlet);
  if (query.label) params.set('label', query.label);
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  return params.toString();
}

async function listArticles(server: RunningServer, query: ModelQuery | string): Promise<Listing[]> {
  const search = typeof query === 'string' ? query : queryString(query);
  const { status, body } = await getJson(server, `/api/articles?${search}`);
  expect(status, search).toBe(200);
  return body as Listing[];
}

describe('the library over a few hundred articles', () => {
  let server: RunningServer;
  let articles: GeneratedArticle[];
  let dataDir: string;

  // One library for every test here: generating and indexing it is the slow part.
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-library-'));
    articles = await writeGeneratedLibrary(dataDir, COUNT, SEED);
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      webDist: null,
      logger: createLogger('warn', { write: () => undefined }),
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const withSeed = (what: string) => `${what} (SEED=${SEED})`;

  it('lists every article with its metadata, sorted by id, rebuilding missing and older summaries', async () => {
    const listed = await listArticles(server, '');
    expect(
      listed.map((article) => article.id),
      withSeed('ids'),
    ).toEqual(articles.map((article) => article.id));
    for (const [index, article] of articles.entries()) {
      expect(listed[index], withSeed(article.id)).toMatchObject({
        title: article.title,
        outlet: article.outlet,
        publishedAt: article.publishedAt,
        archived: false,
      });
      for (const label of LABELS) expect(listed[index].counts[label] > 0).toBe(article.labels.has(label));
    }
    expect(listed[0]).not.toHaveProperty('text');
    expect(listed[0]).not.toHaveProperty('tags');
  });

  it('sorts by title and by date (newest first, undated last), either way', async () => {
    for (const query of [
      { sort: 'title' },
      { sort: 'title', order: 'desc' },
      { sort: 'date' },
      { sort: 'date', order: 'asc' },
      { sort: 'id', order: 'desc' },
    ] as ModelQuery[]) {
      const listed = await listArticles(server, query);
      expect(
        listed.map((article) => article.id),
        withSeed(queryString(query)),
      ).toEqual(modelAnswer(articles, query));
    }
  });

  it('filters by outlet (any case) and by label', async () => {
    for (const outlet of OUTLETS.filter(Boolean)) {
      const query = { outlet: outlet.toUpperCase() };
      const listed = await listArticles(server, query);
      expect(listed.length).toBeGreaterThan(0);
      expect(
        listed.map((article) => article.id),
        withSeed(outlet),
      ).toEqual(modelAnswer(articles, query));
    }
    for (const label of LABELS) {
      const listed = await listArticles(server, { label });
      expect(
        listed.map((article) => article.id),
        withSeed(label),
      ).toEqual(modelAnswer(articles, { label }));
    }
  });

  it('searches titles and full text: every word must occur, any case, phrases in quotes', async () => {
    const phrase = await listArticles(server, { terms: ['defamation suit'] });
    expect(phrase.length, withSeed('phrase finds the planted articles')).toBeGreaterThan(0);
    expect(phrase.map((article) => article.id)).toEqual(
      modelAnswer(articles, { terms: ['defamation suit'] }),
    );
    for (const listing of phrase) {
      const { text, hit } = listing.excerpt!;
      expect(text.slice(hit[0], hit[1]).toLowerCase()).toBe('defamation suit');
    }
    const title = { terms: [articles[123].title.toUpperCase()] };
    const byTitle = await listArticles(server, title);
    expect(byTitle.map((article) => article.id)).toContain(articles[123].id);
    expect(byTitle.map((article) => article.id)).toEqual(modelAnswer(articles, title));
    const none = await listArticles(server, { terms: ['zzzz-no-such-word'] });
    expect(none).toEqual([]);
  });

  it('matches a model for random combinations of search, outlet, label and sort', async () => {
    const random = (() => {
      let state = SEED ^ 0x9e3779b9;
      return (max: number) => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state % max;
      };
    })();
    for (let round = 0; round < 40; round++) {
      const query: ModelQuery = {
        terms: Array.from({ length: random(3) }, () => VOCABULARY[random(VOCABULARY.length)].toUpperCase()),
        ...(random(3) === 0 ? { outlet: OUTLETS[random(OUTLETS.length - 1)] } : {}),
        ...(random(3) === 0 ? { label: LABELS[random(LABELS.length)] } : {}),
        sort: (['id', 'title', 'date'] as const)[random(3)],
      };
      const listed = await listArticles(server, query);
      expect(
        listed.map((article) => article.id),
        withSeed(`round ${round}: ${queryString(query)}`),
      ).toEqual(modelAnswer(articles, query));
    }
  });

  it('counts articles per outlet', async () => {
    const { status, body } = await getJson(server, '/api/outlets');
    expect(status).toBe(200);
    const expected = OUTLETS.filter(Boolean).map((outlet) => ({
      outlet,
      articles: articles.filter((article) => article.outlet === outlet).length,
    }));
    expect(new Set(body as unknown[])).toEqual(new Set(expected.filter((entry) => entry.articles > 0)));
    const counts = (body as { articles: number }[]).map((entry) => entry.articles);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('answers 400 with the choices for an unknown label, sort, order or archived filter', async () => {
    for (const [query, key] of [
      ['label=gossip', 'labels'],
      ['sort=popularity', 'sorts'],
      ['archived=maybe', 'archived'],
    ] as const) {
      const { status, body } = await getJson(server, `/api/articles?${query}`);
      expect(status, query).toBe(400);
      expect(body).toMatchObject({ error: expect.any(String), [key]: expect.any(Array) });
    }
    expect((await getJson(server, '/api/articles?order=sideways')).status).toBe(400);
    expect((await getJson(server, `/api/articles?q=${'x'.repeat(501)}`)).status).toBe(400);
  });
});

describe('the library follows live changes', () => {
  it('finds an article by metadata and tags reviewers just wrote', async () => {
    const server = await startTestServer();
    const { body } = await getJson(server, '/api/articles');
    const id = (body as Listing[])[0].id;
    const client = await connectSyncedClient(server.syncUrl, id);
    client.doc.transact(() => {
      const meta = client.doc.getMap('meta');
      meta.set('outlet', 'Dawn');
      meta.set('publishedAt', '2019-04-12');
    }, 'test:meta');
    tagQuote(client.doc, 'Bring it on loser.', 'rumour');

    const listed = await waitFor(
      async () => {
        const found = await listArticles(server, { outlet: 'dawn', label: 'rumour' });
        return found.length === 1 ? found : null;
      },
      { message: 'the edited article found by outlet and label' },
    );
    expect(listed[0]).toMatchObject({ id, outlet: 'Dawn', publishedAt: '2019-04-12' });
    expect(listed[0].counts.rumour).toBe(1);
    const byDate = await listArticles(server, { sort: 'date' });
    expect(byDate[0].id).toBe(id);
  });

  it('leaves out stored documents that are not articles (a blind review copy)', async () => {
    const dataDir = await makeDataDir();
    const store = await LeveldbDocumentStore.open(path.join(dataDir, 'documents'));
    for (const name of ['an-article', 'an-article~blind~s1~reviewer']) {
      const doc = new Y.Doc();
      writeArticle(doc, { title: name, titleDerived: false, paragraphs: ['Ali Zafar denied it.'] });
      tagQuote(doc, 'denied it', 'denial');
      await store.appendUpdate(name, Y.encodeStateAsUpdate(doc));
    }
    await store.close();
    const server = await startTestServer({ dataDir });
    expect((await listArticles(server, '')).map((article) => article.id)).toEqual(['an-article']);
    const { body } = await getJson(server, '/api/annotations');
    expect((body as { results: { articleId: string }[] }).results.map((tag) => tag.articleId)).toEqual([
      'an-article',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { CORPUS_IDS } from '../helpers/articles.js';
import { getJson, startTestServer } from '../helpers/start-test-server.js';

describe('JSON API', () => {
  it('answers the health check', async () => {
    const server = await startTestServer();
    const { status, body } = await getJson(server, '/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true });
  });

  it('lists the three built-in articles with titles and zero counts, sorted by id', async () => {
    const server = await startTestServer();
    const { status, body } = await getJson(server, '/api/articles');
    expect(status).toBe(200);
    const articles = body as { id: string; title: string; counts: Record<string, number> }[];
    expect(articles.map((article) => article.id)).toEqual([...CORPUS_IDS]);
    expect(articles[0].title).toBe('Iffat Omar, Ali Zafar Get Into Twitter Spat Over Defamation Case');
    for (const article of articles) {
      expect(article.title.length).toBeGreaterThan(0);
      expect(article.counts).toEqual({ allegation: 0, denial: 0, rumour: 0 });
    }
  });

  it('returns one article by id', async () => {
    const server = await startTestServer();
    const { status, body } = await getJson(server, `/api/articles/${CORPUS_IDS[0]}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: CORPUS_IDS[0],
      title: 'Iffat Omar, Ali Zafar Get Into Twitter Spat Over Defamation Case',
      counts: { allegation: 0, denial: 0, rumour: 0 },
      archived: false,
    });
  });

  it('answers 404 JSON for an unknown article and an unknown API route', async () => {
    const server = await startTestServer();
    const unknownArticle = await getJson(server, '/api/articles/no_such_article');
    expect(unknownArticle.status).toBe(404);
    expect(unknownArticle.body).toEqual({ error: expect.any(String) });
    const unknownRoute = await getJson(server, '/api/nothing-here');
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body).toEqual({ error: expect.any(String) });
  });

  it('answers 400 JSON for a malformed article id', async () => {
    const server = await startTestServer();
    for (const id of ['..%2F..%2Fetc', 'a.b', 'a%20b', '%2E%2E%2Fsecret', 'x'.repeat(129)]) {
      const { status, body } = await getJson(server, `/api/articles/${id}`);
      expect(status, id).toBe(400);
      expect(body).toEqual({ error: expect.any(String) });
    }
  });
});

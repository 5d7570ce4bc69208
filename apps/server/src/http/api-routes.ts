import type { FastifyPluginAsync } from 'fastify';
import { isValidArticleId } from '../article-id.js';
import type { ArticleLibrary } from '../library/article-library.js';
import {
  articleListing,
  parseArticleQuery,
  runArticleQuery,
  type ArticleQueryString,
} from '../library/article-query.js';
import { SERVER_VERSION } from '../paths.js';
import { mayRead } from '../auth/http-access.js';

/** What the JSON API reads from. */
export interface ApiDependencies {
  readonly library: ArticleLibrary;
  /** When the server started, for the uptime in the health check. */
  readonly startedAt: number;
}

/**
 * The JSON API, registered under `/api`: health, and the article library from the library index
 * (`GET /articles?q=&outlet=&label=&sort=&order=&archived=`, `GET /articles/:id`).
 */
export function apiRoutes({ library, startedAt }: ApiDependencies): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { config: { access: { permission: 'read', public: true } } }, async () => ({
      ok: true,
      version: SERVER_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }));

    app.get<{ Querystring: ArticleQueryString }>('/articles', async (request, reply) => {
      const parsed = parseArticleQuery(request.query);
      if (!parsed.ok) return reply.code(400).send(parsed.body);
      const readable = (await library.articles()).filter((article) => mayRead(request, article.id));
      return runArticleQuery(readable, parsed.query);
    });

    app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
      const { id } = request.params;
      if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
      const article = await library.find(id);
      if (!article || article.state.deletedAt !== null) {
        return reply.code(404).send({ error: `No article with id ${id}.` });
      }
      return articleListing(article);
    });
  };
}

import type { FastifyPluginAsync } from 'fastify';
import { isValidArticleId } from '../article-id.js';
import type { ArticleLibrary } from '../library/article-library.js';
import { SERVER_VERSION } from '../paths.js';

/** What the JSON API reads from. */
export interface ApiDependencies {
  readonly library: ArticleLibrary;
  /** When the server started, for the uptime in the health check. */
  readonly startedAt: number;
}

/** The JSON API, registered under `/api`: health and the article library. */
export function apiRoutes({ library, startedAt }: ApiDependencies): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', async () => ({
      ok: true,
      version: SERVER_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }));

    app.get('/articles', async () => library.list());

    app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
      const { id } = request.params;
      if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
      const listing = await library.get(id);
      if (!listing) return reply.code(404).send({ error: `No article with id ${id}.` });
      return listing;
    });
  };
}

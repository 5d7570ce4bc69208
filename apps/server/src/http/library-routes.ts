import type { FastifyPluginAsync } from 'fastify';
import { isValidArticleId } from '../article-id.js';
import { mayRead } from '../auth/http-access.js';
import type { ArticleLibrary } from '../library/article-library.js';
import type { ArticleLifecycle } from '../library/article-lifecycle.js';
import { articleListing, outletCounts } from '../library/article-query.js';
import { parseArchivedFilter, type QueryValue } from '../library/query-params.js';

/** What the library management routes work on. */
export interface LibraryRouteDependencies {
  readonly library: ArticleLibrary;
  readonly lifecycle: ArticleLifecycle;
}

/** Managing articles is for leads. */
const MANAGE = { access: { permission: 'manage' } } as const;

/**
 * Library management, registered under `/api`: archive and unarchive
 * (`PATCH /articles/:id` with `{ "archived": true | false }`), delete with a window to undo
 * (`DELETE /articles/:id`, `POST /articles/:id/restore`), and the outlets to filter by (`GET /outlets`).
 */
export function libraryRoutes({ library, lifecycle }: LibraryRouteDependencies): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { archived?: QueryValue } }>('/outlets', async (request, reply) => {
      const archived = parseArchivedFilter(request.query.archived);
      if (!archived.ok) return reply.code(400).send(archived.body);
      const readable = (await library.articles()).filter((article) => mayRead(request, article.id));
      return outletCounts(readable, archived.archived);
    });

    app.patch<{ Params: { id: string }; Body: unknown }>(
      '/articles/:id',
      { config: MANAGE },
      async (request, reply) => {
        const { id } = request.params;
        if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
        const archived = (request.body as { archived?: unknown } | null)?.archived;
        if (typeof archived !== 'boolean') {
          return reply.code(400).send({ error: 'Send JSON { "archived": true } or { "archived": false }.' });
        }
        const article = await lifecycle.setArchived(id, archived);
        if (!article) return reply.code(404).send({ error: `No article with id ${id}.` });
        return articleListing(article);
      },
    );

    app.delete<{ Params: { id: string } }>('/articles/:id', { config: MANAGE }, async (request, reply) => {
      const { id } = request.params;
      if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
      const deleted = await lifecycle.delete(id);
      if (!deleted) return reply.code(404).send({ error: `No article with id ${id}.` });
      return deleted;
    });

    app.post<{ Params: { id: string } }>(
      '/articles/:id/restore',
      { config: MANAGE },
      async (request, reply) => {
        const { id } = request.params;
        if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
        const restored = await lifecycle.restore(id);
        if (!restored) {
          return reply.code(404).send({
            error: `No deleted article with id ${id} to restore: it never existed or its undo window has passed.`,
          });
        }
        if (restored.outcome === 'not-deleted') {
          return reply.code(409).send({ error: `The article ${id} is not deleted.` });
        }
        return articleListing(restored.article);
      },
    );
  };
}

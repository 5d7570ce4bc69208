import type { FastifyPluginAsync } from 'fastify';
import { isValidArticleId } from '../article-id.js';
import { roleAllows } from '../auth/permissions.js';
import type { BlindReviews } from '../review/blind-reviews.js';
import type { DocumentRegistry } from '../sync/document-registry.js';

/** What the blind review routes need. */
export interface BlindReviewRouteDependencies {
  readonly blind: BlindReviews;
  readonly registry: DocumentRegistry;
}

/**
 * Blind review over HTTP: `GET /api/articles/<id>/blind-review` tells whether the article is blind
 * (leads also see how many tags each reviewer has made), `PUT` with `{ "blind": true | false }`
 * starts or reveals it (leads only).
 */
export function blindReviewRoutes({ blind, registry }: BlindReviewRouteDependencies): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { id: string } }>('/articles/:id/blind-review', async (request, reply) => {
      const { id } = request.params;
      if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
      const article = await registry.acquire(id);
      if (!article) return reply.code(404).send({ error: `No article with id ${id}.` });
      try {
        const status = await blind.status(article);
        const lead = request.principal === null || roleAllows(request.principal.role, 'manage');
        return lead ? status : { blind: status.blind, reviewers: [] };
      } finally {
        registry.release(article);
      }
    });

    app.put<{ Params: { id: string }; Body: unknown }>(
      '/articles/:id/blind-review',
      { config: { access: { permission: 'manage' } } },
      async (request, reply) => {
        const { id } = request.params;
        if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
        const wanted = (request.body as { blind?: unknown } | null)?.blind;
        if (typeof wanted !== 'boolean') {
          return reply
            .code(400)
            .send({ error: 'Send { "blind": true } to start or { "blind": false } to reveal.' });
        }
        const status = wanted ? await blind.start(id) : await blind.reveal(id);
        if (!status) return reply.code(404).send({ error: `No article with id ${id}.` });
        request.log.info(
          { article: id, blind: wanted, by: request.principal?.id ?? null },
          'blind review changed',
        );
        return status;
      },
    );
  };
}

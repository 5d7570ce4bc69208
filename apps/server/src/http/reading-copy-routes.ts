import type { FastifyPluginAsync } from 'fastify';
import { readBlindReview } from '@factcheck/core';
import { isValidArticleId } from '../article-id.js';
import type { ArticleLibrary } from '../library/article-library.js';
import type { DocumentRegistry } from '../sync/document-registry.js';

/** What the reading copy route reads from. */
export interface ReadingCopyRouteDependencies {
  readonly library: ArticleLibrary;
  readonly registry: DocumentRegistry;
}

/**
 * `GET /api/articles/:id/reading-copy`, registered under `/api`: the article as the editor draws it
 * with every tag shown (`{ mark, nodes }`), which a browser that has never opened the article shows
 * while its editor loads. None while the article is in blind review: each reviewer then sees only
 * their own tags, which only their fork of the article holds.
 */
export function readingCopyRoutes({ library, registry }: ReadingCopyRouteDependencies): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { id: string } }>(
      '/articles/:id/reading-copy',
      { config: { access: { permission: 'read' } } },
      async (request, reply) => {
        const { id } = request.params;
        if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
        const article = await library.find(id);
        if (!article || article.state.deletedAt !== null)
          return reply.code(404).send({ error: `No article with id ${id}.` });
        // The loaded document knows at once; the stored summary may lag a change by a moment.
        const live = registry.peek(id);
        const blind = live ? readBlindReview(live.doc).blind : article.summary.review.blind;
        if (blind)
          return reply.code(404).send({ error: 'No reading copy while the article is in blind review.' });
        const copy = await registry.store.readReadingCopy(id);
        if (!copy) return reply.code(404).send({ error: 'No reading copy of this article yet.' });
        return reply
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(`{"mark":${JSON.stringify(copy.mark)},"nodes":${copy.nodes}}`);
      },
    );
  };
}

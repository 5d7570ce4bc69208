import type { FastifyPluginAsync } from 'fastify';
import type { TagView } from '@factcheck/core';
import { isValidArticleId } from '../article-id.js';
import type { ArticleSnapshots } from '../export/article-snapshots.js';
import type { ArticleLibrary } from '../library/article-library.js';
import { ArticleReviews } from '../review/article-reviews.js';

/** What the review routes read from. */
export interface ReviewRouteDependencies {
  readonly articles: ArticleSnapshots;
  /** The library index, whose summaries answer the list across articles. */
  readonly library: ArticleLibrary;
}

/** The query of a review request. */
interface ReviewQuery {
  readonly view?: string | string[];
}

const VIEWS: readonly TagView[] = ['all', 'adjudicated'];

/** The view asked for (`all` when none is given), or null when it is not one view. */
function parseView(query: ReviewQuery): TagView | null {
  if (query.view === undefined) return 'all';
  return VIEWS.find((view) => view === query.view) ?? null;
}

const badView = { error: 'Unknown view: use ?view=all or ?view=adjudicated.', views: VIEWS };

/**
 * Review, registered under `/api`: the passages and agreement of one article
 * (`GET /articles/:id/review?view=`) and the disputed passages of every article (`GET /review`).
 */
export function reviewRoutes({ articles, library }: ReviewRouteDependencies): FastifyPluginAsync {
  const reviews = new ArticleReviews(articles, library);
  return async (app) => {
    app.get<{ Params: { id: string }; Querystring: ReviewQuery }>(
      '/articles/:id/review',
      async (request, reply) => {
        const { id } = request.params;
        if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
        const view = parseView(request.query);
        if (!view) return reply.code(400).send(badView);
        const review = await reviews.review(id, view);
        if (!review) return reply.code(404).send({ error: `No article with id ${id}.` });
        return review;
      },
    );

    app.get<{ Querystring: ReviewQuery }>(
      '/review',
      { config: { access: { permission: 'read', everyArticle: true } } },
      async (request, reply) => {
        const view = parseView(request.query);
        if (!view) return reply.code(400).send(badView);
        return reviews.disputedAcrossArticles(view);
      },
    );
  };
}

import type { FastifyPluginAsync } from 'fastify';
import { mayRead } from '../auth/http-access.js';
import type { ArticleLibrary } from '../library/article-library.js';
import { parseTagSearch, runTagSearch, type TagSearchQueryString } from '../library/tag-search.js';

/** What tag search reads from. */
export interface AnnotationSearchDependencies {
  readonly library: ArticleLibrary;
}

/**
 * Search across tags, registered under `/api`:
 * `GET /annotations?label=&author=&claimant=&status=&q=&article=&archived=&limit=`, answered from the
 * tags kept in the library index (refreshed with each article's summary), never by loading documents.
 */
export function annotationSearchRoutes({ library }: AnnotationSearchDependencies): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: TagSearchQueryString }>('/annotations', async (request, reply) => {
      const parsed = parseTagSearch(request.query);
      if (!parsed.ok) return reply.code(400).send(parsed.body);
      const readable = (await library.articles()).filter((article) => mayRead(request, article.id));
      return runTagSearch(readable, parsed.search);
    });
  };
}

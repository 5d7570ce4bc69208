import {
  articleListSearch,
  fetchArticles,
  type ArticleListQuery,
  type ArticleSummaryJson,
} from '../api/articles-api.js';
import { useServerQuery, type ServerQueryState } from './useServerQuery.js';

/** The articles matching the library's search and filters, asked of the server as the reviewer types. */
export function useArticleSummaries(query: ArticleListQuery): ServerQueryState<ArticleSummaryJson[]> {
  return useServerQuery(articleListSearch(query), (signal) => fetchArticles(query, signal));
}

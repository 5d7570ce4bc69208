import { useEffect, useState } from 'react';
import { ApiError, fetchArticle, type ArticleSummaryJson } from '../../api/articles-api.js';

/** What the server says about an article before we open it. */
export type ArticleExistence =
  | { readonly state: 'checking' }
  | { readonly state: 'found'; readonly summary: ArticleSummaryJson }
  | { readonly state: 'missing' }
  /** The check itself failed (offline, server error): we try to open the article anyway. */
  | { readonly state: 'unknown' };

/** Asks the API whether the article exists, so an unknown id shows "not found" instead of an empty page. */
export function useArticleExistence(articleId: string): ArticleExistence {
  const [existence, setExistence] = useState<ArticleExistence>({ state: 'checking' });
  useEffect(() => {
    const controller = new AbortController();
    setExistence({ state: 'checking' });
    fetchArticle(articleId, controller.signal)
      .then((summary) => setExistence({ state: 'found', summary }))
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setExistence(
          reason instanceof ApiError && reason.status === 404 ? { state: 'missing' } : { state: 'unknown' },
        );
      });
    return () => controller.abort();
  }, [articleId]);
  return existence;
}

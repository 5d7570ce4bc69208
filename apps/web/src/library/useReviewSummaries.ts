import { useEffect, useState } from 'react';
import { fetchReviewSummaries, type ArticleReviewSummary } from '../api/review-api.js';

/** Where the library's review summaries stand. */
export type ReviewSummariesState =
  | { readonly status: 'loading' }
  /** The server has no review endpoint. */
  | { readonly status: 'unavailable' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'loaded'; readonly articles: readonly ArticleReviewSummary[] };

/** Loads the review summary of every article, again whenever the page becomes visible. */
export function useReviewSummaries(): ReviewSummariesState {
  const [state, setState] = useState<ReviewSummariesState>({ status: 'loading' });
  useEffect(() => {
    let controller: AbortController | null = null;
    const load = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      fetchReviewSummaries(current.signal)
        .then((articles) => setState(articles ? { status: 'loaded', articles } : { status: 'unavailable' }))
        .catch((reason: unknown) => {
          if (current.signal.aborted) return;
          setState({ status: 'failed', message: reason instanceof Error ? reason.message : String(reason) });
        });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    load();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
      controller?.abort();
    };
  }, []);
  return state;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchArticles, type ArticleSummaryJson } from '../api/articles-api.js';

/** The library's article list as it loads: the last good list is kept while refreshing. */
export interface ArticleSummariesState {
  readonly articles: readonly ArticleSummaryJson[] | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly reload: () => void;
}

/** Loads the article summaries, and again whenever the page becomes visible, so counts stay fresh. */
export function useArticleSummaries(): ArticleSummariesState {
  const [articles, setArticles] = useState<readonly ArticleSummaryJson[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    fetchArticles(controller.signal)
      .then((list) => {
        setArticles(list);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof Error ? reason.message : String(reason));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
  }, []);

  useEffect(() => {
    reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
      controllerRef.current?.abort();
    };
  }, [reload]);

  return { articles, loading, error, reload };
}

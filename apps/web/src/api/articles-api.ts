import type { Label } from '@factcheck/core';

/** The JSON API of the server: article summaries for the library. */

/** What the server tells about an article. */
export interface ArticleSummaryJson {
  readonly id: string;
  readonly title: string;
  readonly counts: Record<Label, number>;
}

/** An API call that got an HTTP error status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    const message =
      typeof body?.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

/** Every article with its title and tag counts. */
export function fetchArticles(signal?: AbortSignal): Promise<ArticleSummaryJson[]> {
  return getJson<ArticleSummaryJson[]>('/api/articles', signal);
}

/** One article's summary; rejects with an ApiError of status 404 when there is no such article. */
export function fetchArticle(articleId: string, signal?: AbortSignal): Promise<ArticleSummaryJson> {
  return getJson<ArticleSummaryJson>(`/api/articles/${encodeURIComponent(articleId)}`, signal);
}

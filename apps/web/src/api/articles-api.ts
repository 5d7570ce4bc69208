import type { Label } from '@factcheck/core';
import { apiFetch } from '../session/session-token.js';

/** The JSON API of the server: the article library (list, search, archive, delete, restore). */

/** How far an article's review has come. */
export interface ReviewProgressJson {
  readonly tags: number;
  readonly open: number;
  readonly disputed: number;
  readonly resolved: number;
  readonly disputedPassages: number;
  readonly decidedPassages: number;
}

/** What the server tells about an article. */
export interface ArticleSummaryJson {
  readonly id: string;
  readonly title: string;
  readonly counts: Record<Label, number>;
  readonly sourceUrl?: string;
  readonly outlet?: string;
  readonly authors?: string;
  readonly publishedAt?: string;
  readonly language?: string;
  readonly progress?: ReviewProgressJson;
  readonly archived?: boolean;
  readonly archivedAt?: string | null;
  /** With a search: the text around the first hit in the body, and where the hit is in it. */
  readonly excerpt?: { readonly text: string; readonly hit: readonly [number, number] };
}

/** What the library asks the server for. */
export interface ArticleListQuery {
  readonly q?: string;
  readonly outlet?: string;
  readonly label?: Label | '';
  readonly sort?: 'id' | 'title' | 'date';
  readonly order?: 'asc' | 'desc';
  readonly archived?: boolean;
}

/** An outlet and how many articles it has. */
export interface OutletCount {
  readonly outlet: string;
  readonly articles: number;
}

/** What deleting an article answered: until when it can be restored. */
export interface DeletedArticleJson {
  readonly id: string;
  readonly title: string;
  readonly deletedAt: string;
  readonly purgeAt: string;
}

/** The sync close code of an article deleted while it was open (the server's ARTICLE_DELETED_CLOSE_CODE). */
export const ARTICLE_DELETED_CLOSE_CODE = 4411;

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

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    const message =
      typeof body?.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await apiFetch(path, { signal, headers: { Accept: 'application/json' } }));
}

async function sendJson<T>(method: 'PATCH' | 'DELETE' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await apiFetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readJson<T>(response);
}

const articleUrl = (articleId: string) => `/api/articles/${encodeURIComponent(articleId)}`;

/** The query string of `GET /api/articles` for a library query (empty parts left out). */
export function articleListSearch(query: ArticleListQuery): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.outlet) params.set('outlet', query.outlet);
  if (query.label) params.set('label', query.label);
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  if (query.archived) params.set('archived', 'true');
  return params.toString();
}

/** The articles matching a query (every active one, by id, without one), with titles and counts. */
export function fetchArticles(
  query: ArticleListQuery = {},
  signal?: AbortSignal,
): Promise<ArticleSummaryJson[]> {
  const search = articleListSearch(query);
  return getJson<ArticleSummaryJson[]>(`/api/articles${search ? `?${search}` : ''}`, signal);
}

/** One article's summary; rejects with an ApiError of status 404 when there is no such article. */
export function fetchArticle(articleId: string, signal?: AbortSignal): Promise<ArticleSummaryJson> {
  return getJson<ArticleSummaryJson>(articleUrl(articleId), signal);
}

/** Every outlet of the active (or archived) articles, most articles first. */
export function fetchOutlets(archived: boolean, signal?: AbortSignal): Promise<OutletCount[]> {
  return getJson<OutletCount[]>(`/api/outlets${archived ? '?archived=true' : ''}`, signal);
}

/** Archives or unarchives an article (leads only). */
export function setArticleArchived(articleId: string, archived: boolean): Promise<ArticleSummaryJson> {
  return sendJson<ArticleSummaryJson>('PATCH', articleUrl(articleId), { archived });
}

/** Deletes an article; it can be restored until `purgeAt` (leads only). */
export function deleteArticle(articleId: string): Promise<DeletedArticleJson> {
  return sendJson<DeletedArticleJson>('DELETE', articleUrl(articleId));
}

/** Restores a deleted article inside its undo window. */
export function restoreArticle(articleId: string): Promise<ArticleSummaryJson> {
  return sendJson<ArticleSummaryJson>('POST', `${articleUrl(articleId)}/restore`);
}

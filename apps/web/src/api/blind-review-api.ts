import { apiFetch } from '../session/session-token.js';
import { ApiError } from './articles-api.js';

/** One reviewer's progress in a blind review (counts only; leads see it). */
export interface BlindReviewerProgress {
  readonly reviewerId: string;
  readonly tags: number;
}

/** The blind review state of an article as the server tells it. */
export interface BlindReviewStatus {
  readonly blind: boolean;
  readonly reviewers: readonly BlindReviewerProgress[];
}

function path(articleId: string): string {
  return `/api/articles/${encodeURIComponent(articleId)}/blind-review`;
}

async function read(response: Response): Promise<BlindReviewStatus> {
  const body = (await response.json().catch(() => ({}))) as Partial<BlindReviewStatus> & { error?: string };
  if (!response.ok)
    throw new ApiError(response.status, body.error ?? `${response.status} ${response.statusText}`);
  return { blind: body.blind === true, reviewers: Array.isArray(body.reviewers) ? body.reviewers : [] };
}

/** `GET /api/articles/<id>/blind-review`. */
export async function fetchBlindReview(articleId: string, signal?: AbortSignal): Promise<BlindReviewStatus> {
  return read(await apiFetch(path(articleId), { signal, headers: { Accept: 'application/json' } }));
}

/** `PUT /api/articles/<id>/blind-review`: starts (true) or reveals (false) a blind review. */
export async function setBlindReview(articleId: string, blind: boolean): Promise<BlindReviewStatus> {
  return read(
    await apiFetch(path(articleId), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ blind }),
    }),
  );
}

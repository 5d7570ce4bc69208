import { ApiError } from '../../api/articles-api.js';
import { apiFetch } from '../../session/session-token.js';

/** `POST /api/articles`: one file (or pasted text) in, a new article out. */

/** The article the server made. */
export interface ImportedArticleJson {
  readonly id: string;
  readonly title: string;
}

/** What the reviewer says over what the file says. */
export interface ImportOverrides {
  readonly title?: string;
  readonly source?: string;
}

/** Sends the file as the raw body with its content type; rejects with the server's own message. */
export async function importArticle(
  body: Blob | string,
  contentType: string,
  overrides: ImportOverrides = {},
  signal?: AbortSignal,
): Promise<ImportedArticleJson> {
  const query = new URLSearchParams();
  if (overrides.title?.trim()) query.set('title', overrides.title.trim());
  if (overrides.source?.trim()) query.set('source', overrides.source.trim());
  const search = query.size > 0 ? `?${query}` : '';
  let response: Response;
  try {
    response = await apiFetch(`/api/articles${search}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Accept: 'application/json' },
      body,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'The server could not be reached. Check the connection and try again.');
  }
  const answer = (await response.json().catch(() => null)) as Partial<ImportedArticleJson> & {
    error?: unknown;
  };
  if (response.status === 201 && typeof answer?.id === 'string') {
    return { id: answer.id, title: typeof answer.title === 'string' ? answer.title : answer.id };
  }
  const message =
    typeof answer?.error === 'string' ? answer.error : `${response.status} ${response.statusText}`;
  throw new ApiError(response.status, message);
}

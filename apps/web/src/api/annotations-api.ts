import type { Label, TagSearchAnswer, TagStatus } from '@factcheck/core';
import { apiFetch } from '../session/session-token.js';
import { ApiError } from './articles-api.js';

/** Tag search across the library (`GET /api/annotations`). */

/** What to search tags by; empty fields are left out. */
export interface TagSearchQuery {
  readonly q?: string;
  readonly label?: Label | '';
  readonly author?: string;
  readonly claimant?: string;
  readonly status?: TagStatus | '';
  readonly limit?: number;
}

/** Whether a tag search asks for anything at all. */
export function isEmptyTagSearch(query: TagSearchQuery): boolean {
  return (
    !query.q?.trim() && !query.label && !query.author?.trim() && !query.claimant?.trim() && !query.status
  );
}

/** The query string of a tag search. */
export function tagSearchParams(query: TagSearchQuery): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.label) params.set('label', query.label);
  if (query.author?.trim()) params.set('author', query.author.trim());
  if (query.claimant?.trim()) params.set('claimant', query.claimant.trim());
  if (query.status) params.set('status', query.status);
  if (query.limit) params.set('limit', String(query.limit));
  return params.toString();
}

/** Searches every article's tags. */
export async function searchTags(query: TagSearchQuery, signal?: AbortSignal): Promise<TagSearchAnswer> {
  const response = await apiFetch(`/api/annotations?${tagSearchParams(query)}`, {
    signal,
    headers: { Accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as (TagSearchAnswer & { error?: unknown }) | null;
  if (!response.ok || !body) {
    const message =
      typeof body?.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

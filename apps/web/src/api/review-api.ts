import { apiFetch } from '../session/session-token.js';
import { ApiError } from './articles-api.js';

/** The review endpoint across articles: how disputed each article is. */

/** One article's review summary as the library shows it. */
export interface ArticleReviewSummary {
  readonly id: string;
  readonly title: string;
  /** Disputed passages in the article. */
  readonly disputed: number;
  /** Of those, the ones a lead has decided (when the server lists the passages). */
  readonly decided: number;
  /** Quotes of the first disputed passages, in text order. */
  readonly quotes: readonly string[];
  /** Krippendorff's alpha, null with fewer than two reviewers. */
  readonly alpha: number | null;
}

/** Disputed passages quoted per article. */
const QUOTES_KEPT = 2;

/** A count given either as a number or as the list it counts. */
function countOf(value: unknown, keep: (item: unknown) => boolean = () => true): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.filter(keep).length;
  return 0;
}

function isDisputedPassage(item: unknown): boolean {
  return typeof item === 'object' && item !== null && (item as { disputed?: unknown }).disputed === true;
}

/** Whether a listed passage carries a decision covering every one of its tags. */
function isDecidedPassage(item: unknown): boolean {
  if (!isDisputedPassage(item)) return false;
  const { annotations, adjudication } = item as { annotations?: unknown; adjudication?: unknown };
  if (typeof adjudication !== 'object' || adjudication === null || !Array.isArray(annotations)) return false;
  const covered = (adjudication as { annotationIds?: unknown }).annotationIds;
  return Array.isArray(covered) && annotations.every((id) => covered.includes(id));
}

/** Reads one entry of `GET /api/review` leniently; null when it names no article. */
export function parseReviewSummary(value: unknown): ArticleReviewSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  if (typeof entry.id !== 'string' || !entry.id) return null;
  const agreement = entry.agreement as { alpha?: unknown } | undefined;
  const alpha = typeof agreement?.alpha === 'number' ? agreement.alpha : null;
  return {
    id: entry.id,
    title: typeof entry.title === 'string' ? entry.title : '',
    disputed:
      entry.disputed !== undefined ? countOf(entry.disputed) : countOf(entry.passages, isDisputedPassage),
    decided: Array.isArray(entry.passages) ? entry.passages.filter(isDecidedPassage).length : 0,
    quotes: Array.isArray(entry.passages)
      ? entry.passages
          .filter(isDisputedPassage)
          .flatMap((passage) => {
            const quote = (passage as { quote?: unknown }).quote;
            return typeof quote === 'string' && quote ? [quote] : [];
          })
          .slice(0, QUOTES_KEPT)
      : [],
    alpha,
  };
}

/**
 * Every article's review summary; null when the server has no review endpoint (404), so the
 * library can simply leave the section out.
 */
export async function fetchReviewSummaries(signal?: AbortSignal): Promise<ArticleReviewSummary[] | null> {
  const response = await apiFetch('/api/review', { signal, headers: { Accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new ApiError(response.status, `${response.status} ${response.statusText}`);
  const body: unknown = await response.json();
  const list = Array.isArray(body) ? body : [];
  return list.flatMap((entry) => parseReviewSummary(entry) ?? []);
}

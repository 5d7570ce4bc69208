import {
  isLabel,
  LABELS,
  TAG_STATUSES,
  type Label,
  type TagSearchAnswer,
  type TagSearchResult,
  type TagStatus,
} from '@factcheck/core';
import type { IndexedArticle } from './article-library.js';
import {
  badQuery,
  parseArchivedFilter,
  passesArchivedFilter,
  queryValues,
  singleValue,
  type ArchivedFilter,
  type BadQuery,
  type QueryValue,
} from './query-params.js';
import { MAX_QUERY_LENGTH, searchTerms } from './text-search.js';

/** The query string of `GET /api/annotations`. */
export interface TagSearchQueryString {
  readonly label?: QueryValue;
  readonly author?: QueryValue;
  readonly claimant?: QueryValue;
  readonly status?: QueryValue;
  readonly q?: QueryValue;
  readonly article?: QueryValue;
  readonly archived?: QueryValue;
  readonly limit?: QueryValue;
}

/** Results given when no `limit` is asked for, and the most ever given. */
export const DEFAULT_TAG_LIMIT = 200;
export const MAX_TAG_LIMIT = 2000;

/** A parsed tag search. */
export interface TagSearch {
  readonly labels: readonly Label[];
  /** Lower-cased reviewer ids, or parts of reviewer names; any of them matches. Empty: any reviewer. */
  readonly authors: readonly string[];
  /** Lower-cased parts of a claimant's name; any of them matches. */
  readonly claimants: readonly string[];
  readonly statuses: readonly TagStatus[];
  /** Terms that must all occur in the quote. */
  readonly terms: readonly string[];
  readonly articles: ReadonlySet<string>;
  readonly archived: ArchivedFilter;
  readonly limit: number;
}

/** Reads the query of `GET /api/annotations`. */
export function parseTagSearch(query: TagSearchQueryString): { ok: true; search: TagSearch } | BadQuery {
  const labels = queryValues(query.label, { commas: true });
  const unknownLabel = labels.find((label) => !isLabel(label));
  if (unknownLabel !== undefined)
    return badQuery(`Unknown label "${unknownLabel}".`, { labels: [...LABELS] });
  const statuses = queryValues(query.status, { commas: true });
  const unknownStatus = statuses.find((status) => !(TAG_STATUSES as readonly string[]).includes(status));
  if (unknownStatus !== undefined) {
    return badQuery(`Unknown status "${unknownStatus}".`, { statuses: [...TAG_STATUSES] });
  }
  const q = singleValue(query.q);
  if (q === null) return badQuery('Give q once.');
  if (q.length > MAX_QUERY_LENGTH)
    return badQuery(`The search is longer than ${MAX_QUERY_LENGTH} characters.`);
  const limitValue = singleValue(query.limit);
  const limit = limitValue === '' ? DEFAULT_TAG_LIMIT : Number(limitValue);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TAG_LIMIT) {
    return badQuery(`limit must be a whole number from 1 to ${MAX_TAG_LIMIT}.`);
  }
  const archived = parseArchivedFilter(query.archived);
  if (!archived.ok) return archived;
  return {
    ok: true,
    search: {
      labels: labels as Label[],
      authors: queryValues(query.author).map((author) => author.toLowerCase()),
      claimants: queryValues(query.claimant).map((claimant) => claimant.toLowerCase()),
      statuses: statuses as TagStatus[],
      terms: searchTerms(q ?? ''),
      articles: new Set(queryValues(query.article)),
      archived: archived.archived,
      limit,
    },
  };
}

/** Every tag passing the search across the articles, articles in id order and tags in text order. */
export function runTagSearch(articles: readonly IndexedArticle[], search: TagSearch): TagSearchAnswer {
  const results: TagSearchResult[] = [];
  let total = 0;
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of sorted) {
    if (search.articles.size > 0 && !search.articles.has(entry.id)) continue;
    if (!passesArchivedFilter(entry.state.archivedAt, search.archived)) continue;
    for (const tag of entry.summary.tags) {
      if (search.labels.length > 0 && !search.labels.includes(tag.label)) continue;
      if (search.statuses.length > 0 && !search.statuses.includes(tag.status)) continue;
      if (
        search.authors.length > 0 &&
        !search.authors.some(
          (author) =>
            author === tag.author.id.toLowerCase() || tag.author.name.toLowerCase().includes(author),
        )
      ) {
        continue;
      }
      const claimant = tag.claimant.toLowerCase();
      if (search.claimants.length > 0 && !search.claimants.some((part) => claimant.includes(part))) continue;
      if (search.terms.length > 0) {
        const quote = tag.quote.toLowerCase();
        if (!search.terms.every((term) => quote.includes(term))) continue;
      }
      total += 1;
      if (results.length < search.limit) {
        results.push({ articleId: entry.id, articleTitle: entry.summary.title, ...tag });
      }
    }
  }
  return { total, results };
}

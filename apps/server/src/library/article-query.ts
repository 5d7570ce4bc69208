import { isLabel, LABELS, type ArticleMeta, type Label, type ReviewProgress } from '@factcheck/core';
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
import { excerptAround, matchesAllTerms, MAX_QUERY_LENGTH, searchTerms } from './text-search.js';

/** The query string of `GET /api/articles`. */
export interface ArticleQueryString {
  readonly q?: QueryValue;
  readonly outlet?: QueryValue;
  readonly label?: QueryValue;
  readonly sort?: QueryValue;
  readonly order?: QueryValue;
  readonly archived?: QueryValue;
}

/** What the library can sort by. */
export const ARTICLE_SORTS = ['id', 'title', 'date'] as const;
/** One of the sort keys. */
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/** A parsed article query. */
export interface ArticleQuery {
  readonly terms: readonly string[];
  /** Lower-cased outlet names, any of which an article's outlet must be; empty: any outlet. */
  readonly outlets: ReadonlySet<string>;
  /** Labels an article must carry at least one tag of (any of them); empty: any. */
  readonly labels: readonly Label[];
  readonly sort: ArticleSort;
  readonly descending: boolean;
  readonly archived: ArchivedFilter;
}

/** An article as `GET /api/articles` lists it. */
export interface ArticleListingJson extends ArticleMeta {
  readonly id: string;
  readonly counts: Record<Label, number>;
  readonly progress: ReviewProgress;
  readonly archived: boolean;
  readonly archivedAt: string | null;
  /** With a search: the text around the first hit in the article body, and where the hit is in it. */
  readonly excerpt?: { readonly text: string; readonly hit: readonly [number, number] };
}

/** Reads the query of `GET /api/articles`; sorting by date is newest first unless `order=asc`. */
export function parseArticleQuery(query: ArticleQueryString): { ok: true; query: ArticleQuery } | BadQuery {
  const q = singleValue(query.q);
  if (q === null) return badQuery('Give q once.');
  if (q.length > MAX_QUERY_LENGTH)
    return badQuery(`The search is longer than ${MAX_QUERY_LENGTH} characters.`);
  const labels = queryValues(query.label, { commas: true });
  const unknownLabel = labels.find((label) => !isLabel(label));
  if (unknownLabel !== undefined) {
    return badQuery(`Unknown label "${unknownLabel}".`, { labels: [...LABELS] });
  }
  const sortValue = singleValue(query.sort);
  const sort = sortValue === '' ? 'id' : ARTICLE_SORTS.find((option) => option === sortValue);
  if (!sort) return badQuery('Unknown sort: use sort=id, title or date.', { sorts: [...ARTICLE_SORTS] });
  const order = singleValue(query.order);
  if (order !== '' && order !== 'asc' && order !== 'desc') {
    return badQuery('Unknown order: use order=asc or desc.');
  }
  const archived = parseArchivedFilter(query.archived);
  if (!archived.ok) return archived;
  return {
    ok: true,
    query: {
      terms: searchTerms(q),
      outlets: new Set(queryValues(query.outlet).map((outlet) => outlet.toLowerCase())),
      labels: labels as Label[],
      sort,
      descending: order === '' ? sort === 'date' : order === 'desc',
      archived: archived.archived,
    },
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const byId = (a: IndexedArticle, b: IndexedArticle) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The primary order of a sort key (ascending); ties are broken by id, always ascending. */
function primaryOrder(sort: ArticleSort): (a: IndexedArticle, b: IndexedArticle) => number {
  switch (sort) {
    case 'id':
      return byId;
    case 'title':
      return (a, b) => collator.compare(a.summary.title, b.summary.title);
    case 'date':
      return (a, b) => (a.publishedTime ?? 0) - (b.publishedTime ?? 0);
  }
}

/** The listing of one article, with an excerpt around the first hit of `terms` in its text. */
export function articleListing(entry: IndexedArticle, terms: readonly string[] = []): ArticleListingJson {
  const { summary, state } = entry;
  const excerpt = terms.length > 0 ? excerptAround(summary.text, terms) : null;
  return {
    id: entry.id,
    title: summary.title,
    sourceUrl: summary.sourceUrl,
    outlet: summary.outlet,
    authors: summary.authors,
    publishedAt: summary.publishedAt,
    language: summary.language,
    counts: { ...summary.counts },
    progress: summary.progress,
    archived: state.archivedAt !== null,
    archivedAt: state.archivedAt,
    ...(excerpt ? { excerpt } : {}),
  };
}

/** The articles passing a query, sorted (ties by id); articles without a date sort last in either order. */
export function runArticleQuery(
  articles: readonly IndexedArticle[],
  query: ArticleQuery,
): ArticleListingJson[] {
  const found = articles.filter(
    (entry) =>
      passesArchivedFilter(entry.state.archivedAt, query.archived) &&
      (query.outlets.size === 0 || query.outlets.has(entry.summary.outlet.trim().toLowerCase())) &&
      (query.labels.length === 0 || query.labels.some((label) => entry.summary.counts[label] > 0)) &&
      matchesAllTerms(query.terms, entry.searchable),
  );
  const primary = primaryOrder(query.sort);
  const direction = query.descending ? -1 : 1;
  found.sort((a, b) => {
    if (query.sort === 'date' && (a.publishedTime === null) !== (b.publishedTime === null)) {
      return a.publishedTime === null ? 1 : -1;
    }
    return direction * primary(a, b) || byId(a, b);
  });
  return found.map((entry) => articleListing(entry, query.terms));
}

/** Every outlet with how many articles passing the archived filter it has, most first. */
export function outletCounts(
  articles: readonly IndexedArticle[],
  archived: ArchivedFilter,
): { outlet: string; articles: number }[] {
  const counts = new Map<string, { outlet: string; articles: number }>();
  for (const entry of articles) {
    const outlet = entry.summary.outlet.trim();
    if (!outlet || !passesArchivedFilter(entry.state.archivedAt, archived)) continue;
    const key = outlet.toLowerCase();
    const count = counts.get(key) ?? { outlet, articles: 0 };
    count.articles += 1;
    counts.set(key, count);
  }
  return [...counts.values()].sort((a, b) => b.articles - a.articles || collator.compare(a.outlet, b.outlet));
}

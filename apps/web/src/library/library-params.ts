import { isLabel, TAG_STATUSES, type Label, type TagStatus } from '@factcheck/core';
import type { ArticleListQuery } from '../api/articles-api.js';
import type { TagSearchQuery } from '../api/annotations-api.js';

/**
 * What the library shows, kept in its address (`/?q=court&outlet=Dawn`, `/?view=tags&tq=denied`)
 * so a reload or the back button from an article returns to the same search.
 */

/** The library's two tabs. */
export type LibraryView = 'articles' | 'tags';

/** How the article list is ordered. */
export type LibrarySort = 'newest' | 'oldest' | 'title';

/** The orders the library offers, with their names. */
export const LIBRARY_SORTS: readonly { readonly value: LibrarySort; readonly name: string }[] = [
  { value: 'newest', name: 'Newest first' },
  { value: 'oldest', name: 'Oldest first' },
  { value: 'title', name: 'Title A–Z' },
];

/** The article search and filters. */
export interface ArticleFilters {
  readonly q: string;
  readonly outlet: string;
  readonly label: Label | '';
  readonly sort: LibrarySort;
  readonly archived: boolean;
}

/** The tag search. */
export interface TagFilters {
  readonly q: string;
  readonly label: Label | '';
  readonly author: string;
  readonly claimant: string;
  readonly status: TagStatus | '';
}

/** Everything the library's address holds. */
export interface LibraryParams {
  readonly view: LibraryView;
  readonly articles: ArticleFilters;
  readonly tags: TagFilters;
}

/** The library with nothing searched. */
export const DEFAULT_LIBRARY_PARAMS: LibraryParams = {
  view: 'articles',
  articles: { q: '', outlet: '', label: '', sort: 'newest', archived: false },
  tags: { q: '', label: '', author: '', claimant: '', status: '' },
};

const asLabel = (value: string | null): Label | '' => (value && isLabel(value) ? value : '');
const asStatus = (value: string | null): TagStatus | '' =>
  TAG_STATUSES.find((status) => status === value) ?? '';
const asSort = (value: string | null): LibrarySort =>
  LIBRARY_SORTS.find((sort) => sort.value === value)?.value ?? 'newest';

/** Reads the library's state from a query string; anything unknown falls back to the default. */
export function parseLibraryParams(search: string): LibraryParams {
  const params = new URLSearchParams(search);
  const get = (key: string) => params.get(key) ?? '';
  return {
    view: params.get('view') === 'tags' ? 'tags' : 'articles',
    articles: {
      q: get('q'),
      outlet: get('outlet'),
      label: asLabel(params.get('label')),
      sort: asSort(params.get('sort')),
      archived: params.get('archived') === 'true',
    },
    tags: {
      q: get('tq'),
      label: asLabel(params.get('tlabel')),
      author: get('treviewer'),
      claimant: get('tclaimant'),
      status: asStatus(params.get('tstatus')),
    },
  };
}

/** The query string (without `?`) for the library's state; defaults are left out. */
export function libraryParamsSearch(state: LibraryParams): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string, fallback = '') => {
    if (value !== fallback) params.set(key, value);
  };
  set('view', state.view, 'articles');
  set('q', state.articles.q);
  set('outlet', state.articles.outlet);
  set('label', state.articles.label);
  set('sort', state.articles.sort, 'newest');
  set('archived', state.articles.archived ? 'true' : '');
  set('tq', state.tags.q);
  set('tlabel', state.tags.label);
  set('treviewer', state.tags.author);
  set('tclaimant', state.tags.claimant);
  set('tstatus', state.tags.status);
  return params.toString();
}

/** The server query for the article filters. */
export function articleListQuery(filters: ArticleFilters): ArticleListQuery {
  const order =
    filters.sort === 'title'
      ? ({ sort: 'title', order: 'asc' } as const)
      : ({ sort: 'date', order: filters.sort === 'newest' ? 'desc' : 'asc' } as const);
  return {
    q: filters.q,
    outlet: filters.outlet,
    label: filters.label,
    archived: filters.archived,
    ...order,
  };
}

/** The server query for the tag filters. */
export function tagSearchQuery(filters: TagFilters): TagSearchQuery {
  return { ...filters };
}

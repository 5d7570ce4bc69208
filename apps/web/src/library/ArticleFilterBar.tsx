import { LABEL_NAMES, LABELS, type Label } from '@factcheck/core';
import type { OutletCount } from '../api/articles-api.js';
import { LIBRARY_SORTS, type ArticleFilters, type LibrarySort } from './library-params.js';

/** Props of the article filter bar. */
export interface ArticleFilterBarProps {
  readonly filters: ArticleFilters;
  readonly outlets: readonly OutletCount[];
  readonly onChange: (change: Partial<ArticleFilters>) => void;
}

/**
 * Search as you type (titles and full text), outlet, label and order, and whether the library or
 * the archive is shown.
 */
export function ArticleFilterBar({ filters, outlets, onChange }: ArticleFilterBarProps) {
  // An outlet in the address that no article has any more stays selectable, so it can be cleared.
  const outletOptions =
    filters.outlet && !outlets.some((entry) => entry.outlet.toLowerCase() === filters.outlet.toLowerCase())
      ? [{ outlet: filters.outlet, articles: 0 }, ...outlets]
      : outlets;
  return (
    <div className="filter-bar" role="search" aria-label="Find articles">
      <label className="filter-bar__search">
        <span className="visually-hidden">Search titles and text</span>
        <input
          type="search"
          className="filter-bar__search-input"
          placeholder="Search titles and full text…"
          value={filters.q}
          onChange={(event) => onChange({ q: event.target.value })}
          data-testid="library-search"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label className="filter-bar__control">
        <span className="filter-bar__label">Outlet</span>
        <select
          className="filter-bar__select"
          value={filters.outlet}
          onChange={(event) => onChange({ outlet: event.target.value })}
          data-testid="filter-outlet"
        >
          <option value="">All outlets</option>
          {outletOptions.map((entry) => (
            <option key={entry.outlet} value={entry.outlet}>
              {entry.outlet} ({entry.articles})
            </option>
          ))}
        </select>
      </label>
      <label className="filter-bar__control">
        <span className="filter-bar__label">Tagged</span>
        <select
          className="filter-bar__select"
          value={filters.label}
          onChange={(event) => onChange({ label: event.target.value as Label | '' })}
          data-testid="filter-label"
        >
          <option value="">Any label</option>
          {LABELS.map((label) => (
            <option key={label} value={label}>
              {LABEL_NAMES[label]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-bar__control">
        <span className="filter-bar__label">Sort</span>
        <select
          className="filter-bar__select"
          value={filters.sort}
          onChange={(event) => onChange({ sort: event.target.value as LibrarySort })}
          data-testid="filter-sort"
        >
          {LIBRARY_SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.name}
            </option>
          ))}
        </select>
      </label>
      <div className="segmented" role="group" aria-label="Show">
        <button
          type="button"
          className="segmented__option"
          aria-pressed={!filters.archived}
          onClick={() => onChange({ archived: false })}
        >
          Library
        </button>
        <button
          type="button"
          className="segmented__option"
          aria-pressed={filters.archived}
          onClick={() => onChange({ archived: true })}
          data-testid="show-archived"
        >
          Archived
        </button>
      </div>
    </div>
  );
}

import { LABEL_NAMES, LABELS, type Label } from '@factcheck/core';
import type { OutletCount } from '../api/articles-api.js';
import { FilterSearch, FilterSelect, type FilterOption } from './FilterControls.js';
import { LIBRARY_SORTS, type ArticleFilters } from './library-params.js';

/** Props of the article filter bar. */
export interface ArticleFilterBarProps {
  readonly filters: ArticleFilters;
  readonly outlets: readonly OutletCount[];
  readonly onChange: (change: Partial<ArticleFilters>) => void;
}

const LABEL_OPTIONS: readonly FilterOption<Label | ''>[] = [
  { value: '', name: 'Any label' },
  ...LABELS.map((label) => ({ value: label, name: LABEL_NAMES[label] })),
];

/** The outlets to choose from, with their article counts. */
function outletOptions(selected: string, outlets: readonly OutletCount[]): FilterOption<string>[] {
  // An outlet in the address that no article has any more stays selectable, so it can be cleared.
  const known = outlets.some((entry) => entry.outlet.toLowerCase() === selected.toLowerCase());
  const listed = selected && !known ? [{ outlet: selected, articles: 0 }, ...outlets] : outlets;
  return [
    { value: '', name: 'All outlets' },
    ...listed.map((entry) => ({ value: entry.outlet, name: `${entry.outlet} (${entry.articles})` })),
  ];
}

/**
 * Search as you type (titles and full text), outlet, label and order, and whether the library or
 * the archive is shown.
 */
export function ArticleFilterBar({ filters, outlets, onChange }: ArticleFilterBarProps) {
  return (
    <div className="filter-bar" role="search" aria-label="Find articles">
      <FilterSearch
        label="Search titles and text"
        placeholder="Search titles and full text…"
        value={filters.q}
        onChange={(q) => onChange({ q })}
        testId="library-search"
      />
      <FilterSelect
        label="Outlet"
        value={filters.outlet}
        options={outletOptions(filters.outlet, outlets)}
        onChange={(outlet) => onChange({ outlet })}
        testId="filter-outlet"
      />
      <FilterSelect
        label="Tagged"
        value={filters.label}
        options={LABEL_OPTIONS}
        onChange={(label) => onChange({ label })}
        testId="filter-label"
      />
      <FilterSelect
        label="Sort"
        value={filters.sort}
        options={LIBRARY_SORTS}
        onChange={(sort) => onChange({ sort })}
        testId="filter-sort"
      />
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

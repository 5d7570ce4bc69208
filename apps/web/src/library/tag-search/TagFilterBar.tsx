import { LABEL_NAMES, LABELS, TAG_STATUSES, type Label, type TagStatus } from '@factcheck/core';
import { FilterSearch, FilterSelect, FilterSuggest, type FilterOption } from '../FilterControls.js';
import type { TagFilters } from '../library-params.js';

/** Props of the tag filter bar. */
export interface TagFilterBarProps {
  readonly filters: TagFilters;
  readonly onChange: (change: Partial<TagFilters>) => void;
  /** Reviewer names seen in the results, offered as suggestions. */
  readonly reviewers: readonly string[];
  /** Claimants seen in the results, offered as suggestions. */
  readonly claimants: readonly string[];
}

const STATUS_NAMES: Readonly<Record<TagStatus, string>> = {
  open: 'Open',
  disputed: 'Disputed',
  resolved: 'Resolved',
};

const LABEL_OPTIONS: readonly FilterOption<Label | ''>[] = [
  { value: '', name: 'Any label' },
  ...LABELS.map((label) => ({ value: label, name: LABEL_NAMES[label] })),
];

const STATUS_OPTIONS: readonly FilterOption<TagStatus | ''>[] = [
  { value: '', name: 'Any status' },
  ...TAG_STATUSES.map((status) => ({ value: status, name: STATUS_NAMES[status] })),
];

/** Words in the quote, label, reviewer, claimant and status: what tags across articles are searched by. */
export function TagFilterBar({ filters, onChange, reviewers, claimants }: TagFilterBarProps) {
  return (
    <div className="filter-bar filter-bar--tags" role="search" aria-label="Find tags">
      <FilterSearch
        label="Words in the tagged text"
        placeholder="Words in the tagged text…"
        value={filters.q}
        onChange={(q) => onChange({ q })}
        testId="tag-search"
      />
      <FilterSelect
        label="Label"
        value={filters.label}
        options={LABEL_OPTIONS}
        onChange={(label) => onChange({ label })}
        testId="tag-filter-label"
      />
      <FilterSuggest
        label="Reviewer"
        value={filters.author}
        suggestions={reviewers}
        placeholder="Anyone"
        onChange={(author) => onChange({ author })}
        testId="tag-filter-reviewer"
      />
      <FilterSuggest
        label="Claimant"
        value={filters.claimant}
        suggestions={claimants}
        placeholder="Anyone"
        onChange={(claimant) => onChange({ claimant })}
        testId="tag-filter-claimant"
      />
      <FilterSelect
        label="Status"
        value={filters.status}
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ status })}
        testId="tag-filter-status"
      />
    </div>
  );
}

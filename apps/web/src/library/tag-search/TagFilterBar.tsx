import { useId } from 'react';
import { LABEL_NAMES, LABELS, TAG_STATUSES, type Label, type TagStatus } from '@factcheck/core';
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

/** Words in the quote, label, reviewer, claimant and status: what tags across articles are searched by. */
export function TagFilterBar({ filters, onChange, reviewers, claimants }: TagFilterBarProps) {
  const reviewersId = useId();
  const claimantsId = useId();
  return (
    <div className="filter-bar filter-bar--tags" role="search" aria-label="Find tags">
      <label className="filter-bar__search">
        <span className="visually-hidden">Words in the tagged text</span>
        <input
          type="search"
          className="filter-bar__search-input"
          placeholder="Words in the tagged text…"
          value={filters.q}
          onChange={(event) => onChange({ q: event.target.value })}
          data-testid="tag-search"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label className="filter-bar__control">
        <span className="filter-bar__label">Label</span>
        <select
          className="filter-bar__select"
          value={filters.label}
          onChange={(event) => onChange({ label: event.target.value as Label | '' })}
          data-testid="tag-filter-label"
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
        <span className="filter-bar__label">Reviewer</span>
        <input
          className="filter-bar__text"
          value={filters.author}
          list={reviewersId}
          placeholder="Anyone"
          onChange={(event) => onChange({ author: event.target.value })}
          data-testid="tag-filter-reviewer"
        />
        <datalist id={reviewersId}>
          {reviewers.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <label className="filter-bar__control">
        <span className="filter-bar__label">Claimant</span>
        <input
          className="filter-bar__text"
          value={filters.claimant}
          list={claimantsId}
          placeholder="Anyone"
          onChange={(event) => onChange({ claimant: event.target.value })}
          data-testid="tag-filter-claimant"
        />
        <datalist id={claimantsId}>
          {claimants.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <label className="filter-bar__control">
        <span className="filter-bar__label">Status</span>
        <select
          className="filter-bar__select"
          value={filters.status}
          onChange={(event) => onChange({ status: event.target.value as TagStatus | '' })}
          data-testid="tag-filter-status"
        >
          <option value="">Any status</option>
          {TAG_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_NAMES[status]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

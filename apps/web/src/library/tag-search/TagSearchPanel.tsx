import { useMemo } from 'react';
import { tagSearchQuery, type TagFilters } from '../library-params.js';
import { TagFilterBar } from './TagFilterBar.js';
import { TagResultItem } from './TagResultItem.js';
import { useTagSearch } from './useTagSearch.js';

/** Props of the tag search. */
export interface TagSearchPanelProps {
  readonly filters: TagFilters;
  readonly onChange: (change: Partial<TagFilters>) => void;
}

/** Distinct non-empty values, sorted, for suggestions. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/**
 * Search across every article's tags by words in the quote, label, reviewer, claimant and status;
 * each result opens its article at the tag.
 */
export function TagSearchPanel({ filters, onChange }: TagSearchPanelProps) {
  const search = useTagSearch(tagSearchQuery(filters));
  const answer = search.data;
  const reviewers = useMemo(() => distinct(answer?.results.map((tag) => tag.author.name) ?? []), [answer]);
  const claimants = useMemo(() => distinct(answer?.results.map((tag) => tag.claimant) ?? []), [answer]);
  return (
    <section aria-label="Tags across articles" className="tag-search">
      <TagFilterBar filters={filters} onChange={onChange} reviewers={reviewers} claimants={claimants} />
      {search.error && (
        <div className="notice notice--error" role="alert">
          <p>Could not search the tags: {search.error}</p>
        </div>
      )}
      {answer === null && !search.error && (
        <p className="library__status" role="status">
          Searching tags…
        </p>
      )}
      {answer && (
        <p className="library__count" role="status" data-testid="tag-count" aria-busy={search.loading}>
          {answer.total === 0
            ? 'No tags match.'
            : answer.total > answer.results.length
              ? `Showing ${answer.results.length} of ${answer.total.toLocaleString('en')} tags: narrow the search to see the rest.`
              : `${answer.total} ${answer.total === 1 ? 'tag' : 'tags'}`}
        </p>
      )}
      {answer && answer.results.length > 0 && (
        <ul className={`tag-results${search.loading ? ' tag-results--stale' : ''}`} data-testid="tag-results">
          {answer.results.map((tag) => (
            <TagResultItem key={`${tag.articleId}/${tag.id}`} tag={tag} query={filters.q} />
          ))}
        </ul>
      )}
    </section>
  );
}

import { LABEL_NAMES, LABELS } from '@factcheck/core';
import type { ArticleSummaryJson, OutletCount } from '../api/articles-api.js';
import { LabelSwatch } from '../labels/LabelSwatch.js';
import { ArticleFilterBar } from './ArticleFilterBar.js';
import { ArticleRow } from './ArticleRow.js';
import type { ArticleFilters } from './library-params.js';
import type { ServerQueryState } from './useServerQuery.js';

/** Props of the article browser. */
export interface ArticleBrowserProps {
  readonly filters: ArticleFilters;
  readonly onChange: (change: Partial<ArticleFilters>) => void;
  readonly outlets: readonly OutletCount[];
  readonly list: ServerQueryState<ArticleSummaryJson[]>;
  readonly onToggleArchived: (article: ArticleSummaryJson) => void;
  readonly onDelete: (article: ArticleSummaryJson) => void;
  /** Whether this reviewer may archive and delete. */
  readonly canManage: boolean;
}

function isFiltered(filters: ArticleFilters): boolean {
  return Boolean(filters.q.trim() || filters.outlet || filters.label);
}

/** The article list with its search and filters, and what to say while loading or when nothing matches. */
export function ArticleBrowser({
  filters,
  onChange,
  outlets,
  list,
  onToggleArchived,
  onDelete,
  canManage,
}: ArticleBrowserProps) {
  const articles = list.data;
  const filtered = isFiltered(filters);
  return (
    <>
      <ArticleFilterBar filters={filters} outlets={outlets} onChange={onChange} />
      {list.error && (
        <div className="notice notice--error" role="alert">
          <p>Could not load the articles: {list.error}</p>
          <button type="button" className="button" onClick={list.reload}>
            Try again
          </button>
        </div>
      )}
      {articles === null && !list.error && (
        <p className="library__status" role="status">
          Loading articles…
        </p>
      )}
      {articles !== null && (
        <p className="library__count" role="status" data-testid="library-count" aria-busy={list.loading}>
          {articles.length === 0
            ? filtered
              ? 'No articles match.'
              : filters.archived
                ? 'Nothing archived.'
                : 'No articles yet.'
            : `${articles.length} ${articles.length === 1 ? 'article' : 'articles'}${filtered ? ' match' : ''}${filters.archived ? ' in the archive' : ''}`}
          {filtered && (
            <button
              type="button"
              className="link-button library__clear"
              onClick={() => onChange({ q: '', outlet: '', label: '' })}
            >
              Clear search
            </button>
          )}
        </p>
      )}
      {articles !== null && articles.length > 0 && (
        <div className={`article-list${list.loading ? ' article-list--stale' : ''}`}>
          <div className="article-list__head" aria-hidden="true">
            <span>Article</span>
            <span className="article-list__labels">
              {LABELS.map((label) => (
                <span key={label} title={LABEL_NAMES[label]}>
                  <LabelSwatch label={label} />
                </span>
              ))}
            </span>
            <span>Review</span>
          </div>
          <ul className="article-list__rows" data-testid="article-list">
            {articles.map((article) => (
              <ArticleRow
                key={article.id}
                article={article}
                onToggleArchived={onToggleArchived}
                onDelete={onDelete}
                query={filters.q}
                canManage={canManage}
              />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

import type { ArticleMeta } from '@factcheck/core';
import { byline, formatPublished, languageName, sourceHost } from './meta-format.js';

/** Props of the details line. */
export interface ArticleDetailsLineProps {
  readonly meta: ArticleMeta;
  /** Opens the form; null while the article cannot be edited (not synced yet). */
  readonly onEdit: (() => void) | null;
  readonly expanded: boolean;
}

/** The article's source under its title: outlet, byline, date, language and a link to the original. */
export function ArticleDetailsLine({ meta, onEdit, expanded }: ArticleDetailsLineProps) {
  const parts = [
    meta.outlet && (
      <span key="outlet" className="article-details__outlet" data-testid="meta-outlet">
        {meta.outlet}
      </span>
    ),
    meta.authors && (
      <span key="authors" data-testid="meta-authors">
        By {byline(meta.authors)}
      </span>
    ),
    meta.publishedAt && (
      <time key="date" dateTime={meta.publishedAt} data-testid="meta-published">
        {formatPublished(meta.publishedAt)}
      </time>
    ),
    meta.language && (
      <span key="language" data-testid="meta-language">
        {languageName(meta.language)}
      </span>
    ),
    meta.sourceUrl && (
      <a
        key="source"
        className="article-details__source"
        href={meta.sourceUrl}
        target="_blank"
        rel="noopener noreferrer nofollow"
        data-testid="meta-source"
      >
        {sourceHost(meta.sourceUrl)} <span aria-hidden="true">↗</span>
      </a>
    ),
  ].filter(Boolean);
  return (
    <div className="article-details" data-testid="article-details">
      {parts.length > 0 ? (
        <p className="article-details__line">
          {parts.map((part, index) => (
            <span key={index} className="article-details__part">
              {part}
            </span>
          ))}
        </p>
      ) : (
        <p className="article-details__line article-details__line--empty">No source details yet.</p>
      )}
      {onEdit && (
        <button
          type="button"
          className="link-button article-details__edit"
          onClick={onEdit}
          aria-expanded={expanded}
          data-testid="edit-details"
        >
          {parts.length > 0 ? 'Edit details' : 'Add source details'}
        </button>
      )}
    </div>
  );
}

import type { TagSearchResult } from '@factcheck/core';
import { truncateQuote } from '../../article/tags/tag-status.js';
import { LabelChip } from '../../labels/LabelChip.js';
import { Link } from '../../routing/Link.js';
import { articlePath, articleTagPath } from '../../routing/router.js';
import { highlightTerms } from '../highlight-terms.js';

/** Props of one tag result. */
export interface TagResultItemProps {
  readonly tag: TagSearchResult;
  /** The words searched in quotes, marked in this one. */
  readonly query: string;
}

/**
 * One tag found: its quote (searched words marked), label, status, article and who tagged it;
 * opens the article at the tag (a tag whose text is gone opens the article).
 */
export function TagResultItem({ tag, query }: TagResultItemProps) {
  const placed = tag.start !== null;
  return (
    <li className="tag-result">
      <Link
        href={placed ? articleTagPath(tag.articleId, tag.id) : articlePath(tag.articleId)}
        className="tag-result__link"
        data-testid="tag-result"
        data-tag-id={tag.id}
        data-article-id={tag.articleId}
      >
        <q className={`tag-result__quote tag-result__quote--${tag.label}`}>
          {highlightTerms(truncateQuote(tag.quote, 280), query).map((piece, index) =>
            piece.hit ? <mark key={index}>{piece.text}</mark> : piece.text,
          )}
        </q>
        <span className="tag-result__meta">
          <LabelChip label={tag.label} />
          {tag.status !== 'open' && (
            <span className={`review-badge review-badge--${tag.status}`}>
              {tag.status === 'resolved' ? 'Resolved' : 'Disputed'}
            </span>
          )}
          {tag.adjudicated && <span className="review-badge review-badge--decided">Decided</span>}
          {!placed && <span className="status-badge status-badge--orphaned">Text deleted</span>}
          <span className="tag-result__article">{tag.articleTitle || 'Untitled article'}</span>
          <span>
            {tag.adjudicated ? 'decided by' : 'tagged by'} {tag.author.name}
          </span>
          {tag.claimant && <span>claim by {tag.claimant}</span>}
        </span>
      </Link>
    </li>
  );
}

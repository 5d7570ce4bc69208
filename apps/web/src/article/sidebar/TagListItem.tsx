import { memo } from 'react';
import type { PlacedTag } from '@factcheck/editor';
import { LabelChip } from '../../labels/LabelChip.js';
import { TimeAgo } from '../../time/TimeAgo.js';
import { describeCommentCount } from '../tags/comment-counts.js';
import { ReviewBadges } from '../tags/ReviewBadges.js';
import { describeTagStatus, truncateQuote } from '../tags/tag-status.js';

/** Props of a tag in the list. */
export interface TagListItemProps {
  readonly tag: PlacedTag;
  readonly active: boolean;
  readonly now: number;
  /** Comments in the tag's discussion. */
  readonly comments: number;
  readonly onSelect: (tag: PlacedTag) => void;
  readonly onOpenDetails: (id: string) => void;
}

/**
 * One tag in the sidebar: label, review state, quoted text, author and time; clicking goes to it
 * in the article, and "Details" opens its discussion, evidence and history.
 */
export const TagListItem = memo(function TagListItem({
  tag,
  active,
  now,
  comments,
  onSelect,
  onOpenDetails,
}: TagListItemProps) {
  const { annotation } = tag;
  const status = describeTagStatus(tag.status);
  return (
    <li
      className={`tag-item tag-item--${annotation.label}${active ? ' tag-item--active' : ''}${annotation.adjudicated ? ' tag-item--decided' : ''}`}
      data-testid="tag-item"
      data-tag-id={annotation.id}
      data-label={annotation.label}
      data-status={tag.status}
    >
      <button
        type="button"
        className="tag-item__button"
        onClick={() => onSelect(tag)}
        aria-current={active || undefined}
      >
        <span className="tag-item__head">
          <LabelChip label={annotation.label} />
          <span className="tag-item__badges">
            <ReviewBadges annotation={annotation} />
            {status && (
              <span className={`status-badge status-badge--${tag.status}`} title={status.long}>
                {status.short}
              </span>
            )}
          </span>
        </span>
        <span className="tag-item__quote">“{truncateQuote(annotation.quote)}”</span>
        <span className="tag-item__meta">
          {annotation.author.name || 'Anonymous'} · <TimeAgo iso={annotation.createdAt} now={now} />
        </span>
      </button>
      <button
        type="button"
        className="link-button tag-item__details"
        data-testid="tag-item-details"
        title="Discussion, evidence, status and history"
        onClick={() => onOpenDetails(annotation.id)}
      >
        {comments > 0 ? describeCommentCount(comments) : 'Details'}
      </button>
    </li>
  );
});

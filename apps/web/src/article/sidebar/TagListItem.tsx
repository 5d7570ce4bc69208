import { memo, type Ref } from 'react';
import type { AnchorStatus, Annotation } from '@factcheck/core';
import { LabelChip } from '../../labels/LabelChip.js';
import { TimeAgo } from '../../time/TimeAgo.js';
import { describeCommentCount } from '../tags/comment-counts.js';
import { ReviewBadges } from '../tags/ReviewBadges.js';
import { describeTagStatus, truncateQuote } from '../tags/tag-status.js';

/** Props of a tag in the list. */
export interface TagListItemProps {
  /** The tag's annotation: the item renders again only when it, or the status, changes. */
  readonly annotation: Annotation;
  readonly status: AnchorStatus;
  /** Place in the list (from 0) and the list's length, for the virtual list and screen readers. */
  readonly index: number;
  readonly setSize: number;
  readonly active: boolean;
  readonly now: number;
  /** Comments in the tag's discussion. */
  readonly comments: number;
  readonly onSelect: (id: string) => void;
  readonly onOpenDetails: (id: string) => void;
  /** Lets the virtual list measure the item. */
  readonly measureRef?: Ref<HTMLLIElement>;
}

/**
 * One tag in the sidebar: label, review state, quoted text, author and time; clicking goes to it
 * in the article, and "Details" opens its discussion, evidence and history.
 */
export const TagListItem = memo(function TagListItem({
  annotation,
  status: anchorStatus,
  index,
  setSize,
  active,
  now,
  comments,
  onSelect,
  onOpenDetails,
  measureRef,
}: TagListItemProps) {
  const status = describeTagStatus(anchorStatus);
  return (
    <li
      ref={measureRef}
      className={`tag-item tag-item--${annotation.label}${active ? ' tag-item--active' : ''}${annotation.adjudicated ? ' tag-item--decided' : ''}`}
      data-testid="tag-item"
      data-tag-id={annotation.id}
      data-label={annotation.label}
      data-status={anchorStatus}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
    >
      <button
        type="button"
        className="tag-item__button"
        onClick={() => onSelect(annotation.id)}
        aria-current={active || undefined}
      >
        <span className="tag-item__head">
          <LabelChip label={annotation.label} />
          <span className="tag-item__badges">
            <ReviewBadges annotation={annotation} />
            {status && (
              <span className={`status-badge status-badge--${anchorStatus}`} title={status.long}>
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

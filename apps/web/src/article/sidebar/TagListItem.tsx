import { memo } from 'react';
import type { PlacedTag } from '@factcheck/editor';
import { LabelChip } from '../../labels/LabelChip.js';
import { TimeAgo } from '../../time/TimeAgo.js';
import { describeTagStatus, truncateQuote } from '../tags/tag-status.js';

/** Props of a tag in the list. */
export interface TagListItemProps {
  readonly tag: PlacedTag;
  readonly active: boolean;
  readonly now: number;
  readonly onSelect: (tag: PlacedTag) => void;
}

/** One tag in the sidebar: label, quoted text, author and time; clicking goes to it in the article. */
export const TagListItem = memo(function TagListItem({ tag, active, now, onSelect }: TagListItemProps) {
  const { annotation } = tag;
  const status = describeTagStatus(tag.status);
  return (
    <li
      className={`tag-item tag-item--${annotation.label}${active ? ' tag-item--active' : ''}`}
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
          {status && (
            <span className={`status-badge status-badge--${tag.status}`} title={status.long}>
              {status.short}
            </span>
          )}
        </span>
        <span className="tag-item__quote">“{truncateQuote(annotation.quote)}”</span>
        <span className="tag-item__meta">
          {annotation.author.name || 'Anonymous'} · <TimeAgo iso={annotation.createdAt} now={now} />
        </span>
      </button>
    </li>
  );
});

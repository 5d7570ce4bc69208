import { LABEL_NAMES, LABELS, type Label } from '@factcheck/core';
import type { PlacedTag } from '@factcheck/editor';
import { LabelSwatch } from '../../labels/LabelSwatch.js';
import { TimeAgo } from '../../time/TimeAgo.js';
import { describeCommentCount } from '../tags/comment-counts.js';
import { ReviewBadges } from '../tags/ReviewBadges.js';
import { describeTagStatus, truncateQuote } from '../tags/tag-status.js';

/** Label names short enough for the three-way switch. */
const SHORT_NAMES: Record<Label, string> = { allegation: 'Allegation', denial: 'Denial', rumour: 'Rumour' };

/** Props of one tag's details. */
export interface TagDetailsProps {
  readonly tag: PlacedTag;
  readonly now: number;
  /** Comments in the tag's discussion. */
  readonly comments: number;
  readonly onRelabel: (id: string, label: Label) => void;
  readonly onRemove: (id: string) => void;
  /** Opens the tag's full details (discussion, evidence, status, history) in the sidebar. */
  readonly onOpenDetails: (id: string) => void;
}

/**
 * One tag in the popover: label, review state, author, time, status, controls to relabel or
 * remove it, and a way into its full details.
 */
export function TagDetails({ tag, now, comments, onRelabel, onRemove, onOpenDetails }: TagDetailsProps) {
  const { annotation } = tag;
  const status = describeTagStatus(tag.status);
  return (
    <li className="tag-details" data-tag-id={annotation.id} data-label={annotation.label}>
      <div className="tag-details__head">
        <span className={`label-chip label-chip--${annotation.label}`}>
          <LabelSwatch label={annotation.label} />
          {LABEL_NAMES[annotation.label]}
        </span>
        <span className="tag-details__badges">
          <ReviewBadges annotation={annotation} />
          {status && (
            <span className={`status-badge status-badge--${tag.status}`} title={status.long}>
              {status.short}
            </span>
          )}
        </span>
      </div>
      <blockquote className="tag-details__quote">“{truncateQuote(annotation.quote, 220)}”</blockquote>
      <p className="tag-details__meta">
        <span className="tag-details__author">{annotation.author.name || 'Anonymous'}</span>
        {' · '}
        <TimeAgo iso={annotation.createdAt} now={now} />
        {annotation.updatedAt !== annotation.createdAt && (
          <>
            {' · edited '}
            <TimeAgo iso={annotation.updatedAt} now={now} />
          </>
        )}
      </p>
      {(annotation.claimant || annotation.subject) && (
        <p className="tag-details__claim">
          {annotation.claimant && (
            <>
              Claimed by <strong>{annotation.claimant}</strong>
            </>
          )}
          {annotation.claimant && annotation.subject && ' · '}
          {annotation.subject && (
            <>
              About <strong>{annotation.subject}</strong>
            </>
          )}
        </p>
      )}
      <div className="tag-details__actions">
        <div className="segmented" role="group" aria-label="Change label">
          {LABELS.map((label) => (
            <button
              key={label}
              type="button"
              className={`segmented__option segmented__option--${label}`}
              aria-pressed={annotation.label === label}
              data-testid={`relabel-${label}`}
              aria-label={LABEL_NAMES[label]}
              onClick={() => annotation.label !== label && onRelabel(annotation.id, label)}
            >
              <LabelSwatch label={label} />
              {SHORT_NAMES[label]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--danger button--small"
          data-testid="remove-tag"
          onClick={() => onRemove(annotation.id)}
          aria-label={`Remove the ${LABEL_NAMES[annotation.label]} tag by ${annotation.author.name || 'Anonymous'}`}
        >
          Remove
        </button>
      </div>
      <button
        type="button"
        className="tag-details__open"
        data-testid="open-details"
        onClick={() => onOpenDetails(annotation.id)}
      >
        <span>Discussion, evidence and history</span>
        <span className="tag-details__open-count">
          {comments > 0 ? describeCommentCount(comments) : 'Open'} <span aria-hidden="true">→</span>
        </span>
      </button>
    </li>
  );
}

import { useState } from 'react';
import type { PlacedTag } from '@factcheck/editor';
import { truncateQuote } from '../tags/tag-status.js';

const FIRST_SHOWN = 4;

/** Props of the unanswered allegations banner. */
export interface UnansweredBannerProps {
  /** Allegations no denial responds to, in text order. */
  readonly allegations: readonly PlacedTag[];
  readonly onSelect: (tag: PlacedTag) => void;
  readonly onOpenDetails: (id: string) => void;
}

/** A note listing allegations that no denial answers yet, each linking to its text. */
export function UnansweredBanner({ allegations, onSelect, onOpenDetails }: UnansweredBannerProps) {
  const [showAll, setShowAll] = useState(false);
  if (allegations.length === 0) return null;
  const shown = showAll ? allegations : allegations.slice(0, FIRST_SHOWN);
  const count = allegations.length;
  return (
    <div className="review-banner" role="note" data-testid="unanswered-allegations" data-count={count}>
      <p className="review-banner__title">
        {count === 1 ? '1 allegation has' : `${count} allegations have`} no answering denial
      </p>
      <p className="review-banner__hint">Link a denial to what it answers from the denial’s details.</p>
      <ul className="review-banner__list">
        {shown.map((tag) => (
          <li key={tag.annotation.id} className="review-banner__item">
            <button
              type="button"
              className="link-button review-banner__quote"
              data-testid="unanswered-allegation"
              data-tag-id={tag.annotation.id}
              title="Select it in the article"
              onClick={() => onSelect(tag)}
            >
              “{truncateQuote(tag.annotation.quote, 80)}”
            </button>
            <button
              type="button"
              className="link-button review-banner__details"
              onClick={() => onOpenDetails(tag.annotation.id)}
            >
              Details
            </button>
          </li>
        ))}
      </ul>
      {count > FIRST_SHOWN && (
        <button type="button" className="link-button" onClick={() => setShowAll((current) => !current)}>
          {showAll ? 'Show fewer' : `Show all ${count}`}
        </button>
      )}
    </div>
  );
}

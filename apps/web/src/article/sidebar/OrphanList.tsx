import { useState } from 'react';
import type { PlacedTag } from '@factcheck/editor';
import { LabelChip } from '../../labels/LabelChip.js';
import { TimeAgo } from '../../time/TimeAgo.js';
import { truncateQuote } from '../tags/tag-status.js';

/** Props of the orphan list. */
export interface OrphanListProps {
  readonly orphans: readonly PlacedTag[];
  readonly now: number;
  readonly onRemove: (id: string) => void;
}

/**
 * Orphans listed before "Show all": deleting a long passage can orphan thousands of tags, and
 * rendering them all at once would stall the page.
 */
export const ORPHANS_SHOWN_FIRST = 50;

/** Tags whose text was deleted: listed apart (never drawn on other text) so they can be reviewed or removed. */
export function OrphanList({ orphans, now, onRemove }: OrphanListProps) {
  const [showAll, setShowAll] = useState(false);
  if (orphans.length === 0) return null;
  const shown = showAll ? orphans : orphans.slice(0, ORPHANS_SHOWN_FIRST);
  return (
    <section className="sidebar__section orphans" aria-labelledby="orphans-heading">
      <h3 className="sidebar__heading" id="orphans-heading">
        Orphaned tags <span className="sidebar__count">{orphans.length}</span>
      </h3>
      <p className="orphans__explanation">
        The text these tags covered was deleted, so they no longer point anywhere in the article. Undoing the
        deletion brings them back; otherwise remove them.
      </p>
      <ul className="orphans__list" data-testid="orphan-list">
        {shown.map(({ annotation }) => (
          <li
            key={annotation.id}
            className="orphan-item"
            data-testid="orphan-item"
            data-tag-id={annotation.id}
          >
            <div className="orphan-item__body">
              <LabelChip label={annotation.label} />
              <span className="orphan-item__quote">“{truncateQuote(annotation.quote)}”</span>
              <span className="orphan-item__meta">
                {annotation.author.name || 'Anonymous'} · <TimeAgo iso={annotation.createdAt} now={now} />
              </span>
            </div>
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => onRemove(annotation.id)}
              aria-label={`Remove the orphaned tag “${truncateQuote(annotation.quote, 40)}”`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {shown.length < orphans.length && (
        <button
          type="button"
          className="button button--small orphans__show-all"
          data-testid="orphans-show-all"
          onClick={() => setShowAll(true)}
        >
          Show all {orphans.length} orphaned tags
        </button>
      )}
    </section>
  );
}

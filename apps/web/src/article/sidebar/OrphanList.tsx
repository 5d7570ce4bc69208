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

/** Tags whose text was deleted: listed apart (never drawn on other text) so they can be reviewed or removed. */
export function OrphanList({ orphans, now, onRemove }: OrphanListProps) {
  if (orphans.length === 0) return null;
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
        {orphans.map(({ annotation }) => (
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
    </section>
  );
}

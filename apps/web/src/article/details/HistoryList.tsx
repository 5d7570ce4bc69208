import { useState } from 'react';
import type { HistoryEntry } from '@factcheck/core';
import { TimeAgo } from '../../time/TimeAgo.js';
import { describeHistoryEntry } from './history-text.js';

/** How many changes show before "Show all". */
const FIRST_SHOWN = 6;

/** Props of a tag's history. */
export interface HistoryListProps {
  readonly history: readonly HistoryEntry[];
  readonly adjudicated: boolean;
  readonly now: number;
  readonly quoteOf: (id: string) => string | null;
}

/** Every change to a tag, newest first: who, what, when. */
export function HistoryList({ history, adjudicated, now, quoteOf }: HistoryListProps) {
  const [showAll, setShowAll] = useState(false);
  const newestFirst = [...history].reverse();
  const shown = showAll ? newestFirst : newestFirst.slice(0, FIRST_SHOWN);
  if (history.length === 0) return <p className="details-empty">No changes recorded.</p>;
  return (
    <>
      <ol className="history" reversed>
        {shown.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="history__entry" data-testid="history-entry">
            <span className="history__text">
              <span className="history__who">{entry.by?.name || (entry.by ? 'Anonymous' : 'Someone')}</span>{' '}
              {describeHistoryEntry(entry, quoteOf, adjudicated)}
            </span>
            <span className="history__when">
              <TimeAgo iso={entry.at} now={now} />
            </span>
          </li>
        ))}
      </ol>
      {newestFirst.length > FIRST_SHOWN && (
        <button type="button" className="link-button" onClick={() => setShowAll((current) => !current)}>
          {showAll ? 'Show fewer' : `Show all ${newestFirst.length} changes`}
        </button>
      )}
    </>
  );
}

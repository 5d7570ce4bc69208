import * as Y from 'yjs';
import type { Reviewer } from '../annotation.js';

/** Key of the nested Y.Array in an annotation's Y.Map holding its history. */
export const HISTORY_KEY = 'history';

/** What changed on a tag. */
export type HistoryAction =
  | 'created'
  | 'label'
  | 'span'
  | 'status'
  | 'claimant'
  | 'subject'
  | 'thread'
  | 'evidence'
  | 'link'
  | 'adjudication';

/** One change to a tag: who, when, what. */
export interface HistoryEntry {
  readonly at: string;
  /** Null when the change came from no known reviewer (an import, a migration). */
  readonly by: Reviewer | null;
  readonly action: HistoryAction;
  /** Short human-readable description, e.g. "allegation → denial". */
  readonly detail: string;
}

/** The history array of an annotation entry, created on first use (call inside a transaction). */
function historyOf(entry: Y.Map<unknown>): Y.Array<HistoryEntry> {
  let history = entry.get(HISTORY_KEY);
  if (!(history instanceof Y.Array)) {
    history = new Y.Array<HistoryEntry>();
    entry.set(HISTORY_KEY, history);
  }
  return history as Y.Array<HistoryEntry>;
}

/** Appends a change to an annotation's history. */
export function appendHistory(entry: Y.Map<unknown>, change: HistoryEntry): void {
  historyOf(entry).push([{ ...change, detail: change.detail.slice(0, 500) }]);
}

/** The history of an annotation entry, oldest first, skipping malformed entries. */
export function readHistory(entry: Y.Map<unknown>): HistoryEntry[] {
  const history = entry.get(HISTORY_KEY);
  if (!(history instanceof Y.Array)) return [];
  return history
    .toArray()
    .filter(
      (item): item is HistoryEntry =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as HistoryEntry).at === 'string' &&
        typeof (item as HistoryEntry).action === 'string' &&
        typeof (item as HistoryEntry).detail === 'string',
    );
}

import * as Y from 'yjs';
import { getAdjudicationsMap, getAnnotationsMap, getContent, getMeta } from '@factcheck/core';

/** What two replicas of an article must agree on: which changes they hold and what they read as. */
export interface DocumentSnapshot {
  /** Highest clock seen per Yjs client id. */
  readonly stateVector: Record<string, number>;
  /** The article as XML (text, marks, blocks). */
  readonly content: string;
  readonly meta: unknown;
  readonly annotations: unknown;
  readonly adjudications: unknown;
}

/** The value with object keys sorted at every level (Y.Map keys come in integration order). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortedKeys(inner)]));
}

/** A comparable snapshot of an article document (compare two with `toEqual` or as JSON). */
export function documentSnapshot(doc: Y.Doc): DocumentSnapshot {
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  return {
    stateVector: Object.fromEntries([...vector.entries()].sort(([a], [b]) => a - b).map(([k, v]) => [k, v])),
    content: getContent(doc).toString(),
    meta: sortedKeys(getMeta(doc).toJSON()),
    annotations: sortedKeys(getAnnotationsMap(doc).toJSON()),
    adjudications: sortedKeys(getAdjudicationsMap(doc).toJSON()),
  };
}

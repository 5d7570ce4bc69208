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

/** A comparable snapshot of an article document (compare two with `toEqual`). */
export function documentSnapshot(doc: Y.Doc): DocumentSnapshot {
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  return {
    stateVector: Object.fromEntries([...vector.entries()].sort(([a], [b]) => a - b).map(([k, v]) => [k, v])),
    content: getContent(doc).toString(),
    meta: getMeta(doc).toJSON(),
    annotations: getAnnotationsMap(doc).toJSON(),
    adjudications: getAdjudicationsMap(doc).toJSON(),
  };
}

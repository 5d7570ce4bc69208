import * as Y from 'yjs';
import { getAnnotationsMap, getMeta } from '../document-layout.js';

/**
 * Blind review as the shared document records it. While an article is blind, each reviewer works
 * in a copy of their own (a fork) that holds only their tags; the article's own document keeps
 * the state from before, and on reveal each reviewer's tags are merged back into it.
 */

/** `meta` key: the running blind review session id, or absent when the article is not blind. */
export const BLIND_REVIEW_KEY = 'blindReview';
/** `meta` key: Yjs client ids that wrote fork markers; a client whose copy has them holds a fork. */
export const BLIND_FORKS_KEY = 'blindForks';
/** `meta` key in a fork only: the reviewer whose fork it is. */
export const BLIND_FORK_OWNER_KEY = 'blindForkOwner';

/** Whether a document is in blind review, and which session. */
export interface BlindReviewState {
  readonly blind: boolean;
  /** Id of the running session (forks are named after it); null when not blind. */
  readonly session: string | null;
  /** Whose fork this document is; null for the article's own document. */
  readonly forkOwner: string | null;
}

/** Reads the blind review state of an article document or of a fork. */
export function readBlindReview(doc: Y.Doc): BlindReviewState {
  const meta = getMeta(doc);
  const session = meta.get(BLIND_REVIEW_KEY);
  const owner = meta.get(BLIND_FORK_OWNER_KEY);
  return {
    blind: typeof session === 'string' && session.length > 0,
    session: typeof session === 'string' && session.length > 0 ? session : null,
    forkOwner: typeof owner === 'string' ? owner : null,
  };
}

/** Client ids of fork markers recorded in an article document. */
export function readBlindForkClients(doc: Y.Doc): number[] {
  const value = getMeta(doc).get(BLIND_FORKS_KEY);
  return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];
}

function authorIdOf(record: Y.Map<unknown>): string | null {
  const author = record.get('author') as { id?: unknown } | undefined;
  return typeof author?.id === 'string' ? author.id : null;
}

/**
 * Turns a full copy of the article into a reviewer's fork: marks it with the fork's own client
 * (so a copy that synced it can be told apart later), and removes every tag and decision that is
 * not the reviewer's own. Run in a transaction of the fork document.
 */
export function makeReviewerFork(fork: Y.Doc, reviewerId: string): void {
  getMeta(fork).set(BLIND_FORK_OWNER_KEY, reviewerId);
  const annotations = getAnnotationsMap(fork);
  for (const [id, record] of [...annotations.entries()]) {
    if (!(record instanceof Y.Map) || authorIdOf(record) !== reviewerId) annotations.delete(id);
  }
  const decisions = fork.getMap('adjudications');
  for (const id of [...decisions.keys()]) decisions.delete(id);
}

/**
 * Merges a reviewer's fork back into the article: their tags as the fork has them (added,
 * changed), and their tags the fork no longer has removed. Others' tags are left alone. Returns
 * the number of tags written or removed. Run in a transaction of the article document.
 */
export function mergeReviewerFork(article: Y.Doc, fork: Y.Doc, reviewerId: string): number {
  const target = getAnnotationsMap(article);
  const source = getAnnotationsMap(fork);
  let changed = 0;
  for (const [id, record] of source.entries()) {
    if (!(record instanceof Y.Map) || authorIdOf(record) !== reviewerId) continue;
    const current = target.get(id);
    if (current instanceof Y.Map && JSON.stringify(current.toJSON()) === JSON.stringify(record.toJSON()))
      continue;
    target.set(id, record.clone());
    changed += 1;
  }
  for (const [id, record] of [...target.entries()]) {
    if (record instanceof Y.Map && authorIdOf(record) === reviewerId && !source.has(id)) {
      target.delete(id);
      changed += 1;
    }
  }
  return changed;
}

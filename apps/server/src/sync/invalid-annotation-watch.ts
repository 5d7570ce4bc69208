import * as Y from 'yjs';
import { getAnnotationsMap, parseAnnotation } from '@factcheck/core';
import type { ServerLogger } from '../logger.js';
import type { SharedDocument } from './shared-document.js';

/**
 * Logs annotation entries that fail validation (they are skipped in summaries and by clients):
 * all of them when a document loads, then each changed entry, once per entry and reason.
 * Returns a function that stops watching.
 */
export function watchInvalidAnnotations(document: SharedDocument, log: ServerLogger): () => void {
  const map = getAnnotationsMap(document.doc);
  const reported = new Map<string, string>();

  const check = (ids: Iterable<string>, conn: string | null): void => {
    for (const id of ids) {
      const value = map.get(id);
      if (value === undefined) {
        reported.delete(id);
        continue;
      }
      const result = parseAnnotation(id, value);
      if (result.ok) {
        reported.delete(id);
      } else if (reported.get(id) !== result.error) {
        reported.set(id, result.error);
        log.warn({ annotation: id, reason: result.error, conn }, 'invalid annotation skipped');
      }
    }
  };

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    // An observer that throws would make the update look malformed to the sender; never let it.
    try {
      const ids = new Set<string>();
      for (const event of events) {
        if (event.target === map) {
          for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key);
        } else if (typeof event.path[0] === 'string') {
          ids.add(event.path[0]);
        }
      }
      check(ids, document.peerOf(transaction.origin)?.id ?? null);
    } catch (error) {
      log.error({ err: error }, 'failed to check annotations');
    }
  };

  check(map.keys(), null);
  map.observeDeep(observer);
  return () => map.unobserveDeep(observer);
}

import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getAdjudicationsMap, getAnnotationsMap } from '@factcheck/core';

/** Calls `onChange` after every change to the article's tags (thread, evidence, history…) or decisions. */
export function observeTagsAndDecisions(ydoc: Y.Doc, onChange: () => void): () => void {
  const annotations = getAnnotationsMap(ydoc);
  const adjudications = getAdjudicationsMap(ydoc);
  annotations.observeDeep(onChange);
  adjudications.observeDeep(onChange);
  return () => {
    annotations.unobserveDeep(onChange);
    adjudications.unobserveDeep(onChange);
  };
}

/**
 * A value read from the shared document, read again after each change to the tags or decisions.
 * `read` should be stable (a module function or a memoised callback): a new one reads again.
 */
export function useSharedValue<T>(ydoc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const version = useRef(0);
  const cache = useRef<{ version: number; doc: Y.Doc; read: (doc: Y.Doc) => T; value: T } | null>(null);
  const subscribe = useCallback(
    (onStoreChange: () => void) =>
      observeTagsAndDecisions(ydoc, () => {
        version.current += 1;
        onStoreChange();
      }),
    [ydoc],
  );
  const getSnapshot = () => {
    const cached = cache.current;
    if (cached && cached.version === version.current && cached.doc === ydoc && cached.read === read) {
      return cached.value;
    }
    const value = read(ydoc);
    cache.current = { version: version.current, doc: ydoc, read, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getMeta, readBlindReview, type BlindReviewState } from '@factcheck/core';

/** Whether the article is in blind review, read live from its metadata. */
export function useBlindReview(ydoc: Y.Doc): BlindReviewState {
  const cache = useRef<BlindReviewState | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const meta = getMeta(ydoc);
      const observer = () => {
        cache.current = null;
        onChange();
      };
      meta.observe(observer);
      return () => meta.unobserve(observer);
    },
    [ydoc],
  );
  const snapshot = useCallback(() => {
    const next = readBlindReview(ydoc);
    const previous = cache.current;
    if (previous && previous.blind === next.blind && previous.session === next.session) return previous;
    cache.current = next;
    return next;
  }, [ydoc]);
  return useSyncExternalStore(subscribe, snapshot);
}

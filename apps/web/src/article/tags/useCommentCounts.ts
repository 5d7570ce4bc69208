import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { getAnnotationsMap, THREAD_KEY } from '@factcheck/core';
import { countComments, sameCommentCounts } from './comment-counts.js';

/** Whether changes to the annotations map can change comment counts: a tag added or removed, or a thread. */
function touchesThreads(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  annotations: Y.Map<Y.Map<unknown>>,
): boolean {
  return events.some(
    (event) =>
      event.target === annotations ||
      event.path[1] === THREAD_KEY ||
      (event instanceof Y.YMapEvent && event.keysChanged.has(THREAD_KEY)),
  );
}

/**
 * Comments per tag id, live. Counted again only when a thread changes or tags come and go: quotes
 * refreshed as a colleague types change tags several times a second, and counting reads every tag.
 */
export function useCommentCounts(ydoc: Y.Doc): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState(() => ({ doc: ydoc, value: countComments(ydoc) }));
  useEffect(() => {
    const annotations = getAnnotationsMap(ydoc);
    let shown = countComments(ydoc);
    setCounts({ doc: ydoc, value: shown });
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (!touchesThreads(events, annotations)) return;
      const next = countComments(ydoc);
      if (sameCommentCounts(shown, next)) return;
      shown = next;
      setCounts({ doc: ydoc, value: next });
    };
    annotations.observeDeep(onChange);
    return () => annotations.unobserveDeep(onChange);
  }, [ydoc]);
  return counts.doc === ydoc ? counts.value : countComments(ydoc);
}

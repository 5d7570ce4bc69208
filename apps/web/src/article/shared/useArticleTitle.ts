import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getMeta, getTitle, META_ORIGIN } from '@factcheck/core';

/** The article title from the shared `meta` map, live, and a setter that shares a new title. */
export function useArticleTitle(ydoc: Y.Doc | null): readonly [string, (title: string) => void] {
  const [title, setTitle] = useState(() => (ydoc ? getTitle(ydoc) : ''));

  useEffect(() => {
    if (!ydoc) return;
    const meta = getMeta(ydoc);
    const update = () => setTitle(getTitle(ydoc));
    update();
    meta.observe(update);
    return () => meta.unobserve(update);
  }, [ydoc]);

  const saveTitle = useCallback(
    (next: string) => {
      const cleaned = next.replace(/\s+/gu, ' ').trim();
      if (!ydoc || !cleaned || cleaned === getTitle(ydoc)) return;
      ydoc.transact(() => {
        const meta = getMeta(ydoc);
        meta.set('title', cleaned);
        meta.set('titleDerived', false);
      }, META_ORIGIN);
    },
    [ydoc],
  );

  return [title, saveTitle] as const;
}

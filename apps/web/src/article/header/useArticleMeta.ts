import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  ARTICLE_META_FIELDS,
  getMeta,
  META_ORIGIN,
  readArticleMeta,
  type ArticleMeta,
} from '@factcheck/core';

const EMPTY_META: ArticleMeta = readArticleMetaOf(null);

function readArticleMetaOf(ydoc: Y.Doc | null): ArticleMeta {
  if (ydoc) return readArticleMeta(ydoc);
  return Object.fromEntries(ARTICLE_META_FIELDS.map((field) => [field, ''])) as ArticleMeta;
}

/** Whether two metadata records hold the same values. */
function sameMeta(a: ArticleMeta, b: ArticleMeta): boolean {
  return ARTICLE_META_FIELDS.every((field) => a[field] === b[field]);
}

/**
 * Writes the fields that differ between `before` and `after` into the shared `meta` map, in one
 * transaction with the metadata origin (so the editor's undo takes it back). Fields a colleague
 * changed meanwhile but this reviewer did not touch are left alone. Returns how many changed.
 */
export function saveArticleMeta(ydoc: Y.Doc, before: ArticleMeta, after: ArticleMeta): number {
  const changed = ARTICLE_META_FIELDS.filter((field) => before[field] !== after[field]);
  if (changed.length === 0) return 0;
  ydoc.transact(() => {
    const meta = getMeta(ydoc);
    for (const field of changed) {
      if (after[field]) meta.set(field, after[field]);
      else meta.delete(field);
    }
    if (changed.includes('title')) meta.set('titleDerived', false);
  }, META_ORIGIN);
  return changed.length;
}

/** The article's metadata from the shared document, live as any reviewer changes it, and a saver. */
export function useArticleMeta(
  ydoc: Y.Doc | null,
): readonly [ArticleMeta, (before: ArticleMeta, after: ArticleMeta) => number] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!ydoc) return () => undefined;
      const meta = getMeta(ydoc);
      meta.observe(onChange);
      return () => meta.unobserve(onChange);
    },
    [ydoc],
  );
  // The same object while nothing changed, as useSyncExternalStore requires.
  const cached = useRef<ArticleMeta>(EMPTY_META);
  const getSnapshot = () => {
    const next = readArticleMetaOf(ydoc);
    if (!sameMeta(next, cached.current)) cached.current = next;
    return cached.current;
  };
  const meta = useSyncExternalStore(subscribe, getSnapshot);
  const save = useCallback(
    (before: ArticleMeta, after: ArticleMeta) => (ydoc ? saveArticleMeta(ydoc, before, after) : 0),
    [ydoc],
  );
  return [meta, save] as const;
}

import { useCallback, useMemo, useState } from 'react';
import { LABELS, type Label } from '@factcheck/core';
import type { TagFilter } from '@factcheck/editor';

/** The sidebar's filter: which labels are shown and whose tags (null for everyone). */
export interface TagFilterControls {
  readonly filter: TagFilter;
  readonly authorId: string | null;
  readonly toggleLabel: (label: Label) => void;
  readonly setAuthorId: (authorId: string | null) => void;
}

/** Holds the tag filter as React state, rebuilt as one stable TagFilter object per change. */
export function useTagFilter(): TagFilterControls {
  const [labels, setLabels] = useState<ReadonlySet<Label>>(() => new Set(LABELS));
  const [authorId, setAuthorId] = useState<string | null>(null);
  const toggleLabel = useCallback((label: Label) => {
    setLabels((current) => {
      const next = new Set(current);
      if (next.has(label)) next.delete(label);
      else next.add(label);
      return next;
    });
  }, []);
  const filter = useMemo<TagFilter>(
    () => ({ labels, authors: authorId === null ? null : new Set([authorId]) }),
    [labels, authorId],
  );
  return useMemo(() => ({ filter, authorId, toggleLabel, setAuthorId }), [filter, authorId, toggleLabel]);
}

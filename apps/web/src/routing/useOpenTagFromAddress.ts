import { useEffect, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { PlacedTag } from '@factcheck/editor';
import { goToTag } from '../article/tags/tag-view-actions.js';
import { tagInAddress } from './router.js';

/**
 * Opens the article at the tag named in the address (`?tag=<id>`, from a tag search result) once
 * that tag is placed: its text is selected, scrolled into view and outlined, as a click on it in the
 * sidebar does. Only once per page: later changes to the tags do not move the reader again.
 */
export function useOpenTagFromAddress(view: EditorView | null, tags: readonly PlacedTag[]): void {
  const wanted = useRef(tagInAddress());
  useEffect(() => {
    const id = wanted.current;
    if (!id || !view || view.isDestroyed) return;
    const tag = tags.find((candidate) => candidate.annotation.id === id);
    if (!tag || tag.from === null) return;
    wanted.current = null;
    goToTag(view, tag);
  }, [view, tags]);
}

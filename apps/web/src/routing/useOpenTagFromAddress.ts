import { useEffect, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { PlacedTag } from '@factcheck/editor';
import { goToTag } from '../article/tags/tag-view-actions.js';
import { tagInAddress } from './router.js';

/** Brings the text at a document position to the middle of the screen, so its context shows too. */
function centreOn(view: EditorView, pos: number): void {
  if (view.isDestroyed) return;
  const { node } = view.domAtPos(pos);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center' });
}

/**
 * Opens the article at the tag named in the address (`?tag=<id>`, from a tag search result) once
 * that tag is placed: its text is selected and outlined, as a click on it in the sidebar does, and
 * scrolled to the middle of the screen. Only once per page: later changes do not move the reader.
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
    const from = tag.from;
    // After the page has laid out the sidebar and the highlights.
    requestAnimationFrame(() => centreOn(view, from));
  }, [view, tags]);
}

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { EditorState, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Reviewer } from '@factcheck/core';
import { createArticleEditorState } from '@factcheck/editor';

/** What the article editor needs from the page. Callbacks may change between renders. */
export interface ArticleEditorOptions {
  readonly ydoc: Y.Doc;
  readonly awareness: Awareness;
  readonly reviewer: Reviewer;
  readonly onTagsClicked: (ids: string[], view: EditorView, event: MouseEvent) => void;
  readonly onTagged: (id: string) => void;
  /** Whether this reviewer may tag (a viewer may not). */
  readonly canTag: boolean;
  /** Whether the text may not be edited now (role, or blind review). */
  readonly textLocked: boolean;
}

/** The live editor: the view once mounted, and its latest state (a new one re-renders the page). */
export interface ArticleEditor {
  readonly mountRef: RefObject<HTMLDivElement | null>;
  readonly view: EditorView | null;
  readonly state: EditorState | null;
}

/**
 * Creates the ProseMirror view bound to the shared document inside `mountRef`, and destroys it on
 * unmount. Each transaction updates the view first and then the React state, so toolbar and
 * sidebar follow without slowing typing down.
 */
export function useArticleEditor(options: ArticleEditorOptions): ArticleEditor {
  const mountRef = useRef<HTMLDivElement | null>(null);
  const latest = useRef(options);
  const [view, setView] = useState<EditorView | null>(null);
  const [state, setState] = useState<EditorState | null>(null);
  const { ydoc, awareness } = options;

  useLayoutEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const editorView = new EditorView(mount, {
      state: createArticleEditorState({
        ydoc,
        awareness,
        reviewer: () => latest.current.reviewer,
        onTagged: (id) => latest.current.onTagged(id),
        onTagsClicked: (ids, clickedView, event) => latest.current.onTagsClicked(ids, clickedView, event),
        reviewMode: true,
        canTag: () => latest.current.canTag,
        textLocked: () => latest.current.textLocked,
      }),
      attributes: {
        class: 'article-body',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Article text',
        spellcheck: 'false',
      },
      // Leave room for the sticky toolbar when scrolling a selection into view.
      scrollMargin: { top: 140, bottom: 48, left: 8, right: 8 },
      scrollThreshold: { top: 140, bottom: 48, left: 8, right: 8 },
      dispatchTransaction(this: EditorView, tr: Transaction) {
        // y-prosemirror batches some dispatches in a timeout that can fire after destroy().
        if (this.isDestroyed) return;
        const next = this.state.apply(tr);
        this.updateState(next);
        setState(next);
      },
    });
    setView(editorView);
    setState(editorView.state);
    return () => {
      editorView.destroy();
      setView(null);
      setState(null);
    };
  }, [ydoc, awareness]);

  return { mountRef, view, state };
}

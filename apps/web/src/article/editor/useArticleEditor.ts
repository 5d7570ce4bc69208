import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { EditorState, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Reviewer } from '@factcheck/core';
import { createArticleEditorState } from '@factcheck/editor';
import { hideEditableFromReact } from './hide-editable-from-react.js';
import { pageChange } from './page-relevant-change.js';

/**
 * Changes to the tag list alone while the text is being edited (typing refreshes the quotes of
 * the tags it touches) reach the page once edits pause this long, or after `TAG_LIST_MAX_WAIT_MS`
 * of changes without a pause. Other changes to the list reach it at once.
 */
const TAG_LIST_QUIET_MS = 300;
const TAG_LIST_MAX_WAIT_MS = 2_000;

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

/** The live editor: the view once mounted, and its state as the page last rendered it. */
export interface ArticleEditor {
  readonly mountRef: RefObject<HTMLDivElement | null>;
  readonly view: EditorView | null;
  /**
   * The state as of the last change the page shows (`pageChange`): render from it, but act on
   * `view.state`, which typing since may have moved on.
   */
  readonly state: EditorState | null;
}

/**
 * Creates the ProseMirror view bound to the shared document inside `mountRef`, and destroys it on
 * unmount. Each transaction updates the view first; the React state follows only when the page
 * would show something new, and for changes to the tag list alone during edits once the edits
 * pause, so typing (which refreshes the quotes of the tags it touches) and a colleague's typing do
 * not render the page on every keystroke.
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
    /** The state the page was last given. */
    let rendered: EditorState | null = null;
    let tagListTimer: number | null = null;
    /** When the first tag list change not rendered yet came. */
    let tagListSince: number | null = null;
    let lastEditAt = -Infinity;
    const render = (next: EditorState) => {
      if (tagListTimer !== null) window.clearTimeout(tagListTimer);
      tagListTimer = null;
      tagListSince = null;
      rendered = next;
      setState(next);
    };
    const renderTagListSoon = () => {
      const now = performance.now();
      tagListSince ??= now;
      if (tagListTimer !== null) window.clearTimeout(tagListTimer);
      const wait = Math.min(TAG_LIST_QUIET_MS, tagListSince + TAG_LIST_MAX_WAIT_MS - now);
      tagListTimer = window.setTimeout(() => render(editorView.state), Math.max(0, wait));
    };
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
        if (tr.docChanged) lastEditAt = performance.now();
        const change = pageChange(rendered, next);
        const editing = performance.now() - lastEditAt < TAG_LIST_QUIET_MS;
        if (change === 'editor' || (change === 'tags' && !editing)) render(next);
        else if (change === 'tags') renderTagListSoon();
      },
    });
    hideEditableFromReact(editorView.dom);
    rendered = editorView.state;
    setView(editorView);
    setState(editorView.state);
    return () => {
      if (tagListTimer !== null) window.clearTimeout(tagListTimer);
      editorView.destroy();
      setView(null);
      setState(null);
    };
  }, [ydoc, awareness]);

  return { mountRef, view, state };
}

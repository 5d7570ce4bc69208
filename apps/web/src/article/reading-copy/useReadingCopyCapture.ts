import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import { captureReadingCopy } from './reading-copy-tree.js';
import { saveReadingCopy } from './reading-copy-store.js';

/** Quiet time after the last change before the reading copy is taken again (ms). */
const QUIET_MS = 3_000;
/** Longest wait for an idle moment once a copy is due (ms). */
const IDLE_TIMEOUT_MS = 2_000;

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

/**
 * Keeps the reviewer's reading copy of the article up to date: taken from the editor once it is
 * drawn and the page is idle, again once changes have paused, and when the page is hidden or left.
 */
export function useReadingCopyCapture(
  view: EditorView | null,
  ydoc: Y.Doc,
  reviewerId: string,
  articleId: string,
): void {
  useEffect(() => {
    if (!view) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelIdle: (() => void) | null = null;
    let changed = true;
    const take = () => {
      cancelIdle = null;
      if (view.isDestroyed || !changed) return;
      // y-prosemirror draws the document's content a moment after the view is created.
      if (view.state.doc.textContent === '') {
        if (timer === null) timer = setTimeout(takeWhenIdle, QUIET_MS);
        return;
      }
      changed = false;
      void saveReadingCopy(reviewerId, articleId, captureReadingCopy(view.dom)).catch(() => undefined);
    };
    const takeWhenIdle = () => {
      timer = null;
      cancelIdle?.();
      cancelIdle = whenIdle(take);
    };
    const onUpdate = () => {
      changed = true;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(takeWhenIdle, QUIET_MS);
    };
    const takeNow = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      take();
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') takeNow();
    };
    takeWhenIdle();
    ydoc.on('update', onUpdate);
    window.addEventListener('pagehide', takeNow);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      ydoc.off('update', onUpdate);
      window.removeEventListener('pagehide', takeNow);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      if (timer !== null) clearTimeout(timer);
      cancelIdle?.();
    };
  }, [view, ydoc, reviewerId, articleId]);
}

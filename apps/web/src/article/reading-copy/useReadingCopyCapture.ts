import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import { captureNode } from './reading-copy-tree.js';
import { saveReadingCopy } from './reading-copy-store.js';

/** Quiet time after the last change before the reading copy is taken again (ms). */
const QUIET_MS = 3_000;
/** Longest wait for an idle moment for each slice of a copy (ms). */
const IDLE_TIMEOUT_MS = 2_000;
/**
 * Most main-thread time one slice of a copy takes (ms): taking a long article's copy at once
 * (~30,000 elements) would hold a key or a colleague's tag that arrives meanwhile for tens of ms.
 */
const SLICE_MS = 4;

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

/** The JSON of each top-level node the editor shows that a reading copy keeps, from `start` on. */
function captureBlocks(blocks: readonly Node[], into: string[], start: number, until: number): number {
  let index = start;
  while (index < blocks.length && (index === start || performance.now() < until)) {
    const kept = captureNode(blocks[index]);
    if (kept !== null) into.push(JSON.stringify(kept));
    index += 1;
  }
  return index;
}

/**
 * Keeps the reviewer's reading copy of the article up to date: taken from the editor once it is
 * drawn and the page is idle, again once changes have paused (in idle slices, given up if a change
 * comes meanwhile), and at once when the page is hidden or left.
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
    /** Whether the article changed since the last copy was taken. */
    let changed = true;
    /** A copy being taken slice by slice: the blocks when it began and what is taken so far. */
    let taking: { blocks: Node[]; taken: string[]; next: number } | null = null;
    const save = (taken: readonly string[]) =>
      void saveReadingCopy(reviewerId, articleId, taken).catch(() => undefined);
    const stop = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      cancelIdle?.();
      cancelIdle = null;
      taking = null;
    };
    const takeSlice = () => {
      cancelIdle = null;
      if (view.isDestroyed || !taking) return;
      taking.next = captureBlocks(taking.blocks, taking.taken, taking.next, performance.now() + SLICE_MS);
      if (taking.next < taking.blocks.length) {
        cancelIdle = whenIdle(takeSlice);
        return;
      }
      const { taken } = taking;
      taking = null;
      changed = false;
      save(taken);
    };
    const startTaking = () => {
      timer = null;
      if (view.isDestroyed || !changed) return;
      // y-prosemirror draws the document's content a moment after the view is created.
      if (view.state.doc.textContent === '') {
        timer = setTimeout(startTaking, QUIET_MS);
        return;
      }
      taking = { blocks: [...view.dom.childNodes], taken: [], next: 0 };
      cancelIdle = whenIdle(takeSlice);
    };
    const onUpdate = () => {
      changed = true;
      // A copy half taken would mix the article before and after the change: start again later.
      stop();
      timer = setTimeout(startTaking, QUIET_MS);
    };
    const takeNow = () => {
      if (view.isDestroyed || !changed || view.state.doc.textContent === '') return;
      stop();
      const taken: string[] = [];
      const blocks = [...view.dom.childNodes];
      captureBlocks(blocks, taken, 0, Infinity);
      changed = false;
      save(taken);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') takeNow();
    };
    startTaking();
    ydoc.on('update', onUpdate);
    window.addEventListener('pagehide', takeNow);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      ydoc.off('update', onUpdate);
      window.removeEventListener('pagehide', takeNow);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      stop();
    };
  }, [view, ydoc, reviewerId, articleId]);
}

import { useCallback, useEffect, useState } from 'react';
import { readingCopyHtml } from './reading-copy-tree.js';
import { copyKey, keepsReadingCopy, loadReadingCopy } from './reading-copy-store.js';
import { requestServerReadingCopy } from './server-reading-copy.js';

/** Class of a reading copy's root: the article's own styles, marked as a copy. */
const READING_COPY_CLASS = 'article-body reading-copy';

/** Where loading the reading copy stands: still reading, none kept, or drawn and ready to show. */
export type ReadingCopyState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'none' }
  /** Drawn into an element the page can move between layouts without drawing it again. */
  | { readonly kind: 'found'; readonly element: HTMLElement };

/**
 * The copy this browser kept, or else the server's (an article this browser has never shown). A
 * browser that says it keeps a copy reads it and asks the server only if it is gone; otherwise the
 * server is asked at once, beside the read, and its answer dropped unread if a copy turns up.
 */
async function loadNodes(reviewerId: string, articleId: string): Promise<unknown[] | null> {
  const fromServer = keepsReadingCopy(reviewerId, articleId) ? null : requestServerReadingCopy(articleId);
  const kept = await loadReadingCopy(reviewerId, articleId);
  if (kept) {
    fromServer?.cancel();
    return kept;
  }
  return (fromServer ?? requestServerReadingCopy(articleId)).take();
}

async function loadAndDraw(reviewerId: string, articleId: string): Promise<HTMLElement | null> {
  const nodes = await loadNodes(reviewerId, articleId);
  if (!nodes) return null;
  const html = readingCopyHtml(nodes);
  if (html === '') return null;
  const element = document.createElement('div');
  element.className = READING_COPY_CLASS;
  element.setAttribute('data-mode', 'review');
  element.setAttribute('aria-label', 'Article text (opening the editor)');
  element.innerHTML = html;
  return element;
}

/** A load started before the page rendered, taken over by the first hook that asks for it. */
let preloaded: { readonly key: string; readonly copy: Promise<HTMLElement | null> } | null = null;

/**
 * Starts loading an article's reading copy as the app starts, before React renders the page: the
 * storage read then overlaps the page's first render.
 */
export function preloadReadingCopy(reviewerId: string, articleId: string): void {
  preloaded = { key: copyKey(reviewerId, articleId), copy: loadAndDraw(reviewerId, articleId) };
}

function takeOrLoad(reviewerId: string, articleId: string): Promise<HTMLElement | null> {
  const early = preloaded;
  preloaded = null;
  return early?.key === copyKey(reviewerId, articleId) ? early.copy : loadAndDraw(reviewerId, articleId);
}

/** The reading copy's state, and what lets go of a copy once the editor has replaced it. */
export interface ReadingCopy {
  readonly state: ReadingCopyState;
  /** Drops the drawn copy (the editor is shown): its elements are not kept in memory. */
  readonly release: () => void;
}

/**
 * Loads the reviewer's reading copy of an article (see reading-copy-tree.ts), or the server's when
 * this browser kept none, and draws it once.
 */
export function useReadingCopy(reviewerId: string, articleId: string): ReadingCopy {
  const [state, setState] = useState<ReadingCopyState>({ kind: 'loading' });
  const release = useCallback(
    () => setState((current) => (current.kind === 'found' ? { kind: 'none' } : current)),
    [],
  );
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    void takeOrLoad(reviewerId, articleId).then(
      (element) => {
        if (current) setState(element ? { kind: 'found', element } : { kind: 'none' });
      },
      () => {
        if (current) setState({ kind: 'none' });
      },
    );
    return () => {
      current = false;
    };
  }, [reviewerId, articleId]);
  return { state, release };
}

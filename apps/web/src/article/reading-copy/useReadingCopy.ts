import { useCallback, useEffect, useState } from 'react';
import { readingCopyHtml } from './reading-copy-tree.js';
import { loadReadingCopy } from './reading-copy-store.js';

/** Class of a reading copy's root: the article's own styles, marked as a copy. */
export const READING_COPY_CLASS = 'article-body reading-copy';

/** A reading copy drawn into an element the page can move between layouts without drawing it again. */
export interface DrawnReadingCopy {
  readonly element: HTMLElement;
  readonly savedAt: number;
}

/** Where loading the reading copy stands: still reading, none kept, or drawn and ready to show. */
export type ReadingCopyState =
  { readonly kind: 'loading' } | { readonly kind: 'none' } | ({ readonly kind: 'found' } & DrawnReadingCopy);

async function loadAndDraw(reviewerId: string, articleId: string): Promise<DrawnReadingCopy | null> {
  const copy = await loadReadingCopy(reviewerId, articleId);
  if (!copy) return null;
  const html = readingCopyHtml(copy.nodes);
  if (html === '') return null;
  const element = document.createElement('div');
  element.className = READING_COPY_CLASS;
  element.setAttribute('data-mode', 'review');
  element.setAttribute('aria-label', 'Article text (opening the editor)');
  element.innerHTML = html;
  return { element, savedAt: copy.savedAt };
}

/** A load started before the page rendered, taken over by the first hook that asks for it. */
let preloaded: { readonly key: string; readonly copy: Promise<DrawnReadingCopy | null> } | null = null;

function keyOf(reviewerId: string, articleId: string): string {
  return `${reviewerId}\n${articleId}`;
}

/**
 * Starts loading an article's reading copy as the app starts, before React renders the page: the
 * storage read then overlaps the page's first render.
 */
export function preloadReadingCopy(reviewerId: string, articleId: string): void {
  preloaded = { key: keyOf(reviewerId, articleId), copy: loadAndDraw(reviewerId, articleId) };
}

function takeOrLoad(reviewerId: string, articleId: string): Promise<DrawnReadingCopy | null> {
  const early = preloaded;
  preloaded = null;
  return early?.key === keyOf(reviewerId, articleId) ? early.copy : loadAndDraw(reviewerId, articleId);
}

/** The reading copy's state, and what lets go of a copy once the editor has replaced it. */
export interface ReadingCopy {
  readonly state: ReadingCopyState;
  /** Drops the drawn copy (the editor is shown): its elements are not kept in memory. */
  readonly release: () => void;
}

/** Loads the reviewer's reading copy of an article (see reading-copy-tree.ts) and draws it once. */
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
      (copy) => {
        if (current) setState(copy ? { kind: 'found', ...copy } : { kind: 'none' });
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

import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import type { WebsocketProvider } from 'y-websocket';

/** What the editor page exposes to browser tests and benchmarks. */
export interface FactcheckTestHandle {
  readonly view: EditorView;
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
}

declare global {
  interface Window {
    /** Set on the editor page only, for browser tests and benchmarks. */
    __factcheck?: FactcheckTestHandle;
  }
}

/** Puts the editor's view, document and provider on `window.__factcheck` while the editor is open. */
export function useExposeForTests(handle: FactcheckTestHandle | null): void {
  const view = handle?.view;
  const ydoc = handle?.ydoc;
  const provider = handle?.provider;
  useEffect(() => {
    if (!view || !ydoc || !provider) return;
    const exposed: FactcheckTestHandle = { view, ydoc, provider };
    window.__factcheck = exposed;
    return () => {
      if (window.__factcheck === exposed) delete window.__factcheck;
    };
  }, [view, ydoc, provider]);
}

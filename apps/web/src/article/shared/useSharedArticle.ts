import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { syncServerUrl } from './sync-url.js';

/** An article's shared document and the provider keeping it in sync with the server. */
export interface SharedArticle {
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
}

/** The shared article, and whether it has synced with the server at least once. */
export interface SharedArticleState {
  readonly article: SharedArticle | null;
  /** True from the first completed sync on, even if the connection drops later. */
  readonly hasSynced: boolean;
}

/**
 * Opens the article's Y.Doc and connects it to `/sync/<articleId>` while the component is mounted
 * (and `enabled`); closes both on unmount or when the article changes.
 */
export function useSharedArticle(articleId: string, enabled = true): SharedArticleState {
  const [state, setState] = useState<SharedArticleState>({ article: null, hasSynced: false });

  useEffect(() => {
    if (!enabled) return;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(syncServerUrl(), articleId, ydoc);
    const article: SharedArticle = { ydoc, provider };
    setState({ article, hasSynced: provider.synced });
    const onSync = (isSynced: boolean) => {
      if (isSynced)
        setState((current) => (current.article === article ? { article, hasSynced: true } : current));
    };
    provider.on('sync', onSync);
    return () => {
      provider.off('sync', onSync);
      provider.destroy();
      ydoc.destroy();
      setState({ article: null, hasSynced: false });
    };
  }, [articleId, enabled]);

  return state;
}

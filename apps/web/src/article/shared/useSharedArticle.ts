import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { ySyncPluginKey } from 'y-prosemirror';
import { STALE_COPY_CLOSE_CODE, syncParams } from '../../session/sync-params.js';
import { firstSyncUpdate } from './first-sync-update.js';
import { forgetLocalCopy, keepLocalCopy, type LocalCopy } from './local-copy.js';
import { forgetReadingCopies } from '../reading-copy/reading-copy-store.js';
import { syncServerUrl } from './sync-url.js';
import { deferUntilPainted } from './updates-after-paint.js';

/** How long the connection waits at most for this browser's copy to load. */
const LOCAL_COPY_WAIT_MS = 3_000;

/** An article's shared document and the provider keeping it in sync with the server. */
export interface SharedArticle {
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The copy this browser keeps, for working offline. */
  readonly local: LocalCopy;
}

/** The shared article, and whether it has synced with the server at least once. */
export interface SharedArticleState {
  readonly article: SharedArticle | null;
  /** True from the first completed sync on (or once this browser's copy is loaded), even offline. */
  readonly hasSynced: boolean;
  /** Why the server stopped serving this tab for good (bad or expired token, no access), or null. */
  readonly refused: { readonly code: number; readonly reason: string } | null;
}

/**
 * Opens the article's Y.Doc and connects it to `/sync/<articleId>` while the component is mounted
 * (and `enabled`); closes both on unmount or when the article changes. When the server says the
 * tab's copy belongs to a finished blind review, the copy is dropped and a fresh one opened.
 */
export function useSharedArticle(
  articleId: string,
  enabled = true,
  reviewerId: string | null = null,
): SharedArticleState {
  const [state, setState] = useState<SharedArticleState>({ article: null, hasSynced: false, refused: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const ydoc = new Y.Doc();
    let serverSynced: (update: Uint8Array | null) => void = () => undefined;
    const local = keepLocalCopy(
      articleId,
      ydoc,
      new Promise<Uint8Array | null>((resolve) => (serverSynced = resolve)),
    );
    const provider = new WebsocketProvider(syncServerUrl(), articleId, ydoc, {
      params: syncParams(reviewerId),
      connect: false,
      // Tabs of one browser sync through the server like any two reviewers. Over the
      // BroadcastChannel, y-websocket would send every other tab the whole article on each connect
      // (~240 ms to encode the 5,000-tag article), while they are all connected to the server anyway.
      disableBc: true,
    });
    // The provider connects once this browser's copy is loaded: the server then sends only what
    // the copy lacks and the copy is read once. Until the reviewer can edit (the copy held the
    // article, or the server's first sync), the provider does not listen for updates: it skips
    // those it made itself, yet Yjs would encode each loaded article again as an update for it.
    ydoc.off('update', provider._updateHandler);
    // Typing goes to the server once the frame showing it is painted (see deferUntilPainted);
    // tags and every other change go at once, for colleagues to see them as soon as possible.
    const toServer = deferUntilPainted(provider._updateHandler, (origin) => origin === ySyncPluginKey);
    let closed = false;
    let listening = false;
    const listen = () => {
      if (listening || closed) return;
      listening = true;
      ydoc.on('update', toServer.listener);
    };
    // A page being hidden or left gets no more frames: what waits for one goes now.
    const flushWaiting = () => {
      toServer.flush();
      local.flush();
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') flushWaiting();
    };
    window.addEventListener('pagehide', flushWaiting);
    document.addEventListener('visibilitychange', onVisibilityChange);
    provider.once('sync', listen);
    // A copy that never finishes loading (storage stuck) must not keep the article offline.
    const connectTimer = setTimeout(() => connect(true), LOCAL_COPY_WAIT_MS);
    const connect = (editable: boolean) => {
      clearTimeout(connectTimer);
      if (closed || provider.shouldConnect) return;
      if (editable) listen();
      provider.connect();
    };
    void local.loaded.then(connect, () => connect(false));
    const article: SharedArticle = { ydoc, provider, local };
    setState({ article, hasSynced: provider.synced, refused: null });
    const onSync = (isSynced: boolean) => {
      if (isSynced)
        setState((current) => (current.article === article ? { ...current, hasSynced: true } : current));
    };
    const onClosed = (event: { code: number; reason: string }) => {
      if (event.code === STALE_COPY_CLOSE_CODE) {
        // The copy this browser kept is stale too: drop it before opening a fresh one.
        local.close();
        void Promise.allSettled([forgetLocalCopy(articleId), forgetReadingCopies(articleId)]).finally(() =>
          setGeneration((count) => count + 1),
        );
      } else setState((current) => (current.article === article ? { ...current, refused: event } : current));
    };
    void local.loaded.then((held) => onSync(held));
    provider.on('sync', onSync);
    void firstSyncUpdate(provider).then(serverSynced);
    provider.on('closed', onClosed);
    return () => {
      flushWaiting();
      closed = true;
      window.removeEventListener('pagehide', flushWaiting);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      ydoc.off('update', toServer.listener);
      clearTimeout(connectTimer);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      local.close();
      ydoc.destroy();
      setState({ article: null, hasSynced: false, refused: null });
    };
  }, [articleId, enabled, reviewerId, generation]);

  return state;
}

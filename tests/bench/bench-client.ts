import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { waitFor } from '../helpers/wait-for.js';

/** A stock y-websocket client in the benchmark process itself. */
export interface BenchClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Disconnects and frees the document. */
  close(): void;
}

/** Connects a stock provider (ws polyfill, no BroadcastChannel) to a room, with `doc` if given. */
export function openClient(syncUrl: string, room: string, doc = new Y.Doc()): BenchClient {
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    provider,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when the client has synced with the server. */
export function whenSynced(client: BenchClient, timeoutMs = 60_000): Promise<boolean> {
  return waitFor(() => client.provider.synced, {
    timeout: timeoutMs,
    interval: 1,
    message: `client of ${client.provider.roomname} synced`,
  });
}

/** Whether two documents hold the same changes. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

/**
 * Loads an article into a server that stores nothing (the reference) the only way it can get one:
 * a client that has the document connects and syncs; a second client then proves the server has
 * every change.
 */
export async function pushArticle(syncUrl: string, room: string, article: Y.Doc): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(article));
  const pusher = openClient(syncUrl, room, doc);
  try {
    await whenSynced(pusher);
    const checker = openClient(syncUrl, room);
    try {
      await waitFor(() => sameState(checker.doc, article), {
        timeout: 60_000,
        message: `${room} pushed to the server`,
      });
    } finally {
      checker.close();
    }
  } finally {
    pusher.close();
  }
}

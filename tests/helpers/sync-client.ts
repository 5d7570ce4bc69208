import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { registerCleanup } from './cleanup.js';
import { waitFor } from './wait-for.js';

/** A stock y-websocket client of one article. */
export interface SyncClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Close codes and reasons the server sent this client. */
  readonly closes: { code: number; reason: string }[];
  /** Leaves like a closing tab: the provider says goodbye and disconnects. */
  leave(): void;
  /** Drops the connection abruptly (no goodbye) and stops reconnecting. */
  drop(): void;
}

/** Options of a test client: URL parameters such as `{ token }`. */
export interface SyncClientOptions {
  readonly params?: Record<string, string>;
}

/** Connects a stock WebsocketProvider (ws polyfill, no BroadcastChannel); destroyed when the test ends. */
export function connectClient(
  syncUrl: string,
  articleId: string,
  options: SyncClientOptions = {},
): SyncClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, articleId, doc, {
    params: options.params ?? {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Same-process providers would otherwise sync through BroadcastChannel, bypassing the server.
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  registerCleanup(() => {
    provider.destroy();
    doc.destroy();
  });
  return {
    doc,
    provider,
    closes,
    leave: () => provider.destroy(),
    drop: () => {
      provider.shouldConnect = false;
      (provider.ws as unknown as WebSocket | null)?.terminate();
    },
  };
}

/** Connects a client and waits until it has synced with the server. */
export async function connectSyncedClient(
  syncUrl: string,
  articleId: string,
  options: SyncClientOptions = {},
): Promise<SyncClient> {
  const client = connectClient(syncUrl, articleId, options);
  await waitFor(() => client.provider.synced, { message: `client of ${articleId} synced` });
  return client;
}

import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** What the connection indicator shows. */
export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

/** The connection status, and whether the page was connected before (so "connecting" reads "reconnecting"). */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  readonly wasConnected: boolean;
  /** The server refused the connection for good (a 44xx close code); the provider will not retry. */
  readonly refused: boolean;
}

function currentStatus(provider: WebsocketProvider | null): ConnectionStatus {
  if (!navigator.onLine) return 'offline';
  if (provider?.wsconnected && provider.synced) return 'connected';
  return 'connecting';
}

/** Follows the provider's `status`, `sync` and `connection-close` events and the browser's online state. */
export function useConnectionStatus(provider: WebsocketProvider | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>(() => ({
    status: currentStatus(provider),
    wasConnected: false,
    refused: false,
  }));

  useEffect(() => {
    let refused = false;
    const update = () => {
      const status = refused ? 'offline' : currentStatus(provider);
      setState((previous) => {
        const wasConnected = previous.wasConnected || status === 'connected';
        if (
          previous.status === status &&
          previous.wasConnected === wasConnected &&
          previous.refused === refused
        ) {
          return previous;
        }
        return { status, wasConnected, refused };
      });
    };
    const onClosed = () => {
      refused = true;
      update();
    };
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    provider?.on('status', update);
    provider?.on('sync', update);
    provider?.on('connection-close', update);
    provider?.on('closed', onClosed);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      provider?.off('status', update);
      provider?.off('sync', update);
      provider?.off('connection-close', update);
      provider?.off('closed', onClosed);
    };
  }, [provider]);

  return state;
}

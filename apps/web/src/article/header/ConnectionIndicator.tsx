import type { ConnectionState } from '../shared/useConnectionStatus.js';

function describe({ status, wasConnected, refused }: ConnectionState): { text: string; hint: string } {
  if (refused) return { text: 'Disconnected', hint: 'The server refused this article. Reload to try again.' };
  switch (status) {
    case 'connected':
      return { text: 'Connected', hint: 'Changes are shared live.' };
    case 'offline':
      return { text: 'Offline', hint: 'You are offline. Changes are kept and sent when you reconnect.' };
    case 'connecting':
      return wasConnected
        ? { text: 'Reconnecting…', hint: 'Lost the connection. Changes are kept and sent when it is back.' }
        : { text: 'Connecting…', hint: 'Connecting to the server.' };
  }
}

/** A dot and a word telling whether changes are being shared right now. */
export function ConnectionIndicator({ connection }: { readonly connection: ConnectionState }) {
  const { text, hint } = describe(connection);
  return (
    <span
      className={`connection connection--${connection.status}`}
      data-testid="connection-status"
      data-status={connection.status}
      role="status"
      title={hint}
    >
      <span className="connection__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

import type { ConnectionState } from '../shared/useConnectionStatus.js';
import '../../styles/offline.css';

/** Props of the offline notice. */
export interface OfflineNoticeProps {
  readonly connection: ConnectionState;
  /** Whether this browser keeps a copy of the article (IndexedDB). */
  readonly keptLocally: boolean;
}

/**
 * A band under the masthead while the article is open without a connection: says so plainly, and
 * that changes are kept in this browser and sent when the connection returns.
 */
export function OfflineNotice({ connection, keptLocally }: OfflineNoticeProps) {
  if (connection.status === 'connected' || connection.refused) return null;
  const offline = connection.status === 'offline';
  if (!offline && !connection.wasConnected) return null;
  return (
    <div
      className="offline-notice"
      role="status"
      data-testid="offline-notice"
      data-status={connection.status}
    >
      <strong className="offline-notice__title">
        {offline ? 'You are offline.' : 'Connection lost; reconnecting…'}
      </strong>{' '}
      {keptLocally
        ? 'You can keep working: your changes are kept in this browser and sent when the connection returns.'
        : 'This browser cannot keep a copy: keep this tab open until the connection returns, or changes are lost.'}
    </div>
  );
}

import type { ReactNode } from 'react';
import { Link } from '../../routing/Link.js';
import type { ConnectionState } from '../shared/useConnectionStatus.js';
import type { PresentReviewer } from '../presence/usePresence.js';
import { PresenceList } from '../presence/PresenceList.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { EditableTitle } from './EditableTitle.js';

/** Props of the article masthead. */
export interface ArticleMastheadProps {
  readonly title: string;
  readonly onSaveTitle: ((title: string) => void) | null;
  readonly connection: ConnectionState;
  readonly users: readonly PresentReviewer[];
  /** Page-level actions at the end of the status row (the export menu). */
  readonly actions?: ReactNode;
}

/** The top of the editor page: back to the library, the title, the connection, who is here and page actions. */
export function ArticleMasthead({ title, onSaveTitle, connection, users, actions }: ArticleMastheadProps) {
  return (
    <header className="masthead">
      <Link href="/" className="masthead__back">
        <span aria-hidden="true">←</span> All articles
      </Link>
      <EditableTitle title={title} onSave={onSaveTitle} />
      <div className="masthead__status">
        <ConnectionIndicator connection={connection} />
        <PresenceList users={users} />
        {actions && <div className="masthead__actions">{actions}</div>}
      </div>
    </header>
  );
}

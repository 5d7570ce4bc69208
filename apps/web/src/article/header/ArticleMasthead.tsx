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
}

/** The top of the editor page: back to the library, the title, the connection and who is here. */
export function ArticleMasthead({ title, onSaveTitle, connection, users }: ArticleMastheadProps) {
  return (
    <header className="masthead">
      <Link href="/" className="masthead__back">
        <span aria-hidden="true">←</span> All articles
      </Link>
      <EditableTitle title={title} onSave={onSaveTitle} />
      <div className="masthead__status">
        <ConnectionIndicator connection={connection} />
        <PresenceList users={users} />
      </div>
    </header>
  );
}

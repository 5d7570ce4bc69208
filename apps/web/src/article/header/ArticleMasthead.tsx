import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { Link } from '../../routing/Link.js';
import type { ConnectionState } from '../shared/useConnectionStatus.js';
import type { PresentReviewer } from '../presence/usePresence.js';
import { PresenceList } from '../presence/PresenceList.js';
import { ArticleDetails } from './ArticleDetails.js';
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
  /** The shared document whose source details are shown and edited (null until synced). */
  readonly ydoc?: Y.Doc | null;
}

/** The top of the editor page: back to the library, the title and source details, the connection, who is here and page actions. */
export function ArticleMasthead({
  title,
  onSaveTitle,
  connection,
  users,
  actions,
  ydoc,
}: ArticleMastheadProps) {
  return (
    <header className="masthead">
      <Link href="/" className="masthead__back">
        <span aria-hidden="true">←</span> All articles
      </Link>
      <EditableTitle title={title} onSave={onSaveTitle} />
      {ydoc !== undefined && <ArticleDetails ydoc={ydoc} />}
      <div className="masthead__status">
        <ConnectionIndicator connection={connection} />
        <PresenceList users={users} />
        {actions && <div className="masthead__actions">{actions}</div>}
      </div>
    </header>
  );
}

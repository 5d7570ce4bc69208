import type { Reviewer } from '@factcheck/core';
import { Toolbar } from '../toolbar/Toolbar.js';
import { ReadingCopyView } from './ReadingCopyView.js';

/** Props of the page's layout while the reading copy shows. */
export interface ReadingCopyLayoutProps {
  readonly copy: HTMLElement;
  readonly reviewer: Reviewer;
  readonly canTag: boolean;
  readonly canEditText: boolean;
  /** Called after the first frame showing the copy is painted. */
  readonly onShown: () => void;
}

const doNothing = () => undefined;

/**
 * The workspace as it will look, with the reading copy in the editor's place: the toolbar (idle
 * until the editor exists) and the sidebar's frame hold their room, so nothing moves when the
 * editor takes over.
 */
export function ReadingCopyLayout({ copy, reviewer, canTag, canEditText, onShown }: ReadingCopyLayoutProps) {
  return (
    <div className="workspace">
      <div className="workspace__main">
        <Toolbar
          view={null}
          state={null}
          reviewer={reviewer}
          onTagged={doNothing}
          onMessage={doNothing}
          canTag={canTag}
          canEditText={canEditText}
        />
        <article className="sheet" aria-label="Article">
          <ReadingCopyView copy={copy} onShown={onShown} />
        </article>
      </div>
      <aside className="sidebar" aria-hidden="true">
        <div className="sidebar-tabs">
          <span className="sidebar-tabs__tab">Tags</span>
          <span className="sidebar-tabs__tab">Review</span>
        </div>
      </aside>
    </div>
  );
}

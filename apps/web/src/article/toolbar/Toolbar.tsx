import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Reviewer } from '@factcheck/core';
import { isReviewMode } from '@factcheck/editor';
import { FormattingButtons } from './FormattingButtons.js';
import { HistoryButtons } from './HistoryButtons.js';
import { Legend } from './Legend.js';
import { ModeHint } from './ModeHint.js';
import { ModeToggle } from './ModeToggle.js';
import { TagButtons } from './TagButtons.js';

/** Props of the editor toolbar. */
export interface ToolbarProps {
  readonly view: EditorView | null;
  readonly state: EditorState | null;
  readonly reviewer: Reviewer;
  readonly onTagged: (id: string) => void;
  readonly onMessage: (message: string) => void;
  /** Whether the reviewer may tag (viewers may not). */
  readonly canTag: boolean;
  /** Whether the reviewer may switch to edit mode now (role, and not in blind review). */
  readonly canEditText: boolean;
}

/** The sticky bar above the article: tagging, mode, history, formatting in edit mode, legend and hint. */
export function Toolbar({ view, state, reviewer, onTagged, onMessage, canTag, canEditText }: ToolbarProps) {
  const review = state ? isReviewMode(state) : true;
  return (
    <div className="toolbar">
      <div className="toolbar__row" role="toolbar" aria-label="Tagging and history">
        {canTag ? (
          <TagButtons view={view} state={state} reviewer={reviewer} onTagged={onTagged} />
        ) : (
          <span className="toolbar__note" data-testid="read-only-note">
            Read only: your invite lets you read and export.
          </span>
        )}
        <div className="toolbar__spacer" />
        {canEditText && <ModeToggle view={view} state={state} />}
        <HistoryButtons view={view} state={state} />
      </div>
      {!review && state && <FormattingButtons view={view} state={state} onMessage={onMessage} />}
      <div className="toolbar__row toolbar__row--info">
        <Legend />
        <ModeHint review={review} />
      </div>
    </div>
  );
}

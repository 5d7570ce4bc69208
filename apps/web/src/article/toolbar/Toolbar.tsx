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
}

/** The sticky bar above the article: tagging, mode, history, formatting in edit mode, legend and hint. */
export function Toolbar({ view, state, reviewer, onTagged, onMessage }: ToolbarProps) {
  const review = state ? isReviewMode(state) : true;
  return (
    <div className="toolbar">
      <div className="toolbar__row" role="toolbar" aria-label="Tagging and history">
        <TagButtons view={view} state={state} reviewer={reviewer} onTagged={onTagged} />
        <div className="toolbar__spacer" />
        <ModeToggle view={view} state={state} />
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

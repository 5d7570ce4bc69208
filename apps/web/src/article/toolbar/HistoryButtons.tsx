import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { redo, undo } from '@factcheck/editor';
import { useUndoAvailability } from './useUndoAvailability.js';

/** Undo and redo of this reviewer's own changes (tags, text and title), never a colleague's. */
export function HistoryButtons({
  view,
  state,
}: {
  readonly view: EditorView | null;
  readonly state: EditorState | null;
}) {
  const { canUndo, canRedo } = useUndoAvailability(state);
  const run = (command: typeof undo) => {
    if (!view) return;
    command(view.state);
    view.focus();
  };
  return (
    <div className="toolbar__group" role="group" aria-label="History">
      <button
        type="button"
        className="icon-button"
        data-testid="undo"
        disabled={!canUndo}
        aria-label="Undo your last change"
        title="Undo your last change (Ctrl+Z)"
        aria-keyshortcuts="Control+Z"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => run(undo)}
      >
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="redo"
        disabled={!canRedo}
        aria-label="Redo your last undone change"
        title="Redo (Ctrl+Y or Ctrl+Shift+Z)"
        aria-keyshortcuts="Control+Y"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => run(redo)}
      >
        <span aria-hidden="true">↷</span> Redo
      </button>
    </div>
  );
}

import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { isReviewMode, setReviewMode } from '@factcheck/editor';

/** Switches between review mode (text read-only, keys tag) and edit mode (text editable). */
export function ModeToggle({
  view,
  state,
}: {
  readonly view: EditorView | null;
  readonly state: EditorState | null;
}) {
  const editing = state ? !isReviewMode(state) : false;
  return (
    <button
      type="button"
      className={`mode-toggle${editing ? ' mode-toggle--on' : ''}`}
      data-testid="mode-toggle"
      aria-pressed={editing}
      disabled={!view}
      title={editing ? 'Back to review mode: text read-only, keys 1–3 tag' : 'Edit the article text'}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!view) return;
        setReviewMode(editing)(view.state, view.dispatch, view);
        view.focus();
      }}
    >
      <span className="mode-toggle__track" aria-hidden="true">
        <span className="mode-toggle__thumb" />
      </span>
      Edit text
    </button>
  );
}

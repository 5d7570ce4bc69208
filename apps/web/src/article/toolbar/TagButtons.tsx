import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { LABEL_NAMES, LABELS, type Reviewer } from '@factcheck/core';
import { isReviewMode, tagSelection } from '@factcheck/editor';
import { LabelSwatch } from '../../labels/LabelSwatch.js';

/** Props of the tag buttons. */
export interface TagButtonsProps {
  readonly view: EditorView | null;
  readonly state: EditorState | null;
  readonly reviewer: Reviewer;
  readonly onTagged: (id: string) => void;
}

/** One button per label tagging the selected text, with the key that does the same in review mode. */
export function TagButtons({ view, state, reviewer, onTagged }: TagButtonsProps) {
  const hasSelection = Boolean(state && !state.selection.empty);
  const review = state ? isReviewMode(state) : true;
  return (
    <div className="toolbar__group" role="group" aria-label="Tag the selected text">
      {LABELS.map((label, index) => (
        <button
          key={label}
          type="button"
          className={`tag-button tag-button--${label}`}
          data-testid={`tag-${label}`}
          disabled={!hasSelection}
          aria-keyshortcuts={review ? String(index + 1) : undefined}
          title={
            hasSelection
              ? `Tag the selection as ${LABEL_NAMES[label]}${review ? ` (key ${index + 1})` : ''}`
              : 'Select some text first'
          }
          // Keep the editor's focus and selection when the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!view) return;
            tagSelection(label, reviewer, onTagged)(view.state, view.dispatch, view);
            view.focus();
          }}
        >
          <LabelSwatch label={label} />
          <span>{LABEL_NAMES[label]}</span>
          {review && (
            <kbd className="tag-button__key" aria-hidden="true">
              {index + 1}
            </kbd>
          )}
        </button>
      ))}
    </div>
  );
}

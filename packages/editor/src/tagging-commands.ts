import * as Y from 'yjs';
import type { Command, EditorState } from 'prosemirror-state';
import { ySyncPluginKey, yUndoPluginKey } from 'y-prosemirror';
import {
  createAnchor,
  getContent,
  newAnnotationId,
  projectFragment,
  relabelAnnotation,
  removeAnnotation,
  TAGGING_ORIGIN,
  writeAnnotation,
  type Label,
  type Reviewer,
} from '@factcheck/core';
import { indexPmText, showsText, textFromPmPos } from './text-positions.js';

/**
 * Tagging commands, `(state, dispatch) => boolean` like every ProseMirror command. They write
 * to the annotations map beside the text (never into it), inside a Yjs transaction whose
 * origin the undo manager tracks, so undo takes back your own tagging.
 */

function ydocOf(state: EditorState): Y.Doc | null {
  return (ySyncPluginKey.getState(state)?.doc as Y.Doc | undefined) ?? null;
}

/** Ends the undo manager's current capture so each tagging action undoes on its own. */
function separateUndoStep(state: EditorState): void {
  const undoManager = yUndoPluginKey.getState(state)?.undoManager as Y.UndoManager | undefined;
  undoManager?.stopCapturing();
}

/** Tags the current selection with a label, as the given reviewer. Fails on an empty selection. */
export function tagSelection(label: Label, author: Reviewer, onTagged?: (id: string) => void): Command {
  return (state, dispatch) => {
    const ydoc = ydocOf(state);
    const { from, to, empty } = state.selection;
    if (!ydoc || empty) return false;
    const index = indexPmText(state.doc);
    const projection = projectFragment(getContent(ydoc));
    if (!showsText(index, projection)) return false;
    const anchor = createAnchor(projection, textFromPmPos(index, from), textFromPmPos(index, to));
    if (!anchor) return false;
    if (dispatch) {
      const id = newAnnotationId();
      separateUndoStep(state);
      ydoc.transact(() => writeAnnotation(ydoc, id, { label, author, ...anchor }), TAGGING_ORIGIN);
      separateUndoStep(state);
      onTagged?.(id);
    }
    return true;
  };
}

/** Changes the label of a tag, recording who did it in the tag's history. */
export function relabelTag(id: string, label: Label, by?: Reviewer): Command {
  return (state, dispatch) => {
    const ydoc = ydocOf(state);
    if (!ydoc) return false;
    if (dispatch) {
      separateUndoStep(state);
      let changed = false;
      ydoc.transact(() => {
        changed = relabelAnnotation(ydoc, id, label, new Date(), by);
      }, TAGGING_ORIGIN);
      separateUndoStep(state);
      return changed;
    }
    return true;
  };
}

/** Removes a tag. */
export function removeTag(id: string): Command {
  return (state, dispatch) => {
    const ydoc = ydocOf(state);
    if (!ydoc) return false;
    if (dispatch) {
      separateUndoStep(state);
      let removed = false;
      ydoc.transact(() => {
        removed = removeAnnotation(ydoc, id);
      }, TAGGING_ORIGIN);
      separateUndoStep(state);
      return removed;
    }
    return true;
  };
}

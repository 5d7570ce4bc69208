import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import { yUndoPluginKey } from 'y-prosemirror';
import { TAGGING_ORIGIN } from '@factcheck/core';

/** A write to the shared document on behalf of the reviewer (a comment, a status, a decision…). */
export type TaggingWrite = (write: (doc: Y.Doc) => void) => void;

/**
 * Runs `write` in one Yjs transaction with the tagging origin, so colleagues see it at once and
 * undo takes it back as a step of its own, like the tagging commands do.
 */
export function writeAsTagging(view: EditorView | null, ydoc: Y.Doc, write: (doc: Y.Doc) => void): void {
  const undoManager =
    view && !view.isDestroyed
      ? (yUndoPluginKey.getState(view.state)?.undoManager as Y.UndoManager | undefined)
      : undefined;
  undoManager?.stopCapturing();
  ydoc.transact(() => write(ydoc), TAGGING_ORIGIN);
  undoManager?.stopCapturing();
}

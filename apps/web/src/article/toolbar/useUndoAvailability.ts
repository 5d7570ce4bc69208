import { useEffect, useReducer } from 'react';
import type * as Y from 'yjs';
import type { EditorState } from 'prosemirror-state';
import { yUndoPluginKey } from 'y-prosemirror';

/** Whether this reviewer has something to undo or redo. */
export interface UndoAvailability {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

const STACK_EVENTS = [
  'stack-item-added',
  'stack-item-popped',
  'stack-cleared',
  'stack-item-updated',
] as const;

/**
 * Reads the y-undo manager of the editor state. Title changes reach the undo stack without any
 * editor transaction, so the hook also re-renders on the undo manager's own events.
 */
export function useUndoAvailability(state: EditorState | null): UndoAvailability {
  const undoManager = state
    ? (yUndoPluginKey.getState(state)?.undoManager as Y.UndoManager | undefined)
    : undefined;
  const [, bump] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    if (!undoManager) return;
    for (const event of STACK_EVENTS) undoManager.on(event, bump);
    return () => {
      for (const event of STACK_EVENTS) undoManager.off(event, bump);
    };
  }, [undoManager]);

  return { canUndo: undoManager?.canUndo() ?? false, canRedo: undoManager?.canRedo() ?? false };
}

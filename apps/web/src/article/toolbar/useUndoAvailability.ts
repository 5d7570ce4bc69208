import { useCallback, useSyncExternalStore } from 'react';
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

/** Undo and redo availability as one string, so typing (which grows the last undo step) renders nothing. */
function availability(undoManager: Y.UndoManager | undefined): string {
  return `${String(undoManager?.canUndo() ?? false)} ${String(undoManager?.canRedo() ?? false)}`;
}

/**
 * Reads the y-undo manager of the editor state. Title changes reach the undo stack without any
 * editor transaction, so the hook also follows the undo manager's own events; it renders again
 * only when undo or redo becomes available or unavailable.
 */
export function useUndoAvailability(state: EditorState | null): UndoAvailability {
  const undoManager = state
    ? (yUndoPluginKey.getState(state)?.undoManager as Y.UndoManager | undefined)
    : undefined;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!undoManager) return () => undefined;
      for (const event of STACK_EVENTS) undoManager.on(event, onChange);
      return () => {
        for (const event of STACK_EVENTS) undoManager.off(event, onChange);
      };
    },
    [undoManager],
  );
  const [canUndo, canRedo] = useSyncExternalStore(subscribe, () => availability(undoManager)).split(' ');
  return { canUndo: canUndo === 'true', canRedo: canRedo === 'true' };
}

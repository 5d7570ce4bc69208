import type { MarkType } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';

/** Which formatting the selection carries, for pressed toolbar buttons. */

/** Whether the whole selection (or the stored marks at the cursor) carries the mark. */
export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

/** The kind of text block the selection starts in: `paragraph`, `heading-1`…, or another node name. */
export function activeBlockKind(state: EditorState): string {
  const parent = state.selection.$from.parent;
  return parent.type.name === 'heading' ? `heading-${String(parent.attrs.level)}` : parent.type.name;
}

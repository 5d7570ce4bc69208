import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Command, Plugin } from 'prosemirror-state';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { redo, undo } from 'y-prosemirror';
import { LABELS, type Reviewer } from '@factcheck/core';
import { articleSchema } from './schema.js';
import { isReviewMode } from './review-mode.js';
import { tagSelection } from './tagging-commands.js';

const undoCommand: Command = (state) => undo(state);
const redoCommand: Command = (state) => redo(state);

/** Keys 1, 2 and 3 tag the selection (review mode, when `canTag`); undo and redo everywhere. */
export function taggingKeymap(
  reviewer: () => Reviewer,
  onTagged?: (id: string) => void,
  canTag: () => boolean = () => true,
): Plugin {
  const bindings: Record<string, Command> = {
    'Mod-z': undoCommand,
    'Mod-y': redoCommand,
    'Shift-Mod-z': redoCommand,
  };
  LABELS.forEach((label, index) => {
    bindings[String(index + 1)] = (state, dispatch, view) =>
      isReviewMode(state) && canTag() && tagSelection(label, reviewer(), onTagged)(state, dispatch, view);
  });
  return keymap(bindings);
}

/** Rich-text editing keys for edit mode: emphasis, headings, lists, hard breaks. */
export function editingKeymap(): Plugin {
  const { marks, nodes } = articleSchema;
  const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
    dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
    return true;
  });
  return keymap({
    'Mod-b': toggleMark(marks.strong),
    'Mod-i': toggleMark(marks.em),
    'Mod-`': toggleMark(marks.code),
    'Shift-Enter': hardBreak,
    Enter: splitListItem(nodes.list_item),
    'Mod-[': liftListItem(nodes.list_item),
    'Mod-]': sinkListItem(nodes.list_item),
    'Shift-Ctrl-0': setBlockType(nodes.paragraph),
    'Shift-Ctrl-1': setBlockType(nodes.heading, { level: 1 }),
    'Shift-Ctrl-2': setBlockType(nodes.heading, { level: 2 }),
    'Shift-Ctrl-3': setBlockType(nodes.heading, { level: 3 }),
  });
}

/** ProseMirror's base keys (Enter, Backspace, selection keys). */
export function baseKeys(): Plugin {
  return keymap(baseKeymap);
}

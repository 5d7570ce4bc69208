import { lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import type { Command } from 'prosemirror-state';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import { articleSchema } from './schema.js';

/** Rich-text commands behind the edit-mode toolbar. Each is a plain ProseMirror command. */
const { marks, nodes } = articleSchema;

/** Toggles emphasis (italic) on the selection. */
export const toggleEmphasis: Command = toggleMark(marks.em);
/** Toggles strong (bold) on the selection. */
export const toggleStrong: Command = toggleMark(marks.strong);
/** Turns the current block into a paragraph. */
export const makeParagraph: Command = setBlockType(nodes.paragraph);
/** Turns the current block into a heading of the given level. */
export const makeHeading = (level: 1 | 2 | 3): Command => setBlockType(nodes.heading, { level });
/** Wraps the selected blocks in a block quote. */
export const wrapInBlockquote: Command = wrapIn(nodes.blockquote);
/** Wraps the selected blocks in a bulleted list. */
export const wrapInBulletList: Command = wrapInList(nodes.bullet_list);
/** Wraps the selected blocks in a numbered list. */
export const wrapInOrderedList: Command = wrapInList(nodes.ordered_list);
/** Lifts the selection out of its list item or block quote. */
export const liftBlock: Command = (state, dispatch) =>
  liftListItem(nodes.list_item)(state, dispatch) || lift(state, dispatch);

/** Only http(s) and mailto links are kept; anything else (javascript:, data:) is refused. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/iu.test(href.trim());
}

/** Links the selection to `href`, or removes links from it when `href` is null. */
export function setLink(href: string | null): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    if (href !== null && !isSafeHref(href)) return false;
    if (dispatch) {
      const tr = state.tr.removeMark(from, to, marks.link);
      if (href !== null) tr.addMark(from, to, marks.link.create({ href: href.trim() }));
      dispatch(tr);
    }
    return true;
  };
}

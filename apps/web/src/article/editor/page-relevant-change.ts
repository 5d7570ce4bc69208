import type { EditorState } from 'prosemirror-state';
import { Mark } from 'prosemirror-model';
import { annotationPluginKey, isReviewMode } from '@factcheck/editor';
import { sameListing } from '../tags/tag-listing.js';

/** The node types from the document down to the selection's text block ("doc>bullet_list>…"). */
function blockPath(state: EditorState): string {
  const { $from } = state.selection;
  let path = '';
  for (let depth = 0; depth <= $from.depth; depth++) {
    const node = $from.node(depth);
    path += `>${node.type.name}${node.attrs.level === undefined ? '' : String(node.attrs.level)}`;
  }
  return path;
}

function marksAtCursor(state: EditorState): readonly Mark[] {
  return state.storedMarks ?? state.selection.$from.marks();
}

/** What a new editor state changes on the page: nothing, only the tag list, or more. */
export type PageChange = 'none' | 'tags' | 'editor';

/**
 * What a new editor state changes of what the page renders from it: the tags listed ('tags'), or
 * which tags there are, their emphasis and filter, the mode, whether text is selected (and which), the block and marks
 * at the cursor ('editor'). Typing inside a paragraph changes none of these but may refresh the
 * quotes of tags around it, so the page does not render on every keystroke (React's commit reads
 * the editor's whole DOM selection, costly in a long article). Act on `view.state`, not on the
 * state the page last rendered.
 */
export function pageChange(previous: EditorState | null, next: EditorState): PageChange {
  if (previous === null) return 'editor';
  const before = annotationPluginKey.getState(previous);
  const after = annotationPluginKey.getState(next);
  if (before?.activeIds !== after?.activeIds || before?.filter !== after?.filter) return 'editor';
  // The first placement at once: the list would say "no tags yet" until then.
  if (before?.placed !== after?.placed) return 'editor';
  if (isReviewMode(previous) !== isReviewMode(next)) return 'editor';
  const was = previous.selection;
  const is = next.selection;
  if (was.empty !== is.empty) return 'editor';
  if (!is.empty && (was.from !== is.from || was.to !== is.to || previous.doc !== next.doc)) return 'editor';
  if (blockPath(previous) !== blockPath(next)) return 'editor';
  if (!Mark.sameSet(marksAtCursor(previous), marksAtCursor(next))) return 'editor';
  const tagsBefore = before?.tags ?? [];
  const tagsAfter = after?.tags ?? [];
  // A tag added or removed shows at once; the quotes typing refreshes can wait.
  if (tagsBefore.length !== tagsAfter.length) return 'editor';
  if (!sameListing(tagsBefore, tagsAfter)) return 'tags';
  return 'none';
}

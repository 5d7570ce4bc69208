import * as Y from 'yjs';
import { builders } from 'prosemirror-test-builder';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { getContent } from '@factcheck/core';
import { articleSchema, createArticleEditorState } from '../src/index.js';

/** Node builders for the article schema: `doc(p('text'))`. */
export const b = builders(articleSchema, {
  p: { nodeType: 'paragraph' },
  h1: { nodeType: 'heading', level: 1 },
  h2: { nodeType: 'heading', level: 2 },
  quote: { nodeType: 'blockquote' },
  ul: { nodeType: 'bullet_list' },
  ol: { nodeType: 'ordered_list' },
  li: { nodeType: 'list_item' },
  br: { nodeType: 'hard_break' },
  hr: { nodeType: 'horizontal_rule' },
  em: { markType: 'em' },
  strong: { markType: 'strong' },
});

/** A Y.Doc whose content is the given ProseMirror document. */
export function ydocFrom(doc: ProseMirrorNode): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(doc, getContent(ydoc));
  return ydoc;
}

/** The ProseMirror document y-prosemirror renders from a Y.Doc. */
export function pmDocOf(ydoc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(getContent(ydoc), articleSchema);
}

/** An editor state (no view) already showing the Y.Doc's content, as a bound editor would. */
export function editorStateFor(ydoc: Y.Doc, reviewer = { id: 'r1', name: 'Reviewer One' }): EditorState {
  const state = createArticleEditorState({ ydoc, reviewer: () => reviewer });
  return EditorState.create({ schema: articleSchema, doc: pmDocOf(ydoc), plugins: state.plugins });
}

/** The state with a text selection between two positions. */
export function withSelection(state: EditorState, from: number, to: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

/** Position right before the first occurrence of `needle` in the document's text. */
export function posOf(doc: ProseMirrorNode, needle: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(needle)) found = pos + node.text!.indexOf(needle);
    return true;
  });
  if (found < 0) throw new Error(`"${needle}" not in document`);
  return found;
}

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import {
  createAnchor,
  getAnnotationsMap,
  getContent,
  projectFragment,
  TAGGING_ORIGIN,
  writeAnnotation,
  writeArticle,
} from '@factcheck/core';
import {
  annotationPluginKey,
  articleSchema,
  createArticleEditorState,
  setReviewMode,
  type AnnotationPluginMeta,
} from '@factcheck/editor';
import { pageChange } from '../src/article/editor/page-relevant-change.js';

/** An editor state (no view) showing a two-paragraph article with one tag, in edit mode. */
function articleState(): { ydoc: Y.Doc; state: EditorState } {
  const ydoc = new Y.Doc();
  writeArticle(ydoc, {
    title: 'Test',
    titleDerived: false,
    paragraphs: ['The singer said the claims were false.', 'A second paragraph.'],
  });
  const anchor = createAnchor(projectFragment(getContent(ydoc)), 4, 10)!;
  ydoc.transact(() => {
    writeAnnotation(ydoc, 'tag-1', {
      label: 'denial',
      author: { id: 'r1', name: 'One' },
      ...anchor,
    });
  }, TAGGING_ORIGIN);
  const plugins = createArticleEditorState({ ydoc, reviewer: () => ({ id: 'r1', name: 'One' }) }).plugins;
  const doc = yXmlFragmentToProseMirrorRootNode(getContent(ydoc), articleSchema);
  let state = EditorState.create({ schema: articleSchema, doc, plugins });
  setReviewMode(false)(state, (tr) => (state = state.apply(tr)));
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 20)));
  return { ydoc, state };
}

describe('what an editor state changes on the page', () => {
  it('is nothing for typing inside a paragraph, though tags move', () => {
    const { state } = articleState();
    const typed = state.apply(state.tr.insertText('x', 2));
    expect(annotationPluginKey.getState(typed)!.tags[0].from).not.toBe(
      annotationPluginKey.getState(state)!.tags[0].from,
    );
    expect(pageChange(state, typed)).toBe('none');
  });

  it('is the editor for a selection, stored marks, another block or emphasised tags', () => {
    const { state } = articleState();
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2, 8)));
    expect(pageChange(state, selected)).toBe('editor');
    const bold = state.apply(state.tr.addStoredMark(articleSchema.marks.strong.create()));
    expect(pageChange(state, bold)).toBe('editor');
    const second = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, state.doc.content.size - 2)),
    );
    expect(pageChange(state, second)).toBe('none');
    const heading = state.apply(state.tr.setBlockType(20, 20, articleSchema.nodes.heading, { level: 2 }));
    expect(pageChange(state, heading)).toBe('editor');
    const active = state.apply(
      state.tr.setMeta(annotationPluginKey, { activeIds: new Set(['tag-1']) } satisfies AnnotationPluginMeta),
    );
    expect(pageChange(state, active)).toBe('editor');
  });

  it('is the tag list when a tag itself changed', () => {
    const { ydoc, state } = articleState();
    (getAnnotationsMap(ydoc).get('tag-1') as Y.Map<unknown>).set('label', 'rumour');
    const changed = state.apply(
      state.tr.setMeta(annotationPluginKey, {
        changedIds: new Set(['tag-1']),
      } satisfies AnnotationPluginMeta),
    );
    expect(annotationPluginKey.getState(changed)!.tags[0].annotation.label).toBe('rumour');
    expect(pageChange(state, changed)).toBe('tags');
  });
});

import { describe, expect, it } from 'vitest';
import type { Decoration } from 'prosemirror-view';
import { createAnchor, getContent, projectFragment, TAGGING_ORIGIN, writeAnnotation } from '@factcheck/core';
import { annotationPluginKey, type AnnotationPluginMeta } from '../src/index.js';
import { b, editorStateFor, ydocFrom } from './editor-fixtures.js';

/**
 * ProseMirror keeps inline decorations with the block they lie in and skips a block whose
 * decorations are the same object as before; otherwise it compares them one by one on every
 * update. Highlights therefore lie inside one block each, and drawing everything again keeps the
 * blocks that look the same.
 */

const { doc, p } = b;
const author = { id: 'r1', name: 'Reviewer One' };

function tagged() {
  const ydoc = ydocFrom(
    doc(p('The minister denied the claims.'), p('Sources alleged a cover-up.'), p('A rumour spread.')),
  );
  const projection = projectFragment(getContent(ydoc));
  const tag = (quote: string, id: string, label: 'allegation' | 'denial' | 'rumour') => {
    const from = projection.text.indexOf(quote);
    const anchor = createAnchor(projection, from, from + quote.length)!;
    ydoc.transact(() => writeAnnotation(ydoc, id, { label, author, ...anchor }), TAGGING_ORIGIN);
  };
  tag('the claims.\n\nSources alleged', 'across', 'denial');
  tag('A rumour', 'rumour', 'rumour');
  return editorStateFor(ydoc);
}

function blockOf(state: ReturnType<typeof tagged>, decoration: Decoration) {
  const from = state.doc.resolve(decoration.from);
  const to = state.doc.resolve(decoration.to);
  return from.parent === to.parent && from.parent.isTextblock ? from.index(0) : -1;
}

describe('highlights per block', () => {
  it('cuts a tag spanning two paragraphs into one highlight per paragraph', () => {
    const state = tagged();
    const highlights = annotationPluginKey.getState(state)!.decorations.find();
    const across = highlights.filter((decoration) =>
      (decoration.spec as { drawn: string }).drawn.endsWith('|across'),
    );
    expect(across.map((decoration) => blockOf(state, decoration))).toEqual([0, 1]);
    expect(across.map((decoration) => state.doc.textBetween(decoration.from, decoration.to))).toEqual([
      'the claims.',
      'Sources alleged',
    ]);
  });

  it('keeps the highlights of blocks a new filter leaves as they were', () => {
    const state = tagged();
    const before = annotationPluginKey.getState(state)!.decorations;
    const meta: AnnotationPluginMeta = {
      filter: { labels: new Set(['allegation', 'denial']), authors: null },
    };
    const after = annotationPluginKey.getState(
      state.apply(state.tr.setMeta(annotationPluginKey, meta)),
    )!.decorations;
    const specsIn = (set: typeof before, block: number) => {
      const node = state.doc.child(block);
      let offset = 0;
      for (let i = 0; i < block; i++) offset += state.doc.child(i).nodeSize;
      return set.find(offset, offset + node.nodeSize).map((decoration) => decoration.spec);
    };
    // The denial's blocks look the same: the same decorations, not equal copies.
    expect(specsIn(after, 0)).toEqual(specsIn(before, 0));
    expect(specsIn(after, 0)[0]).toBe(specsIn(before, 0)[0]);
    expect(specsIn(after, 1)[0]).toBe(specsIn(before, 1)[0]);
    // The rumour is filtered out.
    expect(specsIn(after, 2)).toEqual([]);
    expect(specsIn(before, 2)).toHaveLength(1);
  });
});

describe('an equal filter', () => {
  it('keeps the drawing as it is', () => {
    const state = tagged();
    const before = annotationPluginKey.getState(state)!;
    const meta: AnnotationPluginMeta = {
      filter: { labels: new Set(['rumour', 'denial', 'allegation']), authors: null },
    };
    const after = annotationPluginKey.getState(state.apply(state.tr.setMeta(annotationPluginKey, meta)))!;
    expect(after.decorations).toBe(before.decorations);
    expect(after.filter).toBe(before.filter);
  });
});

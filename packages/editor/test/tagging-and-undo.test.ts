import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { yUndoPluginKey } from 'y-prosemirror';
import { readAnnotations } from '@factcheck/core';
import { annotationPluginKey, relabelTag, removeTag, tagSelection } from '../src/index.js';
import { b, editorStateFor, posOf, withSelection, ydocFrom } from './editor-fixtures.js';

const { doc, p } = b;
const article = () => ydocFrom(doc(p('Ali Zafar denied the claims.'), p('Meesha Shafi accused him.')));
const me = { id: 'r1', name: 'Reviewer One' };

function undoManagerOf(state: EditorState): Y.UndoManager {
  return yUndoPluginKey.getState(state)!.undoManager as Y.UndoManager;
}

function select(state: EditorState, text: string): EditorState {
  const from = posOf(state.doc, text);
  return withSelection(state, from, from + text.length);
}

describe('tagging commands', () => {
  it('writes a tag beside the text, never into it', () => {
    const ydoc = article();
    const before = ydoc.getXmlFragment('content').toString();
    const state = select(editorStateFor(ydoc), 'denied the claims');
    expect(tagSelection('denial', me)(state, () => {})).toBe(true);
    const [tag] = readAnnotations(ydoc).valid;
    expect(tag).toMatchObject({
      label: 'denial',
      quote: 'denied the claims',
      author: me,
      prefix: 'Ali Zafar ',
    });
    expect(ydoc.getXmlFragment('content').toString()).toBe(before);
  });

  it('refuses an empty selection', () => {
    const ydoc = article();
    const state = editorStateFor(ydoc);
    expect(tagSelection('allegation', me)(state, () => {})).toBe(false);
    expect(readAnnotations(ydoc).valid).toHaveLength(0);
  });

  it('tags across paragraphs without the separating blank line at the edges', () => {
    const ydoc = article();
    let state = editorStateFor(ydoc);
    const from = posOf(state.doc, 'claims');
    const to = posOf(state.doc, 'Shafi') + 'Shafi'.length;
    state = withSelection(state, from, to);
    tagSelection('rumour', me)(state, () => {});
    expect(readAnnotations(ydoc).valid[0].quote).toBe('claims.\n\nMeesha Shafi');
  });

  it('relabels and removes tags', () => {
    const ydoc = article();
    const state = select(editorStateFor(ydoc), 'accused him');
    let id = '';
    tagSelection('allegation', me, (created) => (id = created))(state, () => {});
    relabelTag(id, 'rumour')(state, () => {});
    expect(readAnnotations(ydoc).valid[0].label).toBe('rumour');
    removeTag(id)(state, () => {});
    expect(readAnnotations(ydoc).valid).toHaveLength(0);
  });

  it('undo takes back only your own tagging, step by step', () => {
    const ydoc = article();
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(ydoc));
    const state = select(editorStateFor(ydoc), 'accused him');
    tagSelection('allegation', me)(state, () => {});
    tagSelection('rumour', me)(select(state, 'Ali Zafar'), () => {});

    const colleagueState = select(editorStateFor(colleague, { id: 'r2', name: 'Two' }), 'denied');
    tagSelection('denial', { id: 'r2', name: 'Two' })(colleagueState, () => {});
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(colleague));
    expect(readAnnotations(ydoc).valid).toHaveLength(3);

    const undo = undoManagerOf(state);
    undo.undo();
    expect(
      readAnnotations(ydoc)
        .valid.map((a) => a.quote)
        .sort(),
    ).toEqual(['accused him', 'denied']);
    undo.undo();
    expect(readAnnotations(ydoc).valid.map((a) => a.quote)).toEqual(['denied']);
    undo.redo();
    expect(
      readAnnotations(ydoc)
        .valid.map((a) => a.quote)
        .sort(),
    ).toEqual(['accused him', 'denied']);
  });
});

describe('annotation plugin', () => {
  it('places stored tags on their text when the editor starts', () => {
    const ydoc = article();
    tagSelection('denial', me)(select(editorStateFor(ydoc), 'denied the claims'), () => {});
    const state = editorStateFor(ydoc);
    const { tags } = annotationPluginKey.getState(state)!;
    expect(tags).toHaveLength(1);
    expect(state.doc.textBetween(tags[0].from!, tags[0].to!)).toBe('denied the claims');
    expect(tags[0].status).toBe('anchored');
  });

  it('draws overlapping tags as segments carrying every covering label', () => {
    const ydoc = article();
    const base = editorStateFor(ydoc);
    tagSelection('allegation', me)(select(base, 'Ali Zafar denied'), () => {});
    tagSelection('denial', { id: 'r2', name: 'Two' })(select(base, 'denied the claims'), () => {});
    const state = editorStateFor(ydoc);
    const decorations = annotationPluginKey.getState(state)!.decorations.find();
    const specs = decorations.map((d) => ({
      text: state.doc.textBetween(d.from, d.to),
      classes: (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
    }));
    expect(specs).toEqual([
      { text: 'Ali Zafar ', classes: 'fc-tag fc-tag--allegation' },
      { text: 'denied', classes: 'fc-tag fc-tag--allegation fc-tag--denial fc-tag--overlap' },
      { text: ' the claims', classes: 'fc-tag fc-tag--denial' },
    ]);
  });

  it('rebuilds from the Y.Doc when asked and hides tags the filter excludes', () => {
    const ydoc = article();
    let state = editorStateFor(ydoc);
    tagSelection('allegation', me)(select(state, 'accused him'), () => {});
    state = state.apply(state.tr.setMeta(annotationPluginKey, { rebuild: true }));
    expect(annotationPluginKey.getState(state)!.tags).toHaveLength(1);
    state = state.apply(
      state.tr.setMeta(annotationPluginKey, { filter: { labels: new Set(['denial']), authors: null } }),
    );
    expect(annotationPluginKey.getState(state)!.decorations.find()).toHaveLength(0);
  });
});

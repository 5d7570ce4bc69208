// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { articleSchema } from '../src/index.js';
import { b } from './editor-fixtures.js';

/**
 * ProseMirror is patched (`patches/prosemirror-view+1.42.9.patch`) to give a fresh highlight
 * wrapper its classes in one `className` write. The classes a reader sees must be exactly those of
 * the decorations, when they are first drawn, when they change and when they go.
 */

const highlights = new PluginKey<DecorationSet>('test-highlights');

function viewWith(classes: string | null): EditorView {
  const doc = b.doc(b.p('Ali Zafar denied the allegations.'));
  const decorate = (value: string | null, state: EditorState) =>
    value === null
      ? DecorationSet.empty
      : DecorationSet.create(state.doc, [Decoration.inline(5, 11, { class: value, 'data-tag-ids': 'a-1' })]);
  const plugin = new Plugin<DecorationSet>({
    key: highlights,
    state: {
      init: (_, state) => decorate(classes, state),
      apply: (tr: Transaction, set, _, state) => {
        const next = tr.getMeta(highlights) as { classes: string | null } | undefined;
        return next ? decorate(next.classes, state) : set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => highlights.getState(state) },
  });
  return new EditorView(document.createElement('div'), {
    state: EditorState.create({ schema: articleSchema, doc, plugins: [plugin] }),
  });
}

function setClasses(view: EditorView, classes: string | null): void {
  view.dispatch(view.state.tr.setMeta(highlights, { classes }));
}

function wrapper(view: EditorView): HTMLElement | null {
  return view.dom.querySelector('[data-tag-ids]');
}

describe('highlight class names', () => {
  it('gives a fresh highlight exactly its decoration’s classes', () => {
    const view = viewWith('fc-tag fc-allegation fc-mine');
    expect(wrapper(view)?.textContent).toBe('Zafar ');
    expect([...wrapper(view)!.classList]).toEqual(['fc-tag', 'fc-allegation', 'fc-mine']);
    view.destroy();
  });

  it('follows changed and removed decorations', () => {
    const view = viewWith('fc-tag fc-allegation');
    setClasses(view, 'fc-tag fc-denial fc-disputed');
    expect([...wrapper(view)!.classList].sort()).toEqual(['fc-denial', 'fc-disputed', 'fc-tag']);
    setClasses(view, 'fc-tag');
    expect([...wrapper(view)!.classList]).toEqual(['fc-tag']);
    setClasses(view, null);
    expect(wrapper(view)).toBeNull();
    expect(view.dom.querySelector('p')?.textContent).toBe('Ali Zafar denied the allegations.');
    view.destroy();
  });

  it('ignores extra spaces in a class string', () => {
    const view = viewWith('  fc-tag   fc-rumour ');
    expect([...wrapper(view)!.classList]).toEqual(['fc-tag', 'fc-rumour']);
    view.destroy();
  });
});

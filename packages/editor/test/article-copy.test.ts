// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { EditorView } from 'prosemirror-view';
import { Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import {
  createAnchor,
  getContent,
  projectFragment,
  TAGGING_ORIGIN,
  writeAnnotation,
  type Label,
} from '@factcheck/core';
import { articleSchema, drawSharedArticle, type CopyNode } from '../src/index.js';
import { createRandom, seedsToRun, type Random } from '../../core/test/helpers/seeded-random.js';
import { b, editorStateFor, ydocFrom } from './editor-fixtures.js';

/**
 * The server draws each article as the editor would (`drawSharedArticle`) for browsers that have
 * never opened it. The drawing must equal what ProseMirror's own view draws for the same document
 * and tags, element for element: checked against a real EditorView here.
 * Replay a seed with `SEED=<n> npx vitest run packages/editor/test/article-copy.test.ts`.
 */

const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = seedsToRun(REGRESSION_SEEDS, 60, 5);

/** Attributes both drawings are compared on: what a reading copy keeps. */
const COMPARED = ['class', 'data-tag-ids', 'dir', 'href', 'title', 'start'];

/** The editor's DOM as a copy tree: widgets and ProseMirror's own classes left out. */
function captured(node: Node): CopyNode | null {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  if (element.getAttribute('contenteditable') === 'false') return null;
  // ProseMirror's image hack for Safari's caret, added in jsdom (it looks like Safari) only.
  if (element.tagName === 'IMG' && element.classList.contains('ProseMirror-separator')) return null;
  const attrs: Record<string, string> = {};
  for (const name of COMPARED) {
    let value = element.getAttribute(name);
    if (name === 'class' && value !== null)
      value = value
        .split(/\s+/)
        .filter((c) => c.startsWith('fc-tag'))
        .join(' ');
    if (value) attrs[name] = value;
  }
  const children = [...element.childNodes].map(captured).filter((child) => child !== null);
  return [element.tagName.toLowerCase(), attrs, ...children];
}

/** The drawing with only the compared attributes. */
function normalized(node: CopyNode): CopyNode {
  if (typeof node === 'string') return node;
  const [tag, attrs, ...children] = node;
  const kept: Record<string, string> = {};
  for (const name of COMPARED) if (attrs[name]) kept[name] = attrs[name];
  return [tag, kept, ...children.map(normalized)];
}

function viewDrawing(ydoc: Y.Doc): CopyNode[] {
  const view = new EditorView(document.createElement('div'), { state: editorStateFor(ydoc) });
  try {
    return [...view.dom.childNodes].map(captured).filter((child) => child !== null);
  } finally {
    view.destroy();
  }
}

const author = { id: 'r1', name: 'Reviewer One' };

function tag(ydoc: Y.Doc, id: string, label: Label, from: number, to: number, by = author): void {
  const anchor = createAnchor(projectFragment(getContent(ydoc)), from, to);
  if (anchor)
    ydoc.transact(() => writeAnnotation(ydoc, id, { label, author: by, ...anchor }), TAGGING_ORIGIN);
}

function tagQuote(ydoc: Y.Doc, id: string, label: Label, quote: string): void {
  const from = projectFragment(getContent(ydoc)).text.indexOf(quote);
  if (from < 0) throw new Error(`"${quote}" not in the article`);
  tag(ydoc, id, label, from, from + quote.length);
}

const { doc, p, h2, quote, ul, ol, li, br, hr, em, strong } = b;
const link = (href: string, text: string) =>
  articleSchema.text(text, [articleSchema.marks.link.create({ href })]);

describe('an article drawn without the editor', () => {
  it('draws blocks, marks, links and overlapping highlights as the editor does', () => {
    const ydoc = ydocFrom(
      doc(
        h2('Court hears the case'),
        p('Ali Zafar ', strong('categorically denied'), ' the ', em('harassment ', strong('claims')), '.'),
        p('Sources ', link('https://example.org/report', 'alleged'), ' a cover-up', br(), 'and more.'),
        quote(p('A rumour spread online.')),
        ul(li(p('first point')), li(p('second ', em('point')))),
        ol(li(p('numbered'))),
        hr(),
        p(),
        p('اردو میں ایک جملہ 🙂 ends here'),
      ),
    );
    tagQuote(ydoc, 'd1', 'denial', 'categorically denied the harass');
    tagQuote(ydoc, 'a1', 'allegation', 'denied the harassment claims.\n\nSources alleged');
    tagQuote(ydoc, 'r1', 'rumour', 'cover-up\nand');
    tagQuote(ydoc, 'r2', 'rumour', 'A rumour spread');
    tagQuote(ydoc, 'a2', 'allegation', 'second point');
    tagQuote(ydoc, 'u1', 'rumour', 'ایک جملہ 🙂');
    const drawn = drawSharedArticle(ydoc).map(normalized);
    expect(drawn).toEqual(viewDrawing(ydoc));
    // It is a real drawing: highlights, overlaps and the trailing break of the empty paragraph.
    expect(JSON.stringify(drawn)).toContain('fc-tag fc-tag--allegation fc-tag--denial fc-tag--overlap');
    expect(drawn).toContainEqual(['p', { dir: 'auto' }, ['br', {}]]);
  });

  it('draws an empty article and one without tags', () => {
    expect(drawSharedArticle(ydocFrom(doc(p())))).toEqual([['p', { dir: 'auto' }, ['br', {}]]]);
    const plain = ydocFrom(doc(p('Just text.')));
    expect(drawSharedArticle(plain)).toEqual([['p', { dir: 'auto' }, 'Just text.']]);
  });

  it.each(SEEDS)('equals the editor’s drawing of a random article with random tags (seed %i)', (seed) => {
    const random = createRandom(seed);
    const ydoc = ydocFrom(randomArticle(random));
    const length = projectFragment(getContent(ydoc)).text.length;
    const labels: Label[] = ['allegation', 'denial', 'rumour'];
    for (let i = 0; i < random.between(0, 12) && length > 1; i++) {
      const from = random.int(length - 1);
      const to = Math.min(length, from + 1 + random.int(40));
      tag(ydoc, `t${i}`, random.pick(labels), from, to);
    }
    expect(drawSharedArticle(ydoc).map(normalized), `seed ${seed}`).toEqual(viewDrawing(ydoc));
  });
});

const WORDS = ['Ali', 'Meesha', 'denied', 'the', 'claim', 'court', 'rumour', 'اردو', '🙂', 'said'];

function randomMarks(random: Random): readonly Mark[] {
  const marks: Mark[] = [];
  if (random.chance(0.2))
    marks.push(articleSchema.marks.link.create({ href: `https://example.org/${random.int(3)}` }));
  if (random.chance(0.25)) marks.push(articleSchema.marks.em.create());
  if (random.chance(0.25)) marks.push(articleSchema.marks.strong.create());
  if (random.chance(0.05)) marks.push(articleSchema.marks.code.create());
  return Mark.setFrom(marks);
}

function randomInline(random: Random): ProseMirrorNode[] {
  const nodes: ProseMirrorNode[] = [];
  for (let i = 0; i < random.between(0, 6); i++) {
    if (random.chance(0.1)) {
      nodes.push(articleSchema.nodes.hard_break.create());
      continue;
    }
    const words = Array.from({ length: random.between(1, 4) }, () => random.pick(WORDS)).join(' ');
    nodes.push(articleSchema.text(`${words} `, randomMarks(random)));
  }
  return nodes;
}

function randomBlock(random: Random): ProseMirrorNode {
  const { paragraph, heading, blockquote, bullet_list, list_item, horizontal_rule } = articleSchema.nodes;
  const roll = random.int(10);
  if (roll === 0) return heading.create({ level: random.between(1, 3) }, randomInline(random));
  if (roll === 1) return blockquote.create(null, paragraph.create(null, randomInline(random)));
  if (roll === 2)
    return bullet_list.create(null, [
      list_item.create(null, paragraph.create(null, randomInline(random))),
      list_item.create(null, paragraph.create(null, randomInline(random))),
    ]);
  if (roll === 3) return horizontal_rule.create();
  return paragraph.create(null, randomInline(random));
}

function randomArticle(random: Random): ProseMirrorNode {
  return articleSchema.nodes.doc.create(
    null,
    Array.from({ length: random.between(1, 8) }, () => randomBlock(random)),
  );
}

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createAnchor,
  getContent,
  parsePlainTextArticle,
  projectFragment,
  writeAnnotation,
  writeArticle,
  type Label,
} from '@factcheck/core';
import { buildExportModel } from '../src/export-model.js';

function article(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(doc, parsePlainTextArticle(['Title line', ...paragraphs].join('\n')));
  return doc;
}

function tag(doc: Y.Doc, quote: string, label: Label, authorId = 'r1', occurrence = 0): void {
  const projection = projectFragment(getContent(doc));
  let from = -1;
  for (let i = 0; i <= occurrence; i++) from = projection.text.indexOf(quote, from + 1);
  const anchor = createAnchor(projection, from, from + quote.length)!;
  writeAnnotation(doc, `t-${quote}-${label}`, { label, author: { id: authorId, name: authorId }, ...anchor });
}

describe('export model', () => {
  it('counts published offsets in code points, so an emoji earlier in the text does not shift them', () => {
    const doc = article(['Fans 😀 reacted.', 'Zafar denied it – firmly.']);
    tag(doc, 'denied it', 'denial');
    const model = buildExportModel(doc, { id: 'a1', baseUrl: 'http://localhost:8080/' });
    expect(model.text).toBe('Fans 😀 reacted.\n\nZafar denied it – firmly.');
    const [only] = model.tags;
    expect(model.text.slice(only.from, only.to)).toBe('denied it');
    expect([...model.text].slice(only.start, only.end).join('')).toBe('denied it');
    expect(only.start).toBe(only.from - 1);
    expect(model.sourceIri).toBe('http://localhost:8080/articles/a1');
  });

  it('cuts blocks into pieces at tag boundaries, overlaps carrying every tag', () => {
    const doc = article(['Ali Zafar denied the claims.']);
    tag(doc, 'Ali Zafar denied', 'allegation');
    tag(doc, 'denied the claims', 'denial', 'r2');
    const model = buildExportModel(doc, { id: 'a1', baseUrl: 'http://x' });
    const pieces = model.blocks[0].pieces.map((piece) => [piece.text, piece.tagIds.length]);
    expect(pieces).toEqual([
      ['Ali Zafar ', 1],
      ['denied', 2],
      [' the claims', 1],
      ['.', 0],
    ]);
    expect(model.blocks[0].pieces.map((piece) => piece.text).join('')).toBe(model.text);
  });

  it('filters by label and reviewer and lists orphans apart', () => {
    const doc = article(['One claim here.', 'Another denial there.']);
    tag(doc, 'claim', 'allegation', 'r1');
    tag(doc, 'denial', 'denial', 'r2');
    tag(doc, 'there', 'rumour', 'r2');
    const paragraph = getContent(doc).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).delete(0, 'One claim here.'.length);
    const all = buildExportModel(doc, { id: 'a', baseUrl: 'http://x' });
    expect(all.tags.map((t) => t.label)).toEqual(['denial', 'rumour']);
    expect(all.orphans.map((t) => t.quote)).toEqual(['claim']);
    const filtered = buildExportModel(doc, {
      id: 'a',
      baseUrl: 'http://x',
      filter: { labels: ['rumour'], authors: ['r2'] },
    });
    expect(filtered.tags.map((t) => t.quote)).toEqual(['there']);
    expect(filtered.orphans).toHaveLength(0);
  });
});

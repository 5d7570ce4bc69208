import { describe, expect, it } from 'vitest';
import { getContent, projectFragment } from '@factcheck/core';
import { indexPmText, pmPosFromText, showsText, textFromPmPos } from '../src/index.js';
import { b, ydocFrom } from './editor-fixtures.js';

const { doc, p, h1, h2, quote, ul, ol, li, br, hr, em, strong } = b;

const richDoc = doc(
  h1('Headline'),
  p('First ', em('emphasised'), ' and ', strong('strong'), ' text.'),
  quote(p('Quoted “words”'), p('second quoted')),
  hr(),
  ul(li(p('one')), li(p('two', br(), 'lines'))),
  ol(li(p('first'), ul(li(p('nested'))))),
  h2('End'),
  p(),
  p('after empty'),
);

describe('text projection', () => {
  it('is the same from the ProseMirror document and from its Y.XmlFragment', () => {
    const ydoc = ydocFrom(richDoc);
    expect(indexPmText(richDoc).text).toBe(projectFragment(getContent(ydoc)).text);
  });

  it('joins text blocks with one blank line and turns hard breaks into newlines', () => {
    expect(indexPmText(doc(p('a'), quote(p('b')), ul(li(p('c', br(), 'd'))))).text).toBe('a\n\nb\n\nc\nd');
  });

  it('converts every offset to a position and back', () => {
    const index = indexPmText(richDoc);
    for (let offset = 0; offset <= index.text.length; offset++) {
      const inSeparator = index.blocks.every(
        (block) => offset < block.textStart || offset > block.textStart + block.length,
      );
      const pos = pmPosFromText(index, offset);
      if (!inSeparator) expect(textFromPmPos(index, pos), `offset ${offset}`).toBe(offset);
      expect(richDoc.resolve(pos).parent.isTextblock, `offset ${offset}`).toBe(true);
    }
  });

  it('maps text offsets onto the same characters in the ProseMirror document', () => {
    const index = indexPmText(richDoc);
    const at = index.text.indexOf('emphasised');
    const from = pmPosFromText(index, at);
    const to = pmPosFromText(index, at + 'emphasised'.length);
    expect(richDoc.textBetween(from, to)).toBe('emphasised');
  });

  it('tells, block by block, whether a document shows a given text', () => {
    const index = indexPmText(richDoc);
    const text = projectFragment(getContent(ydocFrom(richDoc))).text;
    expect(showsText(index, text)).toBe(true);
    const at = text.indexOf('emphasised');
    // One character different, same length.
    expect(showsText(index, `${text.slice(0, at)}E${text.slice(at + 1)}`)).toBe(false);
    // A separator where the document has text, and text where it has a separator.
    const cut = index.blocks[2].textStart;
    expect(showsText(index, `${text.slice(0, cut - 2)}xx${text.slice(cut)}`)).toBe(false);
    expect(showsText(index, `${text}!`)).toBe(false);
    expect(showsText(index, text.slice(0, -1))).toBe(false);
    expect(showsText(indexPmText(doc(p())), '')).toBe(true);
  });
});

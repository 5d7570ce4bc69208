import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getContent, parsePlainTextArticle, writeArticle } from '@factcheck/core';
import { buildExportModel } from '../src/export-model.js';
import { renderTxt, txtFormat } from '../src/formats/txt.js';
import { taggedArticleDoc, taggedArticleModel } from './tagged-article-fixture.js';

/** Each text block's text read with Yjs alone (a hard break is a line break), in document order. */
function blockTexts(parent: Y.XmlFragment | Y.XmlElement): string[] {
  return parent.toArray().flatMap((child) => {
    if (!(child instanceof Y.XmlElement)) return [];
    if (['bullet_list', 'ordered_list', 'list_item', 'blockquote'].includes(child.nodeName))
      return blockTexts(child);
    const inlines = child
      .toArray()
      .map((inline) =>
        inline instanceof Y.XmlText
          ? (inline.toDelta() as { insert: string }[]).map((op) => op.insert).join('')
          : '\n',
      );
    return [inlines.join('')];
  });
}

describe('txt export', () => {
  it('is the plain text of the article, paragraphs separated by one blank line', () => {
    const paragraphs = ['Fans 😀 reacted.', 'اردو میں ایک جملہ ہے۔', 'Zafar denied it – firmly.'];
    const doc = new Y.Doc();
    writeArticle(doc, parsePlainTextArticle(['Headline', ...paragraphs].join('\n')));
    const model = buildExportModel(doc, { id: 'a1', baseUrl: 'http://x' });
    expect(renderTxt(model)).toBe(paragraphs.join('\n\n'));
  });

  it('equals the export model text exactly, hard breaks, lists and quotes included', () => {
    const doc = taggedArticleDoc();
    const model = buildExportModel(doc, { id: 'a1', baseUrl: 'http://x' });
    expect(renderTxt(model)).toBe(model.text);
    expect(renderTxt(model)).toBe(blockTexts(getContent(doc)).join('\n\n'));
    expect(renderTxt(model)).toContain('- not a list item\n1. not numbered either');
  });

  it('encodes as UTF-8 without a byte order mark', () => {
    const model = taggedArticleModel();
    const bytes = txtFormat.render(model) as Uint8Array;
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(model.text);
    expect(txtFormat.contentType).toBe('text/plain; charset=utf-8');
    expect(txtFormat.extension).toBe('txt');
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getContent, getMeta, IMPORT_ORIGIN, readArticleMeta } from '@factcheck/core';
import { articlePlainText, writeImportedArticle, type ImportedArticle } from '../src/index.js';
import { docText, editorDocOf, importIntoDoc, readFixture, yEncodingOf } from './fixtures.js';

const ARTICLE: ImportedArticle = {
  format: 'html',
  title: 'A title',
  titleDerived: false,
  meta: { outlet: 'The Daily Example', language: 'ur' },
  wordCount: 12,
  blocks: [
    { type: 'heading', level: 2, content: [{ text: 'Heading 😀', marks: {} }] },
    {
      type: 'paragraph',
      content: [
        { text: 'Plain, ', marks: {} },
        { text: 'bold', marks: { strong: true } },
        { text: ' and ', marks: {} },
        { text: 'linked', marks: { em: true, link: 'https://example.org/a' } },
        { hardBreak: true },
        { text: 'اردو', marks: { code: true } },
      ],
    },
    { type: 'blockquote', children: [{ type: 'paragraph', content: [{ text: '“Quoted”', marks: {} }] }] },
    {
      type: 'ordered_list',
      items: [
        [{ type: 'paragraph', content: [{ text: 'one', marks: {} }] }],
        [
          { type: 'paragraph', content: [{ text: 'two', marks: {} }] },
          {
            type: 'bullet_list',
            items: [[{ type: 'paragraph', content: [{ text: 'nested', marks: {} }] }]],
          },
        ],
      ],
    },
  ],
};

describe('writing an imported article into a Y.Doc', () => {
  it('fills the document in one transaction with the import origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
    writeImportedArticle(doc, ARTICLE);
    expect(origins).toEqual([IMPORT_ORIGIN]);
    expect(getMeta(doc).get('title')).toBe('A title');
    expect(getMeta(doc).get('titleDerived')).toBe(false);
    expect(readArticleMeta(doc)).toMatchObject({ outlet: 'The Daily Example', language: 'ur' });
  });

  it('refuses a document that already has content, changing nothing', () => {
    const doc = new Y.Doc();
    writeImportedArticle(doc, ARTICLE);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => writeImportedArticle(doc, { ...ARTICLE, title: 'Other' })).toThrow(/already has content/u);
    expect(getMeta(doc).get('title')).toBe('A title');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('projects to the same plain text as the blocks', () => {
    const doc = new Y.Doc();
    writeImportedArticle(doc, ARTICLE);
    expect(docText(doc)).toBe(articlePlainText(ARTICLE.blocks));
    expect(docText(doc)).toBe(
      'Heading 😀\n\nPlain, bold and linked\nاردو\n\n“Quoted”\n\none\n\ntwo\n\nnested',
    );
  });

  it('is what y-prosemirror itself writes, so the editor shows it without rewriting it', () => {
    const doc = new Y.Doc();
    writeImportedArticle(doc, ARTICLE);
    const shown = editorDocOf(doc);
    expect(shown.toJSON()).toMatchObject({
      content: [
        { type: 'heading', attrs: { level: 2 } },
        { type: 'paragraph' },
        { type: 'blockquote' },
        { type: 'ordered_list', attrs: { order: 1 } },
      ],
    });
    const linked = shown.child(1).child(3);
    expect(linked.text).toBe('linked');
    expect(linked.marks.map((mark) => mark.type.name).sort()).toEqual(['em', 'link']);
    expect(getContent(doc).toJSON()).toEqual(yEncodingOf(shown));
  });

  it('gives every fixture a document the editor schema accepts, encoded as y-prosemirror would', async () => {
    const files: [string, string][] = [
      ['news-page.html', 'text/html'],
      ['front-matter.md', 'text/markdown'],
      ['urdu-emoji.txt', 'text/plain'],
      ['libreoffice.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [name, contentType] of files) {
      const { doc } = await importIntoDoc({ bytes: readFixture(name), contentType });
      expect(getContent(doc).toJSON(), name).toEqual(yEncodingOf(editorDocOf(doc)));
    }
  });
});

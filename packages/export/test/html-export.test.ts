import * as Y from 'yjs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { getContent, LABEL_NAMES } from '@factcheck/core';
import { buildExportModel, type ExportModel } from '../src/export-model.js';
import { htmlFormat, renderHtml } from '../src/formats/html.js';
import { renderTxt } from '../src/formats/txt.js';
import {
  container,
  tagText,
  taggedArticleModel,
  textBlock,
  PLAIN_REVIEWER,
  XSS_REVIEWER,
} from './tagged-article-fixture.js';

/** The export parsed by jsdom (scripts never run), which follows the HTML parsing rules. */
function parse(model: ExportModel): Document {
  return new JSDOM(renderHtml(model)).window.document;
}

describe('html export', () => {
  const model = taggedArticleModel();
  const document = parse(model);
  const article = document.querySelector('article')!;

  it('puts the article in one <article> whose textContent is exactly the txt export', () => {
    expect(document.querySelectorAll('article')).toHaveLength(1);
    expect(article.textContent).toBe(renderTxt(model));
  });

  it('keeps textContent exact with a filter, without tags, and for carriage returns and leading newlines', () => {
    for (const variant of [
      taggedArticleModel({ labels: ['rumour'] }),
      {
        ...model,
        tags: [],
        blocks: model.blocks.map((block) => ({
          ...block,
          pieces: block.pieces.map((piece) => ({ ...piece, tagIds: [] })),
        })),
      },
    ]) {
      expect(parse(variant).querySelector('article')!.textContent).toBe(variant.text);
    }
    const doc = new Y.Doc();
    getContent(doc).insert(0, [
      textBlock(['\nstarts with a line feed,\r\nhas CRLF and\rCR']),
      textBlock(['\nline feed first'], 'code_block'),
      container('ordered_list', [
        container('list_item', [textBlock(['one'])]),
        container('list_item', [textBlock(['two'])]),
      ]),
    ]);
    tagText(doc, 't1', 'CRLF and\rCR', 'denial', PLAIN_REVIEWER);
    const tricky = buildExportModel(doc, { id: 'x', baseUrl: 'http://x' });
    expect(tricky.text).toContain('\r');
    const trickyDocument = parse(tricky);
    expect(trickyDocument.querySelector('article')!.textContent).toBe(tricky.text);
    expect(trickyDocument.querySelectorAll('article ol > li')).toHaveLength(2);
  });

  it('renders headings, lists, quotes, code, hard breaks and safe links inside the article', () => {
    expect(article.querySelector('h2')!.textContent).toBe('Background 😀 پس منظر');
    const items = article.querySelectorAll('ul > li');
    expect(items).toHaveLength(2);
    expect(items[1].querySelectorAll('p')).toHaveLength(2);
    expect(article.querySelector('blockquote code')!.textContent).toBe('in code');
    expect(article.querySelectorAll('br')).toHaveLength(2);
    expect([...article.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a?b=1&c=2',
    ]);
    expect(article.querySelector('em')!.textContent).toBe('Ali Zafar');
  });

  it('highlights each tag with marks of its label, covering exactly its quote', () => {
    for (const tag of model.tags) {
      const marks = [...article.querySelectorAll('mark')].filter((mark) =>
        mark.getAttribute('data-tag-ids')!.split(' ').includes(tag.id),
      );
      for (const mark of marks) expect(mark.classList.contains(`tag--${tag.label}`)).toBe(true);
      // Block separators sit between blocks, outside any mark.
      expect(marks.map((mark) => mark.textContent).join('')).toBe(tag.quote.replaceAll('\n\n', ''));
    }
    const overlap = article.querySelector('mark.tag--overlap')!;
    expect(overlap.classList.contains('tag--allegation') && overlap.classList.contains('tag--denial')).toBe(
      true,
    );
  });

  it('numbers each tag once in the text (CSS generated) and in the notes', () => {
    const numbers = [...article.querySelectorAll('mark[data-notes]')].flatMap((mark) =>
      mark.getAttribute('data-notes')!.match(/\d+/gu)!.map(Number),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(model.tags.map((tag) => tag.number));
    for (const tag of model.tags) {
      const note = document.getElementById(`note-${tag.number}`)!;
      expect(note.closest('ol')).not.toBeNull();
      expect(note.textContent).toContain(LABEL_NAMES[tag.label]);
      expect(note.textContent).toContain(tag.author.name);
      expect(note.textContent).toContain('2024-05-01 10:00 UTC');
      expect(note.querySelector('blockquote')!.textContent).toBe(tag.quote);
      expect(document.getElementById(`tag-${tag.number}`)!.closest('article')).toBe(article);
    }
    expect(renderHtml(model)).toMatch(
      /mark\.tag\[data-notes\]::after\s*\{[^}]*content:\s*attr\(data-notes\)/u,
    );
  });

  it('shows a hostile reviewer name as text: no element, no handler, no script', () => {
    expect(document.querySelectorAll('script, img, iframe, object, embed, link, base')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/iu);
    }
    const authors = [...document.querySelectorAll('.note-author')].map((node) => node.textContent);
    expect(authors).toContain(XSS_REVIEWER.name);
    expect(document.title).toBe(model.title);
    expect(document.querySelector('dl')!.textContent).toContain('Daily <b>Example</b>');
  });

  it('is self-contained: a CSP forbidding requests, inline CSS, charset, print rules', () => {
    const html = renderHtml(model);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(document.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
    expect(
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
    ).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/url\(|@import|src=["']|<link/iu);
    const print = html.slice(html.indexOf('@media print'));
    expect(print).toContain('print-color-adjust: exact');
    expect(print).toContain('box-decoration-break: clone');
    expect(print).toMatch(/notes-list > li[^{]*\{[^}]*break-inside: avoid/u);
  });

  it('has the metadata, a legend and a section for orphans, which stay out of the text', () => {
    const meta = document.querySelector('dl')!.textContent!;
    expect(meta).toContain('http://localhost:8080/articles/article-1');
    expect(meta).toContain('All tags');
    expect(meta).toContain('Allegation: 3');
    expect(meta).toContain('Unanchored: 1');
    const legend = document.querySelector('.legend')!.textContent!;
    for (const name of Object.values(LABEL_NAMES)) expect(legend).toContain(name);
    const unanchored = document.querySelector('section.unanchored')!;
    expect(unanchored.querySelector('h2')!.textContent).toBe('Unanchored tags');
    expect(unanchored.textContent).toContain('To be deleted soon.');
    expect(article.textContent).not.toContain('To be deleted soon.');
    expect(
      parse(taggedArticleModel({ labels: ['rumour'], authors: ['r-xss'] })).querySelector('dl')!.textContent,
    ).toContain(`Only labels: Unverified rumour; reviewers: ${XSS_REVIEWER.name} (r-xss)`);
  });

  it('is served as UTF-8 HTML', () => {
    expect(htmlFormat.contentType).toBe('text/html; charset=utf-8');
    expect(new TextDecoder().decode(htmlFormat.render(model) as Uint8Array)).toBe(renderHtml(model));
  });
});

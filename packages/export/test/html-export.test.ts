import * as Y from 'yjs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { getContent, LABEL_NAMES } from '@factcheck/core';
import { buildExportModel, type ExportModel } from '../src/export-model.js';
import { htmlFormat, renderHtml } from '../src/formats/html.js';
import { renderTxt } from '../src/formats/txt.js';
import {
  container,
  HOSTILE_COMMENT,
  LEAD_REVIEWER,
  reviewedArticleModel,
  SCRIPT_URL,
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

  it('numbers notes by their place in the list, which is their tag number (no value attributes)', () => {
    const items = [...document.querySelectorAll('ol.notes-list > li')];
    expect(items.map((item) => item.id)).toEqual(model.tags.map((tag) => `note-${tag.number}`));
    expect(model.tags.map((tag) => tag.number)).toEqual(model.tags.map((_, index) => index + 1));
    expect(document.querySelector('ol.notes-list')!.hasAttribute('start')).toBe(false);
    expect(document.querySelector('ol.notes-list > li[value]')).toBeNull();
  });

  it('leaves out of a page made for print only what paper cannot use: links, tooltips, ids', () => {
    const printed = new JSDOM(renderHtml(model, { print: true })).window.document;
    expect(document.querySelectorAll('a.back-link')).toHaveLength(model.tags.length);
    expect(
      printed.querySelectorAll(
        'a.back-link, [title], [id^="tag-"], [id^="note-"], [data-tag-ids], [data-tag-id]',
      ),
    ).toHaveLength(0);
    const printedArticle = printed.querySelector('article')!;
    expect(printedArticle.textContent).toBe(article.textContent);
    const highlights = (root: Element) =>
      [...root.querySelectorAll('mark')].map((mark) => [
        mark.className,
        mark.getAttribute('data-notes'),
        mark.textContent,
      ]);
    expect(highlights(printedArticle)).toEqual(highlights(article));
    const notesForPaper = (page: Document) =>
      [...page.querySelectorAll('ol.notes-list > li')].map((item) => {
        const copy = item.cloneNode(true) as Element;
        copy.querySelector('a.back-link')?.remove();
        copy.removeAttribute('id');
        copy.removeAttribute('data-tag-id');
        return [copy.className, copy.innerHTML.replace(/ <\/p>/gu, '</p>')];
      });
    expect(notesForPaper(printed)).toEqual(notesForPaper(document));
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

describe('html export of a reviewed article', () => {
  const model = reviewedArticleModel();
  const document = parse(model);
  const noteOf = (id: string) => document.querySelector(`li[data-tag-id="${id}"]`)!;

  it('still keeps the article text exact and nothing in it runs', () => {
    expect(document.querySelector('article')!.textContent).toBe(model.text);
    expect(document.querySelectorAll('script, img, iframe, object, embed, link, base, i')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/iu);
    }
  });

  it("shows a tag's thread with author, time and text, deleted comments left out, as text", () => {
    const comments = [...noteOf('tag-denial').querySelectorAll('ol.note-thread > li')];
    expect(comments).toHaveLength(2);
    expect(comments[0].querySelector('.comment-head')!.textContent).toBe(
      `${XSS_REVIEWER.name} · 2024-05-02 09:01 UTC`,
    );
    expect(comments[0].querySelector('.comment-text')!.textContent).toBe(HOSTILE_COMMENT);
    expect(comments[0].querySelector('.comment-text')!.children).toHaveLength(0);
    expect(comments[1].classList.contains('comment--reply')).toBe(true);
    expect(comments[1].querySelector('.comment-head')!.textContent).toBe(
      `${PLAIN_REVIEWER.name} · 2024-05-02 09:02 UTC · edited 2024-05-02 09:03 UTC · in reply to ${XSS_REVIEWER.name}`,
    );
    expect(noteOf('tag-denial').textContent).not.toContain('Never mind.');
  });

  it('shows claimant, subject, verdict, the tag it answers and evidence; only http(s) evidence is a link', () => {
    const note = noteOf('tag-denial');
    const lines = [...note.querySelectorAll('.note-review > p')].map((p) => p.textContent);
    const across = model.tags.find((tag) => tag.id === 'tag-across')!;
    expect(lines).toEqual([
      `Verdict: False <b>claim</b> (resolved by ${LEAD_REVIEWER.name}, 2024-05-02 09:10 UTC)`,
      'Claimant: Ali <Zafar> · Subject: Meesha Shafi',
      `Responds to tag ${across.number}`,
    ]);
    const evidence = [...note.querySelectorAll('ul.note-evidence > li')];
    expect(evidence.map((item) => item.textContent)).toEqual([
      `Supports: https://example.org/statement?a=1&b=(2) — The statement <i>itself</i> (${PLAIN_REVIEWER.name}, 2024-05-02 09:06 UTC)`,
      `Refutes: ${SCRIPT_URL} (${XSS_REVIEWER.name}, 2024-05-02 09:07 UTC)`,
    ]);
    expect([...note.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))).toEqual([
      '#tag-1',
      'https://example.org/statement?a=1&b=(2)',
    ]);
    expect(document.querySelector(`a[href^="javascript"]`)).toBeNull();
    expect(note.querySelector('a.evidence-url')!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('marks the decided tag "Decided by <lead>" in its note and its highlight', () => {
    const decided = model.tags.find((tag) => tag.adjudicated)!;
    const note = noteOf(decided.id);
    expect(note.classList.contains('note--decided')).toBe(true);
    expect(note.querySelector('.note-decided')!.textContent).toBe(
      `Decided by ${LEAD_REVIEWER.name}, 2024-05-02 09:00 UTC`,
    );
    expect(note.querySelector('.note-author')!.textContent).toBe(LEAD_REVIEWER.name);
    const mark = [...document.querySelectorAll('mark')].find((candidate) =>
      candidate.getAttribute('data-tag-ids')!.split(' ').includes(decided.id),
    )!;
    expect(mark.getAttribute('title')).toContain('(decided)');
    expect(document.querySelector('dl')!.textContent).toContain(
      'Decided tags where a lead settled a passage',
    );
    expect(parse(reviewedArticleModel('all')).querySelector('.note-decided')).toBeNull();
  });

  it('marks a disputed tag and shows comments on an orphan in the unanchored section', () => {
    expect(noteOf('tag-list').querySelector('.note-review')!.textContent).toBe('Status: disputed');
    const orphan = document.querySelector('section.unanchored li')!;
    expect(orphan.querySelector('.comment-text')!.textContent).toBe('Its text was <em>deleted</em>.');
    expect(orphan.querySelector('em')).toBeNull();
  });

  it('adds nothing to the notes of a tag without review', () => {
    expect(noteOf('tag-overlap').querySelector('.note-review')).toBeNull();
  });
});

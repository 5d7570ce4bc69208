import { JSDOM } from 'jsdom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getContent } from '@factcheck/core';
import { buildExportModel } from '../src/export-model.js';
import { mdFormat, renderMarkdown, TAG_CLOSE, TAG_OPEN } from '../src/formats/md.js';
import {
  container,
  HOSTILE_COMMENT,
  LEAD_REVIEWER,
  PLAIN_REVIEWER,
  reviewedArticleModel,
  SCRIPT_URL,
  tagText,
  taggedArticleModel,
  textBlock,
  XSS_REVIEWER,
} from './tagged-article-fixture.js';

/** The Markdown rendered by micromark with GitHub's extensions, raw HTML let through, as a DOM. */
function renderWithGfm(markdown: string): Document {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return new JSDOM(html).window.document;
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

describe('md export', () => {
  const model = taggedArticleModel();
  const markdown = renderMarkdown(model);
  const rendered = renderWithGfm(markdown);

  it('titles the file and lists the metadata', () => {
    expect(markdown.startsWith('# Zafar &amp; &lt;Shafi&gt;: the \\*defamation\\* case 😀\n')).toBe(true);
    expect(rendered.querySelector('h1')!.textContent).toBe(model.title);
    const meta = rendered.querySelector('ul')!.textContent!;
    expect(meta).toContain('Article IRI: http://localhost:8080/articles/article-1');
    expect(meta).toContain('Allegation 3, Denial 2, Unverified rumour 1; unanchored 1');
    expect(meta).toContain('source: Daily <b>Example</b>');
  });

  it('renders the article text unchanged: nothing in it becomes markup', () => {
    const parts: string[] = [];
    let node = rendered.querySelector('hr')!.nextElementSibling;
    while (node && node.textContent !== 'Unanchored tags') {
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('sup').forEach((sup) => sup.remove());
      parts.push(copy.textContent!);
      node = node.nextElementSibling;
    }
    expect(parts.length).toBeGreaterThan(5);
    const text = parts.join(' ').replaceAll(TAG_OPEN, '').replaceAll(TAG_CLOSE, '');
    expect(collapse(text)).toBe(collapse(model.text));
    expect(rendered.querySelectorAll('h1')).toHaveLength(1);
    expect(rendered.querySelector('b')).toBeNull();
    expect([...rendered.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Background 😀 پس منظر',
      'Unanchored tags',
      'Footnotes',
    ]);
  });

  it('keeps lists, quotes, hard breaks and inline formatting; links only for http(s)', () => {
    expect(rendered.querySelector('blockquote')!.textContent).toContain('quoted denial');
    const items = [...rendered.querySelectorAll('ul')].at(1)!.querySelectorAll(':scope > li');
    expect(items).toHaveLength(2);
    expect(items[1].querySelectorAll('p')).toHaveLength(2);
    expect(rendered.querySelector('em')!.textContent).toBe('Ali Zafar');
    expect(rendered.querySelector('p strong')!.textContent).toBe('the claims');
    expect(rendered.querySelector('blockquote code')!.textContent).toBe('in code');
    expect(rendered.querySelectorAll('br').length).toBeGreaterThanOrEqual(2);
    const hrefs = [...rendered.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    expect(hrefs).toContain('https://example.org/a?b=1&c=2');
    expect(hrefs.filter((href) => !href.startsWith('#'))).toEqual([
      'http://localhost:8080/articles/article-1',
      'https://example.org/a?b=1&c=2',
    ]);
  });

  it('marks tagged text with brackets and a footnote reference after each tag', () => {
    expect(markdown).toContain(`${TAG_OPEN}<em>Ali Zafar</em> denied <strong>the claims</strong>[^1]`);
    expect(markdown).toContain(`${TAG_OPEN}Meesha accused him${TAG_CLOSE}[^3]`);
    const refs = [...rendered.querySelectorAll('sup a[data-footnote-ref]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(refs.sort()).toEqual(model.tags.map((tag) => `#user-content-fn-${tag.number}`).sort());
  });

  it('gives every tag a footnote with its label, reviewer, time and quote', () => {
    const footnotes = [...rendered.querySelectorAll('section[data-footnotes] li')];
    expect(footnotes).toHaveLength(model.tags.length);
    for (const tag of model.tags) {
      expect(markdown).toContain(`[^${tag.number}]: `);
      const note = rendered.getElementById(`user-content-fn-${tag.number}`)!.textContent!;
      expect(note).toContain(tag.author.name);
      expect(note).toContain('2024-05-01 10:00 UTC');
      expect(collapse(note)).toContain(collapse(tag.quote));
    }
    expect(rendered.getElementById('user-content-fn-1')!.textContent).toContain('Denial');
  });

  it('shows a hostile reviewer name as text, never as an element', () => {
    expect(markdown).not.toMatch(/<img/iu);
    expect(rendered.querySelector('img')).toBeNull();
    expect(rendered.body.textContent).toContain(XSS_REVIEWER.name);
  });

  it('lists orphans in an "Unanchored tags" section, not in the text', () => {
    const heading = [...rendered.querySelectorAll('h2')].find((h) => h.textContent === 'Unanchored tags')!;
    const list = heading.nextElementSibling!.nextElementSibling!;
    expect(list.textContent).toContain('Unverified rumour');
    expect(list.textContent).toContain('To be deleted soon.');
    expect(markdown.indexOf('To be deleted soon.')).toBeGreaterThan(markdown.indexOf('## Unanchored tags'));
  });

  it('renders ordered and nested lists, a trailing hard break and a link with parentheses', () => {
    const doc = new Y.Doc();
    getContent(doc).insert(0, [
      container('ordered_list', [
        container('list_item', [
          textBlock(['first']),
          container('bullet_list', [
            container('list_item', [
              textBlock(['nested ', { text: 'wiki', href: 'https://en.wikipedia.org/wiki/A_(b)' }]),
            ]),
          ]),
        ]),
        container('list_item', [textBlock(['second ends with a break', 'hard_break'])]),
      ]),
    ]);
    tagText(doc, 't1', 'nested', 'rumour', PLAIN_REVIEWER);
    const small = buildExportModel(doc, { id: 'x', baseUrl: 'http://x' });
    const page = renderWithGfm(renderMarkdown(small));
    const items = page.querySelector('ol')!.querySelectorAll(':scope > li');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('ul > li')!.textContent).toBe(`${TAG_OPEN}nested${TAG_CLOSE}1 wiki`);
    expect(items[0].querySelector('a[href^="https:"]')!.getAttribute('href')).toBe(
      'https://en.wikipedia.org/wiki/A_(b)',
    );
    expect(items[1].textContent!.trim()).toBe('second ends with a break');
  });

  it('is served as UTF-8 Markdown', () => {
    expect(mdFormat.contentType).toBe('text/markdown; charset=utf-8');
    expect(new TextDecoder().decode(mdFormat.render(model) as Uint8Array)).toBe(markdown);
  });
});

describe('md export of a reviewed article', () => {
  const model = reviewedArticleModel();
  const markdown = renderMarkdown(model);
  const rendered = renderWithGfm(markdown);
  const footnote = (id: string) => {
    const tag = model.tags.find((candidate) => candidate.id === id)!;
    return rendered.getElementById(`user-content-fn-${tag.number}`)!;
  };
  const items = (note: Element) =>
    [...note.querySelectorAll('li')].map((item) => collapse(item.textContent!.replace(/↩/gu, '')));

  it('lists the review inside the footnote: verdict, claimant, link, evidence and the thread', () => {
    const across = model.tags.find((tag) => tag.id === 'tag-across')!;
    expect(items(footnote('tag-denial'))).toEqual([
      `Verdict: False <b>claim</b> (resolved by ${LEAD_REVIEWER.name}, 2024-05-02 09:10 UTC)`,
      'Claimant: Ali <Zafar> · Subject: Meesha Shafi',
      `Responds to tag ${across.number}`,
      `Evidence, supports: https://example.org/statement?a=1&b=(2) — The statement <i>itself</i> (${PLAIN_REVIEWER.name}, 2024-05-02 09:06 UTC)`,
      `Evidence, refutes: ${SCRIPT_URL} (${XSS_REVIEWER.name}, 2024-05-02 09:07 UTC)`,
      `${XSS_REVIEWER.name} · 2024-05-02 09:01 UTC: ${collapse(HOSTILE_COMMENT)}`,
      `${PLAIN_REVIEWER.name} · 2024-05-02 09:02 UTC · edited 2024-05-02 09:03 UTC · in reply to ${XSS_REVIEWER.name}: His statement of 19 April 2018.`,
    ]);
    expect(markdown).not.toContain('Never mind.');
  });

  it('keeps every reviewer text as text and links only http(s) evidence', () => {
    expect(rendered.querySelectorAll('img, b, i, script')).toHaveLength(0);
    expect(markdown).not.toMatch(/<img|<b>|<i>/iu);
    const hrefs = [...rendered.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    expect(hrefs).toContain('https://example.org/statement?a=1&b=(2)');
    expect(hrefs.filter((href) => /^javascript:/iu.test(href))).toEqual([]);
    expect(rendered.querySelectorAll('strong em, em strong')).toHaveLength(0);
  });

  it('marks the decided tag and a disputed one, and keeps comments of an orphan with it', () => {
    const decided = model.tags.find((tag) => tag.adjudicated)!;
    const note = rendered.getElementById(`user-content-fn-${decided.number}`)!;
    expect(note.querySelector('ul li strong')!.textContent).toBe(
      `Decided by ${LEAD_REVIEWER.name}, 2024-05-02 09:00 UTC`,
    );
    expect(items(note)).toContain(
      `Verdict: Accurate (resolved by ${LEAD_REVIEWER.name}, 2024-05-02 09:11 UTC)`,
    );
    expect(items(footnote('tag-list'))).toEqual(['Status: disputed']);
    expect(items(footnote('tag-overlap'))).toEqual([]);
    const heading = [...rendered.querySelectorAll('h2')].find((h) => h.textContent === 'Unanchored tags')!;
    const orphans = heading.nextElementSibling!.nextElementSibling!;
    expect(orphans.querySelector('li li')!.textContent).toBe(
      `${XSS_REVIEWER.name} · 2024-05-02 09:13 UTC: Its text was <em>deleted</em>.`,
    );
    expect(rendered.body.textContent).toContain('View: Decided tags where a lead settled a passage');
  });
});

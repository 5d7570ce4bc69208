import { JSDOM } from 'jsdom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, safeLinkHref } from '../src/formats/escape.js';

const NASTY = [
  '<img src=x onerror=alert(1)>',
  `"quoted" & 'single' </p><script>alert(1)</script>`,
  'carriage\rreturn and\r\nCRLF',
  '# heading?',
  '- list?',
  '+ list?',
  '* list?',
  '1. numbered?',
  '12) numbered?',
  '===',
  '---',
  '    indented code?',
  '\tindented by a tab',
  '> quote?',
  '*em* **strong** _em_ __strong__ `code` ~~strike~~',
  '[link](http://x) ![img](x.png) <http://auto> [^1] [ref]: /x',
  '| a | b |',
  '$x^2$ and \\* backslash',
  '&amp; &copy; &#65;',
  'emoji 😀 👩‍👩‍👧 and اردو',
  'see https://example.org/a_(b) or www.example.org, write to desk@example.org or mailto:x@y.z',
];

describe('escaping for html', () => {
  it.each(NASTY)('keeps %j as text in an element and an attribute', (text) => {
    const { document } = new JSDOM(`<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`).window;
    const paragraph = document.querySelector('p')!;
    expect(paragraph.textContent).toBe(text);
    expect(paragraph.getAttribute('title')).toBe(text);
    expect(paragraph.children).toHaveLength(0);
  });

  it('makes links of http(s) and mailto URLs only', () => {
    expect(safeLinkHref('https://example.org/x?y=1')).toBe('https://example.org/x?y=1');
    expect(safeLinkHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/relative',
      'file:///etc',
      '',
    ]) {
      expect(safeLinkHref(href)).toBeUndefined();
    }
    expect(safeLinkHref(undefined)).toBeUndefined();
  });
});

describe('escaping for markdown', () => {
  it.each(NASTY)('shows %j as written, at the start of a line too', (text) => {
    const html = micromark(escapeMarkdown(text.replace(/\r\n?/gu, ' '), true), {
      allowDangerousHtml: true,
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()],
    });
    const { document } = new JSDOM(html).window;
    expect(document.body.children).toHaveLength(1);
    const paragraph = document.body.firstElementChild!;
    expect(paragraph.tagName).toBe('P');
    expect(paragraph.children).toHaveLength(0);
    expect(paragraph.textContent).toBe(text.replace(/\r\n?/gu, ' '));
  });

  it('leaves line-start characters alone in the middle of a line', () => {
    expect(escapeMarkdown('a - b + c = d 1. e')).toBe('a - b + c = d 1. e');
  });
});

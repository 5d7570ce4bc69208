import { describe, expect, it } from 'vitest';
import {
  isAllowedTag,
  keptAttributes,
  readingCopyHtml,
} from '../src/article/reading-copy/reading-copy-tree.js';

const reader = (attributes: Record<string, string>) => (name: string) => attributes[name] ?? null;

describe('reading copy allowlist', () => {
  it('allows the elements the editor draws and nothing that runs or loads', () => {
    for (const tag of ['p', 'h2', 'blockquote', 'ul', 'li', 'em', 'strong', 'a', 'span', 'br', 'code'])
      expect(isAllowedTag(tag), tag).toBe(true);
    for (const tag of ['script', 'img', 'iframe', 'style', 'object', 'svg', 'div', 'input', 'button'])
      expect(isAllowedTag(tag), tag).toBe(false);
  });

  it('keeps highlight classes, tag ids and direction, and drops every other attribute', () => {
    expect(
      keptAttributes(
        'span',
        reader({
          class: 'fc-tag fc-tag--denial fc-tag--overlap ProseMirror-yjs-selection other',
          'data-tag-ids': 'a1_b-2 c3',
          dir: 'rtl',
          style: 'color: red',
          onclick: 'alert(1)',
        }),
      ),
    ).toEqual({ class: 'fc-tag fc-tag--denial fc-tag--overlap', 'data-tag-ids': 'a1_b-2 c3', dir: 'rtl' });
    expect(keptAttributes('span', reader({ 'data-tag-ids': 'x"><img src=x onerror=1>' }))).toEqual({});
    expect(keptAttributes('p', reader({ dir: 'sideways' }))).toEqual({});
  });

  it('keeps web and mail links only, on links only', () => {
    expect(keptAttributes('a', reader({ href: ' https://example.org/a ', title: 'Source' }))).toEqual({
      href: 'https://example.org/a',
      title: 'Source',
    });
    expect(keptAttributes('a', reader({ href: 'mailto:desk@example.org' }))).toEqual({
      href: 'mailto:desk@example.org',
    });
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil',
    ])
      expect(keptAttributes('a', reader({ href })), href).toEqual({});
    expect(keptAttributes('span', reader({ href: 'https://example.org' }))).toEqual({});
    expect(keptAttributes('ol', reader({ start: '3' }))).toEqual({ start: '3' });
    expect(keptAttributes('ol', reader({ start: '3; x' }))).toEqual({});
  });

  it('writes a stored copy as escaped markup of allowed elements only', () => {
    expect(
      readingCopyHtml([
        [
          'p',
          { dir: 'auto', onclick: 'x()' },
          'a < b & "c" ',
          ['span', { class: 'fc-tag', 'data-tag-ids': 't1' }, 'd'],
        ],
        ['script', {}, 'alert(1)'],
        ['img', { src: 'x', onerror: 'alert(1)' }],
        [
          'p',
          {},
          ['a', { href: 'https://example.org/?a=1&b="2"' }, 'e'],
          ['br', {}, 'ignored'],
          ['iframe', {}, 'f'],
        ],
        ['h2', 'not attributes', 'g'],
        42,
        null,
        ['blockquote', { class: 'fc-tag--denial" onmouseover="x()' }, 'h'],
      ]),
    ).toBe(
      '<p dir="auto">a &lt; b &amp; "c" <span class="fc-tag" data-tag-ids="t1">d</span></p>' +
        '<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;">e</a><br></p>' +
        '<h2>g</h2>' +
        '<blockquote>h</blockquote>',
    );
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  deriveTitle,
  getContent,
  getMeta,
  getTitle,
  parsePlainTextArticle,
  projectFragment,
  writeArticle,
} from '../src/index.js';
import { corpusArticle } from './helpers/corpus.js';

const article = corpusArticle;

function nonEmptyLines(raw: string): string[] {
  return raw.split(/\r\n|\r|\n/u).filter((line) => line.trim().length > 0);
}

describe('the corpus article with a headline line (000)', () => {
  const raw = article('000_');
  const parsed = parsePlainTextArticle(raw);

  it('takes the headline as the title and drops its repeat', () => {
    expect(parsed.title).toBe('Iffat Omar, Ali Zafar Get Into Twitter Spat Over Defamation Case');
    expect(parsed.titleDerived).toBe(false);
    expect(parsed.paragraphs[0].startsWith('Pakistani actress')).toBe(true);
    expect(parsed.paragraphs).not.toContain(parsed.title);
  });

  it('keeps every other non-empty line byte-exact, one paragraph each', () => {
    expect(parsed.paragraphs).toEqual(nonEmptyLines(raw).slice(2));
  });
});

describe.each(['001_', '002_'])('the corpus article opening with body text (%s)', (prefix) => {
  const raw = article(prefix);
  const parsed = parsePlainTextArticle(raw);
  const lines = nonEmptyLines(raw);

  it('derives a short title cut at a word boundary', () => {
    expect(parsed.titleDerived).toBe(true);
    expect(parsed.title.length).toBeLessThanOrEqual(61);
    expect(parsed.title.endsWith('…')).toBe(true);
    const head = parsed.title.slice(0, -1);
    expect(lines[0].startsWith(head)).toBe(true);
    // The cut falls where a word ends: the opening line continues with a space there.
    expect(lines[0][head.length]).toMatch(/\s/u);
    expect(head).not.toMatch(/\s$/u);
  });

  it('keeps the first paragraph and every line as a paragraph', () => {
    expect(parsed.paragraphs[0]).toBe(lines[0]);
    expect(parsed.paragraphs).toEqual(lines);
  });
});

describe('typography', () => {
  const MARKS = ['’', '“', '”', '–', '\u00a0'];

  it.each(['000_', '001_', '002_'])(
    'keeps curly quotes, en dashes and non-breaking spaces byte-exact (%s)',
    (prefix) => {
      const raw = article(prefix);
      const parsed = parsePlainTextArticle(raw);
      const lines = nonEmptyLines(raw);
      const headlineLines = lines.length - parsed.paragraphs.length; // 2 for 000, 0 otherwise
      expect(parsed.paragraphs.join('')).toBe(lines.slice(headlineLines).join(''));
      const count = (text: string, mark: string) => text.split(mark).length - 1;
      for (const mark of MARKS) {
        expect(count(parsed.paragraphs.join(''), mark), JSON.stringify(mark)).toBe(
          count(lines.slice(headlineLines).join(''), mark),
        );
      }
    },
  );

  it('is exercised by the corpus: every mark occurs in some paragraph', () => {
    const paragraphs = ['000_', '001_', '002_'].flatMap(
      (prefix) => parsePlainTextArticle(article(prefix)).paragraphs,
    );
    for (const mark of MARKS)
      expect(
        paragraphs.some((paragraph) => paragraph.includes(mark)),
        mark,
      ).toBe(true);
    expect(parsePlainTextArticle(article('002_')).paragraphs.join('')).toContain('Two women – Aqsa Ali');
  });

  it('round-trips through the document: the projection is the paragraphs joined by a blank line', () => {
    const parsed = parsePlainTextArticle(article('002_'));
    const doc = new Y.Doc();
    writeArticle(doc, parsed, { source: '002' });
    expect(projectFragment(getContent(doc)).text).toBe(parsed.paragraphs.join('\n\n'));
    expect(getTitle(doc)).toBe(parsed.title);
    expect(getMeta(doc).get('titleDerived')).toBe(true);
    expect(getMeta(doc).get('source')).toBe('002');
  });
});

describe('parsePlainTextArticle', () => {
  it('throws on an article with no text', () => {
    expect(() => parsePlainTextArticle('')).toThrow();
    expect(() => parsePlainTextArticle('\n \r\n\t\n')).toThrow();
    expect(() => parsePlainTextArticle('\uFEFF')).toThrow();
  });

  it('follows CRLF and CR line breaks and drops blank lines', () => {
    const parsed = parsePlainTextArticle('One, two.\r\n\r\nThree.\rFour.\n');
    expect(parsed.paragraphs).toEqual(['One, two.', 'Three.', 'Four.']);
  });

  it('does not take a single line as a headline', () => {
    const parsed = parsePlainTextArticle('Only line');
    expect(parsed).toEqual({ title: 'Only line', titleDerived: true, paragraphs: ['Only line'] });
  });

  it('does not take a line ending in a full stop as a headline', () => {
    const parsed = parsePlainTextArticle('He said so.\nThen he left.');
    expect(parsed.titleDerived).toBe(true);
    expect(parsed.paragraphs).toEqual(['He said so.', 'Then he left.']);
  });
});

describe('deriveTitle', () => {
  it('keeps a short paragraph whole and collapses its whitespace', () => {
    expect(deriveTitle('  Short\u00a0 line\there ')).toBe('Short line here');
  });

  it('cuts at a word boundary, drops trailing punctuation and adds an ellipsis', () => {
    const title = deriveTitle('Alpha beta gamma, delta – epsilon zeta', 24);
    expect(title).toBe('Alpha beta gamma, delta…');
    expect(deriveTitle('Alpha beta gamma, delta – epsilon', 25)).toBe('Alpha beta gamma, delta…');
  });

  it('cuts inside a word only when there is no boundary in the second half', () => {
    expect(deriveTitle('Supercalifragilisticexpialidocious words', 10)).toBe('Supercalif…');
  });
});

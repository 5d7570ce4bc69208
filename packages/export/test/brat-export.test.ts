import { describe, expect, it } from 'vitest';
import type { ExportTag } from '../src/export-model.js';
import { bratFormat, bratFragments, renderBrat, renderBratUnanchored } from '../src/formats/brat.js';
import { renderTxt } from '../src/formats/txt.js';
import { TAGGED_QUOTES, taggedArticleModel, XSS_REVIEWER } from './tagged-article-fixture.js';

/** A text-bound annotation line as brat defines it: `T<n>\tTYPE START END[;START END…]\tTEXT`. */
interface TextBound {
  id: string;
  type: string;
  fragments: [number, number][];
  text: string;
}

/** An `AnnotatorNotes` line: `#<n>\tAnnotatorNotes T<n>\tNOTE`. */
interface Note {
  id: string;
  target: string;
  note: string;
}

/** A small reader of brat standoff lines, written from the format's documentation. */
function parseAnn(ann: string): { textBounds: TextBound[]; notes: Note[] } {
  const textBounds: TextBound[] = [];
  const notes: Note[] = [];
  expect(ann.endsWith('\n')).toBe(true);
  for (const line of ann.slice(0, -1).split('\n')) {
    const textBound = /^(T\d+)\t([A-Za-z_][\w-]*) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/su.exec(line);
    const note = /^(#\d+)\tAnnotatorNotes (T\d+)\t(.*)$/su.exec(line);
    if (textBound) {
      const fragments = textBound[3]
        .split(';')
        .map((pair) => pair.split(' ').map(Number) as [number, number]);
      textBounds.push({ id: textBound[1], type: textBound[2], fragments, text: textBound[4] });
    } else if (note) {
      notes.push({ id: note[1], target: note[2], note: note[3] });
    } else {
      throw new Error(`not a brat line: ${JSON.stringify(line)}`);
    }
  }
  return { textBounds, notes };
}

describe('brat export', () => {
  const model = taggedArticleModel();
  const txt = renderTxt(model);
  const codePoints = [...txt];
  const { textBounds, notes } = parseAnn(renderBrat(model));

  it('has emoji (one of several code points) and Urdu text before the tagged spans', () => {
    const firstTagged = txt.indexOf(TAGGED_QUOTES['tag-denial']);
    expect(txt.slice(0, firstTagged)).toContain('👩‍👩‍👧');
    expect(txt.slice(0, firstTagged)).toContain('😀');
    expect(txt.slice(0, firstTagged)).toMatch(/\p{Script=Arabic}/u);
    expect(codePoints.length).toBeLessThan(txt.length);
  });

  it('writes one text-bound annotation per placed tag, typed by its label', () => {
    expect(textBounds.map((entry) => entry.type)).toEqual(model.tags.map((tag) => tag.label));
    expect(new Set(textBounds.map((entry) => entry.id)).size).toBe(textBounds.length);
  });

  it('gives code-point offsets whose slices of the txt export are exactly each fragment', () => {
    for (const entry of textBounds) {
      const slices = entry.fragments.map(([start, end]) => codePoints.slice(start, end).join(''));
      expect(slices.join(' ')).toBe(entry.text);
      for (const slice of slices) expect(slice).not.toMatch(/[\n\r]/u);
    }
  });

  it('places each tag where its quote is, counting code points, not UTF-16 units', () => {
    for (const [index, tag] of model.tags.entries()) {
      const entry = textBounds[index];
      const expectedStart = [...txt.slice(0, txt.indexOf(TAGGED_QUOTES[tag.id]))].length;
      expect(entry.fragments[0][0]).toBe(expectedStart);
      expect(entry.fragments.at(-1)![1]).toBe(expectedStart + [...TAGGED_QUOTES[tag.id]].length);
      expect(entry.fragments[0][0]).toBeLessThan(txt.indexOf(TAGGED_QUOTES[tag.id]));
    }
  });

  it('splits a tag across paragraphs or a hard break into fragments with gaps, as brat requires', () => {
    const across = textBounds[model.tags.findIndex((tag) => tag.id === 'tag-across')];
    expect(across.fragments).toHaveLength(2);
    expect(across.text).toBe('repeatedly" in court. Meesha accused him');
    const overHardBreak = textBounds[model.tags.findIndex((tag) => tag.id === 'tag-overlap')];
    expect(overHardBreak.fragments).toHaveLength(2);
    for (const entry of textBounds) {
      // brat rejects fragments that touch or overlap (`end >= other start and start < other end`).
      for (let i = 1; i < entry.fragments.length; i++) {
        expect(entry.fragments[i][0]).toBeGreaterThan(entry.fragments[i - 1][1]);
      }
    }
  });

  it('adds one AnnotatorNotes line per tag with reviewer, time and status, on one line', () => {
    expect(notes.map((note) => note.target)).toEqual(textBounds.map((entry) => entry.id));
    for (const [index, tag] of model.tags.entries()) {
      expect(notes[index].note).toBe(`${tag.author.name} · ${tag.createdAt} · ${tag.status}`);
    }
    expect(notes.some((note) => note.note.startsWith(XSS_REVIEWER.name))).toBe(true);
  });

  it('leaves orphans out of the standoff and lists them for a file beside it', () => {
    expect(renderBrat(model)).not.toContain('To be deleted soon.');
    const [header, ...rows] = renderBratUnanchored(model).trimEnd().split('\n');
    expect(header.split('\t')).toEqual(['id', 'label', 'author', 'created', 'quote']);
    expect(rows).toEqual([
      `tag-orphan\trumour\t${XSS_REVIEWER.name}\t2024-05-01T10:00:00.000Z\tTo be deleted soon.`,
    ]);
  });

  it('keeps reviewer names with tabs and line breaks on one line', () => {
    const tag = { ...model.tags[0], author: { id: 'r', name: 'Two\tlines\nname' } };
    const {
      notes: [note],
    } = parseAnn(renderBrat({ ...model, tags: [tag] }));
    expect(note.note).toBe(`Two lines name · ${tag.createdAt} · anchored`);
  });

  it('drops leading, trailing and repeated line breaks from fragments', () => {
    const tag = { start: 10, end: 19, quote: '\n\nab\n\u2028cd\n' } as ExportTag;
    expect(bratFragments(tag)).toEqual([
      { start: 12, end: 14, text: 'ab' },
      { start: 16, end: 18, text: 'cd' },
    ]);
    expect(bratFragments({ ...tag, quote: '\n\n', end: 12 })).toEqual([]);
  });

  it('is empty for an article without tags, and named as a brat .ann file', () => {
    expect(renderBrat({ ...model, tags: [] })).toBe('');
    expect(bratFormat.extension).toBe('ann');
    expect(new TextDecoder().decode(bratFormat.render(model) as Uint8Array)).toBe(renderBrat(model));
  });
});

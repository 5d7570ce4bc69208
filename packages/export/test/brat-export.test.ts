import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LABELS } from '@factcheck/core';
import type { ExportTag } from '../src/export-model.js';
import { bratFragments, renderBrat } from '../src/formats/brat.js';
import { bratFormat } from '../src/formats/brat-bundle.js';
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

  it('leaves orphans out of the standoff', () => {
    expect(renderBrat(model)).not.toContain('To be deleted soon.');
    expect(model.orphans.map((orphan) => orphan.quote)).toEqual(['To be deleted soon.']);
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

  it('is empty for an article without tags', () => {
    expect(renderBrat({ ...model, tags: [] })).toBe('');
  });
});

/** The brat bundle as fflate unzips it, each file decoded as UTF-8. */
async function unzipBundle(bytes: Uint8Array | Promise<Uint8Array>): Promise<Record<string, string>> {
  const files = unzipSync(await bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** A brat configuration file's sections: `[name]` headers, comments and blank lines dropped. */
function confSections(text: string): Record<string, string[]> {
  const sections: Record<string, string[]> = {};
  let current = '';
  for (const line of text.split('\n')) {
    const header = /^\[(\w+)\]$/u.exec(line.trim());
    if (header) sections[(current = header[1])] = [];
    else if (line.trim() && !line.startsWith('#')) sections[current].push(line);
  }
  return sections;
}

describe('brat bundle (the brat export)', () => {
  const model = taggedArticleModel();
  const slug = 'zafar-shafi-the-defamation-case';

  it('is a zip named .brat.zip holding the txt, the ann, the unanchored tags and brat configuration', async () => {
    expect(bratFormat).toMatchObject({ contentType: 'application/zip', extension: 'brat.zip' });
    const files = await unzipBundle(bratFormat.render(model));
    expect(Object.keys(files).sort()).toEqual(
      [
        `${slug}.ann`,
        `${slug}.txt`,
        `${slug}.unanchored.csv`,
        `${slug}.meta.json`,
        'annotation.conf',
        'visual.conf',
      ].sort(),
    );
    expect(files[`${slug}.txt`]).toBe(renderTxt(model));
    expect(files[`${slug}.ann`]).toBe(renderBrat(model));
  });

  it('gives offsets into the .txt beside the .ann, in code points', async () => {
    const files = await unzipBundle(bratFormat.render(model));
    const codePoints = [...files[`${slug}.txt`]];
    const { textBounds } = parseAnn(files[`${slug}.ann`]);
    expect(textBounds).toHaveLength(model.tags.length);
    for (const entry of textBounds) {
      const slices = entry.fragments.map(([start, end]) => codePoints.slice(start, end).join(''));
      expect(slices.join(' ')).toBe(entry.text);
    }
  });

  it('lists the unanchored tags as CSV with their quote and context, line breaks kept', async () => {
    const orphaned = {
      ...model,
      orphans: [
        ...model.orphans,
        {
          ...model.orphans[0],
          id: 'tag-two-lines',
          quote: 'first,\tline\n"second"',
          prefix: 'a\n',
          suffix: '',
        },
      ],
    };
    const files = await unzipBundle(bratFormat.render(orphaned));
    const rows: Record<string, string>[] = parse(files[`${slug}.unanchored.csv`], {
      bom: true,
      columns: true,
      record_delimiter: '\r\n',
    });
    expect(rows).toEqual(
      orphaned.orphans.map((tag) => ({
        id: tag.id,
        label: tag.label,
        author: tag.author.name,
        author_id: tag.author.id,
        created: tag.createdAt,
        updated: tag.updatedAt,
        quote: tag.quote,
        prefix: tag.prefix,
        suffix: tag.suffix,
      })),
    );
    expect(rows[0]).toMatchObject({ quote: 'To be deleted soon.', author: XSS_REVIEWER.name });
  });

  it('configures brat: every label is an entity type, overlaps are allowed, labels have names and colours', async () => {
    const files = await unzipBundle(bratFormat.render(model));
    const annotation = confSections(files['annotation.conf']);
    expect(annotation.entities).toEqual([...LABELS]);
    expect(annotation.relations).toEqual(['<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>']);
    expect(Object.keys(annotation).sort()).toEqual(['attributes', 'entities', 'events', 'relations']);
    const { textBounds } = parseAnn(files[`${slug}.ann`]);
    for (const entry of textBounds) expect(annotation.entities).toContain(entry.type);
    const visual = confSections(files['visual.conf']);
    expect(visual.labels).toEqual([
      'allegation | Allegation',
      'denial | Denial',
      'rumour | Unverified rumour',
    ]);
    for (const line of visual.drawing)
      expect(line).toMatch(/^\w+\tbgColor:#[0-9A-F]{6}, borderColor:#[0-9A-F]{6}$/u);
  });

  it('holds an empty .ann and a header-only list for an article without tags', async () => {
    const files = await unzipBundle(bratFormat.render({ ...model, tags: [], orphans: [] }));
    expect(files[`${slug}.ann`]).toBe('');
    expect(parse(files[`${slug}.unanchored.csv`], { bom: true, columns: true })).toEqual([]);
    // strFromU8 drops the byte order mark, which spreadsheets need to read the file as UTF-8.
    expect(files[`${slug}.unanchored.csv`].trim()).toBe(
      'id,label,author,author_id,created,updated,quote,prefix,suffix',
    );
    const raw = unzipSync(await bratFormat.render(model))[`${slug}.unanchored.csv`];
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

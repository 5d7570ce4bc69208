import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_VERSION,
  getAnnotationsMap,
  parseAnnotation,
  readAnnotations,
  relabelAnnotation,
  removeAnnotation,
} from '../src/index.js';
import { buildArticle, REVIEWER, tagRange } from './helpers/article-builder.js';

function validRecord(): Record<string, unknown> {
  return {
    v: ANNOTATION_VERSION,
    label: 'denial',
    start: { type: { client: 1, clock: 1 }, item: { client: 1, clock: 5 }, assoc: 0 },
    end: { type: { client: 1, clock: 1 }, item: { client: 1, clock: 9 }, assoc: -1 },
    quote: 'denied all',
    prefix: 'Ali Zafar has ',
    suffix: ' the allegations',
    author: { id: 'u1', name: 'Ayesha' },
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:05:00+05:00',
  };
}

/** Stores a plain record as a Y.Map entry, the way the document holds annotations. */
function storeRecord(doc: Y.Doc, id: string, record: Record<string, unknown>): void {
  const entry = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) entry.set(key, value);
  getAnnotationsMap(doc).set(id, entry);
}

describe('parseAnnotation', () => {
  it('accepts a valid record and turns its positions into relative positions', () => {
    const result = parseAnnotation('a-1', validRecord());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.annotation).toMatchObject({ id: 'a-1', label: 'denial', quote: 'denied all' });
    expect(result.annotation.start).toBeInstanceOf(Y.RelativePosition);
    expect(result.annotation.end.assoc).toBe(-1);
  });

  it('accepts positions serialized straight from a RelativePosition (null fields kept)', () => {
    const { doc } = buildArticle('Some text');
    const text = (doc.getXmlFragment('content').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const start = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text, 0, 0)));
    const end = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text, 4, -1)));
    expect(start.tname).toBeNull();
    const result = parseAnnotation('a-1', { ...validRecord(), start, end });
    expect(result).toMatchObject({ ok: true });
    if (result.ok)
      expect(Y.createAbsolutePositionFromRelativePosition(result.annotation.end, doc)?.index).toBe(4);
  });

  it('accepts a record without a version (stored before versions existed)', () => {
    const { v: _v, ...record } = validRecord();
    expect(parseAnnotation('a-1', record).ok).toBe(true);
  });

  it.each([
    ['a wrong label', { label: 'rumor' }, /^label:/u],
    ['an empty quote', { quote: '' }, /^quote:/u],
    ['a date that is not ISO', { createdAt: '1 May 2024' }, /^createdAt:/u],
    ['a date without a time zone', { updatedAt: '2024-05-01T10:00:00' }, /^updatedAt:/u],
    ['a position that refers to nothing', { start: { assoc: 0 } }, /^start:.*refers to nothing/u],
    ['a negative clock', { end: { item: { client: 1, clock: -1 }, assoc: -1 } }, /^end\.item\.clock:/u],
    ['an author without an id', { author: { name: 'x' } }, /^author\.id:/u],
    ['a label that is not a string', { label: 3 }, /^label:/u],
  ])('reports %s', (_name, change, reason) => {
    const result = parseAnnotation('a-1', { ...validRecord(), ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it.each(['label', 'start', 'end', 'quote', 'prefix', 'suffix', 'author', 'createdAt', 'updatedAt'])(
    'reports a missing %s',
    (field) => {
      const record = validRecord();
      delete record[field];
      const result = parseAnnotation('a-1', record);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.startsWith(`${field}:`)).toBe(true);
    },
  );

  it.each([
    ['a string', 'allegation'],
    ['a number', 42],
    ['null', null],
    ['an array', [validRecord()]],
    ['undefined', undefined],
  ])('reports an entry that is %s as not a map', (_name, value) => {
    expect(parseAnnotation('a-1', value)).toEqual({ ok: false, error: 'annotation is not a map' });
  });
});

describe('readAnnotations', () => {
  it('sorts a document’s entries into valid ones and invalid ones with reasons, without throwing', () => {
    const { doc } = buildArticle('Ali Zafar has denied all the allegations.');
    storeRecord(doc, 'good', validRecord());
    storeRecord(doc, 'bad-label', { ...validRecord(), label: 'opinion' });
    storeRecord(doc, 'bad-date', { ...validRecord(), createdAt: 'yesterday' });
    const { quote: _quote, ...missingQuote } = validRecord();
    storeRecord(doc, 'missing-quote', missingQuote);
    // Entries that are not maps, as a buggy or hostile client could write them.
    const raw = getAnnotationsMap(doc) as unknown as Y.Map<unknown>;
    raw.set('plain-string', 'allegation');
    raw.set('plain-object', validRecord());
    raw.set('text-type', new Y.Text('allegation'));

    let result: ReturnType<typeof readAnnotations> | undefined;
    expect(() => (result = readAnnotations(doc))).not.toThrow();
    const { valid, invalid } = result!;
    expect(valid.map((annotation) => annotation.id)).toEqual(['good']);
    const reasons = Object.fromEntries(invalid.map((entry) => [entry.id, entry.error]));
    expect(Object.keys(reasons).sort()).toEqual([
      'bad-date',
      'bad-label',
      'missing-quote',
      'plain-object',
      'plain-string',
      'text-type',
    ]);
    expect(reasons['bad-label']).toMatch(/^label:/u);
    expect(reasons['bad-date']).toMatch(/^createdAt:/u);
    expect(reasons['missing-quote']).toMatch(/^quote:/u);
    expect(reasons['plain-string']).toBe('annotation is not a map');
    expect(reasons['text-type']).toBe('annotation is not a map');
    // A plain object has the right shape but cannot be relabelled like a Y.Map entry.
    expect(reasons['plain-object']).toBe('annotation is not a map');
    for (const entry of invalid) expect(entry.error.length).toBeGreaterThan(0);
  });

  it('reads back what writeAnnotation wrote, on the writer and on a peer', () => {
    const { doc } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, 4, 13, { id: 'a-1', label: 'denial', now: new Date('2024-05-01T10:00:00Z') });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    for (const copy of [doc, peer]) {
      const { valid, invalid } = readAnnotations(copy);
      expect(invalid).toEqual([]);
      expect(valid).toHaveLength(1);
      expect(valid[0]).toMatchObject({
        id,
        label: 'denial',
        author: REVIEWER,
        createdAt: '2024-05-01T10:00:00.000Z',
        updatedAt: '2024-05-01T10:00:00.000Z',
      });
    }
  });
});

describe('relabelAnnotation and removeAnnotation', () => {
  it('relabel changes the label and the update time only', () => {
    const { doc } = buildArticle('Some text to tag.');
    tagRange(doc, 0, 4, { id: 'a-1', now: new Date('2024-05-01T10:00:00Z') });
    expect(relabelAnnotation(doc, 'a-1', 'rumour', new Date('2024-05-02T10:00:00Z'))).toBe(true);
    const [annotation] = readAnnotations(doc).valid;
    expect(annotation).toMatchObject({
      label: 'rumour',
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-02T10:00:00.000Z',
    });
  });

  it('report false for an id that is not there', () => {
    const { doc } = buildArticle('Some text to tag.');
    expect(relabelAnnotation(doc, 'missing', 'denial')).toBe(false);
    expect(removeAnnotation(doc, 'missing')).toBe(false);
    (getAnnotationsMap(doc) as unknown as Y.Map<unknown>).set('not-a-map', 'x');
    expect(relabelAnnotation(doc, 'not-a-map', 'denial')).toBe(false);
  });

  it('remove deletes the entry', () => {
    const { doc } = buildArticle('Some text to tag.');
    tagRange(doc, 0, 4, { id: 'a-1' });
    expect(removeAnnotation(doc, 'a-1')).toBe(true);
    expect(readAnnotations(doc)).toEqual({ valid: [], invalid: [] });
    expect(removeAnnotation(doc, 'a-1')).toBe(false);
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  decodeStoredPosition,
  getAnnotationsMap,
  MAX_STORED_POSITION_BYTES,
  readAnnotations,
  storedPosition,
} from '../src/index.js';
import {
  buildArticle,
  coveredText,
  deleteParagraph,
  insertParagraph,
  refreshQuotes,
  resolveTag,
  storeAnchorAsSeparateKeys,
  tagRange,
} from './helpers/article-builder.js';

/**
 * A tag's `start` and `end` are stored as `Y.encodeRelativePosition` bytes since session 5 (inside
 * its `anchor` value since session 6); tags written before, and by stock clients following
 * docs/data-model.md, hold the JSON form. Both must read alike, and bytes that do not decode must
 * make the tag invalid, not crash a reader.
 */

function anchorOf(entry: Y.Map<unknown>): Record<string, unknown> {
  return entry.get('anchor') as Record<string, unknown>;
}

const STATEMENT = 'In a statement, Meesha said she <a>got booked for a concert<b> in Lahore.';

describe('stored relative positions', () => {
  it('stores new tags’ positions as bytes that resolve to the tagged text', () => {
    const { doc, marks } = buildArticle('Intro.', STATEMENT);
    const id = tagRange(doc, marks.a, marks.b)!;
    const entry = getAnnotationsMap(doc).get(id)!;
    expect(anchorOf(entry).start).toBeInstanceOf(Uint8Array);
    expect(anchorOf(entry).end).toBeInstanceOf(Uint8Array);
    // A peer that only has the bytes reads the same tag.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const resolved = resolveTag(peer, id);
    expect(resolved.status).toBe('anchored');
    expect(coveredText(peer, resolved)).toBe('got booked for a concert');
  });

  it('reads a tag in the JSON form exactly like the same tag in bytes', () => {
    const { doc, marks } = buildArticle(STATEMENT);
    const id = tagRange(doc, marks.a, marks.b)!;
    const entry = getAnnotationsMap(doc).get(id)!;
    const asBytes = readAnnotations(doc).valid[0];
    storeAnchorAsSeparateKeys(entry, 'json');
    const asJson = readAnnotations(doc).valid[0];
    expect(Y.relativePositionToJSON(asJson.start)).toEqual(Y.relativePositionToJSON(asBytes.start));
    expect(Y.relativePositionToJSON(asJson.end)).toEqual(Y.relativePositionToJSON(asBytes.end));
    expect(resolveTag(doc, id)).toMatchObject({ status: 'anchored', from: marks.a, to: marks.b });
  });

  it('refuses bytes that do not decode to a position, naming the field', () => {
    const { doc, marks } = buildArticle(STATEMENT);
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array()],
      ['cut short', new Uint8Array([0, 200])],
      ['unknown kind', new Uint8Array([9, 1, 2, 3])],
      ['too long', new Uint8Array(MAX_STORED_POSITION_BYTES + 1)],
    ];
    const ids = cases.map(([, bytes]) => {
      const id = tagRange(doc, marks.a, marks.b)!;
      const entry = getAnnotationsMap(doc).get(id)!;
      entry.set('anchor', { ...anchorOf(entry), start: bytes });
      return id;
    });
    const { valid, invalid } = readAnnotations(doc);
    expect(valid).toEqual([]);
    expect(invalid.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    for (const entry of invalid)
      expect(entry.error).toBe('anchor.start: relative position bytes do not decode');
    // The same bytes under a separate key, as older records keep positions, name that key.
    for (const id of ids) storeAnchorAsSeparateKeys(getAnnotationsMap(doc).get(id)!, 'bytes');
    for (const entry of readAnnotations(doc).invalid)
      expect(entry.error).toBe('start: relative position bytes do not decode');
    for (const [, bytes] of cases) expect(decodeStoredPosition(bytes)).toBeNull();
  });

  it('decodes what it stores, for positions in an item, at a type’s start and in a root type', () => {
    const positions = [
      { item: { client: 7, clock: 123_456 }, assoc: -1 },
      { type: { client: 3, clock: 9 }, assoc: 0 },
      { tname: 'content', assoc: 0 },
    ].map((json) => Y.createRelativePositionFromJSON(json));
    for (const position of positions) {
      const decoded = decodeStoredPosition(storedPosition(position));
      expect(decoded && Y.relativePositionToJSON(decoded)).toEqual(Y.relativePositionToJSON(position));
    }
  });

  it('writes bytes again when a quote refresh finds a tag from its quote', () => {
    const { doc, marks } = buildArticle('Intro.', STATEMENT);
    const id = tagRange(doc, marks.a, marks.b)!;
    const entry = getAnnotationsMap(doc).get(id)!;
    storeAnchorAsSeparateKeys(entry, 'json');
    // The paragraph is replaced by an equal one (as the editor binding moves text): positions fail.
    deleteParagraph(doc, 1);
    insertParagraph(doc, 1, STATEMENT.replace('<a>', '').replace('<b>', ''));
    expect(resolveTag(doc, id).status).toBe('reanchored');
    expect(refreshQuotes(doc)).toBe(1);
    expect(anchorOf(entry).start).toBeInstanceOf(Uint8Array);
    expect(anchorOf(entry).end).toBeInstanceOf(Uint8Array);
    for (const key of ['start', 'end', 'quote', 'prefix', 'suffix']) expect(entry.has(key)).toBe(false);
    expect(resolveTag(doc, id).status).toBe('anchored');
  });
});

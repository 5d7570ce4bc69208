import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ANCHOR_FIELDS, getAnnotationsMap, readAnnotations, writeAnchor } from '../src/index.js';
import {
  buildArticle,
  projectionOf,
  resolveTag,
  storeAnchorAsSeparateKeys,
  tagRange,
} from './helpers/article-builder.js';
import { createAnchor } from '../src/anchoring.js';

/**
 * New tags keep their positions, quote and context in one `anchor` value; records written before
 * session 6 (and by stock scripts following docs/data-model.md) keep them under five keys. Both
 * read alike, `anchor` wins when a record has both, and a bad `anchor` makes the tag invalid with
 * an error naming it.
 */

const STATEMENT = 'In a statement, Meesha said she <a>got booked for a concert<b> in Lahore.';

function tagged(): { doc: Y.Doc; id: string; entry: Y.Map<unknown>; marks: Record<string, number> } {
  const { doc, marks } = buildArticle('Intro.', STATEMENT);
  const id = tagRange(doc, marks.a, marks.b)!;
  return { doc, id, entry: getAnnotationsMap(doc).get(id)!, marks };
}

describe('a tag’s anchor stored as one value', () => {
  it('writes new tags with one anchor value and none of the separate keys', () => {
    const { entry } = tagged();
    const anchor = entry.get('anchor') as Record<string, unknown>;
    expect(Object.keys(anchor).sort()).toEqual([...ANCHOR_FIELDS].sort());
    expect(anchor.quote).toBe('got booked for a concert');
    for (const key of ANCHOR_FIELDS) expect(entry.has(key)).toBe(false);
  });

  it('reads a record with separate keys exactly like the same record with an anchor value', () => {
    const { doc, id, entry, marks } = tagged();
    const [fromAnchor] = readAnnotations(doc).valid;
    for (const positions of ['bytes', 'json'] as const) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      storeAnchorAsSeparateKeys(getAnnotationsMap(copy).get(id)!, positions);
      const [fromKeys] = readAnnotations(copy).valid;
      expect({ ...fromKeys, start: null, end: null }).toEqual({ ...fromAnchor, start: null, end: null });
      expect(Y.relativePositionToJSON(fromKeys.start)).toEqual(Y.relativePositionToJSON(fromAnchor.start));
      expect(resolveTag(copy, id)).toMatchObject({ status: 'anchored', from: marks.a, to: marks.b });
    }
    expect(entry.has('quote')).toBe(false);
  });

  it('prefers the anchor value when a record has both', () => {
    const { doc, entry } = tagged();
    entry.set('quote', 'an older quote');
    entry.set('start', new Uint8Array([9, 9]));
    const { valid, invalid } = readAnnotations(doc);
    expect(invalid).toEqual([]);
    expect(valid[0].quote).toBe('got booked for a concert');
  });

  it('refuses an anchor that is not an object, and names the anchor field that is wrong', () => {
    const { doc, entry } = tagged();
    const good = entry.get('anchor') as Record<string, unknown>;
    entry.set('anchor', 'got booked');
    expect(readAnnotations(doc).invalid[0].error).toBe('anchor: expected an object');
    entry.set('anchor', [good]);
    expect(readAnnotations(doc).invalid[0].error).toBe('anchor: expected an object');
    entry.set('anchor', { ...good, quote: '' });
    expect(readAnnotations(doc).invalid[0].error).toBe(
      'anchor.quote: Too small: expected string to have >=1 characters',
    );
    entry.set('anchor', { ...good, suffix: undefined });
    expect(readAnnotations(doc).invalid[0].error).toMatch(/^anchor\.suffix: /u);
    entry.set('anchor', good);
    expect(readAnnotations(doc).valid).toHaveLength(1);
  });

  it('rewrites an older record’s separate keys as one anchor value', () => {
    const { doc, id, entry, marks } = tagged();
    storeAnchorAsSeparateKeys(entry, 'json');
    const anchor = createAnchor(projectionOf(doc), marks.a, marks.b)!;
    doc.transact(() => writeAnchor(entry, anchor));
    for (const key of ANCHOR_FIELDS) expect(entry.has(key)).toBe(false);
    expect((entry.get('anchor') as Record<string, unknown>).start).toBeInstanceOf(Uint8Array);
    expect(resolveTag(doc, id)).toMatchObject({ status: 'anchored', from: marks.a, to: marks.b });
  });
});

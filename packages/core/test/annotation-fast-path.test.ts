import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  ANCHOR_FIELDS,
  ANNOTATION_VERSION,
  getAnnotationsMap,
  parseAnnotation,
  readAnnotations,
} from '../src/index.js';
import { mulberry32 } from './helpers/seeded-random.js';

/**
 * `parseAnnotation` reads a plainly valid Y.Map entry without zod; anything odd goes through the
 * schema. A plain object always goes through the schema, so for any entry both must agree: same
 * annotation or same error. Random records with odd fields check that.
 * Replay a seed with `SEED=<n> npx vitest run packages/core/test/annotation-fast-path.test.ts`.
 */

/** Seeds that once failed; they run first, always. */
const REGRESSION_SEEDS: readonly number[] = [];

function seeds(): number[] {
  if (process.env.SEED) return [Number(process.env.SEED)];
  const fresh = Array.from({ length: 3 }, () => Math.floor(Math.random() * 0xffffffff));
  return [...REGRESSION_SEEDS, ...Array.from({ length: 20 }, (_, i) => i + 1), ...fresh];
}

function validRecord(): Record<string, unknown> {
  return {
    v: ANNOTATION_VERSION,
    label: 'denial',
    start: { type: { client: 1, clock: 1 }, item: { client: 1, clock: 5 }, assoc: 0 },
    end: { tname: 'content', item: null, assoc: -1 },
    quote: 'denied all',
    prefix: 'Ali Zafar has ',
    suffix: ' the allegations',
    author: { id: 'u1', name: 'Ayesha' },
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:05:00+05:00',
    status: 'resolved',
    claimant: 'Meesha Shafi',
    verdict: 'unproven',
    resolvedBy: { id: 'lead', name: 'Lead', extra: 1 },
    resolvedAt: '2024-05-02T08:00:00Z',
    adjudicated: false,
    adjudicationId: 'adj-1',
  };
}

/** Values that are right for some fields and wrong for others. */
const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  0,
  1,
  2,
  3,
  -1,
  2.5,
  Number.NaN,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  'x',
  'open',
  'disputed',
  'allegation',
  'rumour',
  'x'.repeat(201),
  'x'.repeat(301),
  'x'.repeat(1_001),
  '2024-02-30T10:00:00Z',
  '2024-05-01 10:00:00Z',
  '2024-05-01T10:00:00',
  '2024-05-01T10:00:00.123456+01:00',
  true,
  false,
  [],
  ['a'],
  {},
  { id: 'u2', name: '' },
  { id: '', name: 'No id' },
  { id: 'u3' },
  { item: { client: 1, clock: 2 } },
  { item: { client: -1, clock: 2 } },
  { item: { client: 1, clock: 2.5 } },
  { item: null, tname: null },
  { type: { client: 4, clock: 4 }, assoc: 1.5 },
  { tname: 7 },
  new Date(0),
  // Relative positions as bytes (how new tags store them), good and bad.
  Y.encodeRelativePosition(Y.createRelativePositionFromJSON({ item: { client: 1, clock: 5 }, assoc: -1 })),
  Y.encodeRelativePosition(Y.createRelativePositionFromJSON({ tname: 'content', assoc: 0 })),
  Y.encodeRelativePosition(Y.createRelativePositionFromJSON({ type: { client: 4, clock: 4 }, assoc: 0 })),
  new Uint8Array(),
  new Uint8Array([0, 200]),
  new Uint8Array([9, 1, 2, 3]),
  new Uint8Array(300),
];

const FIELDS = Object.keys(validRecord()).concat(['subject', 'thread', 'anchor']);

/**
 * Where a record keeps its positions, quote and context: five keys (older records), one `anchor`
 * value (new ones), or both, the separate keys then holding stale, invalid values the anchor hides.
 */
type AnchorLayout = 'separate' | 'anchor' | 'both';

function inLayout(record: Record<string, unknown>, layout: AnchorLayout): Record<string, unknown> {
  if (layout === 'separate') return record;
  const stored: Record<string, unknown> = { ...record };
  const anchor: Record<string, unknown> = {};
  for (const key of ANCHOR_FIELDS) {
    if (record[key] !== undefined) anchor[key] = record[key];
    if (layout === 'anchor') delete stored[key];
  }
  if (layout === 'both') Object.assign(stored, { start: new Uint8Array([9]), quote: '', suffix: 7 });
  // An odd value the record already has under `anchor` stays: it is what is being tested.
  stored.anchor = record.anchor === undefined ? anchor : record.anchor;
  return stored;
}

function storeRecord(
  doc: Y.Doc,
  id: string,
  record: Record<string, unknown>,
  layout: AnchorLayout = 'separate',
): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  getAnnotationsMap(doc).set(id, entry);
  for (const [key, value] of Object.entries(inLayout(record, layout)))
    if (value !== undefined) entry.set(key, value);
  return entry;
}

/** What a result says, with relative positions as JSON (they are class instances). */
function comparable(result: ReturnType<typeof parseAnnotation>) {
  if (!result.ok) return result;
  const { start, end, ...rest } = result.annotation;
  return { ...rest, start: Y.relativePositionToJSON(start), end: Y.relativePositionToJSON(end) };
}

describe('reading a stored annotation without zod', () => {
  it('agrees with the schema on the valid record, with and without optional fields', () => {
    const doc = new Y.Doc();
    const full = storeRecord(doc, 'a-1', validRecord());
    const minimal = validRecord();
    for (const key of [
      'status',
      'claimant',
      'verdict',
      'resolvedBy',
      'resolvedAt',
      'adjudicated',
      'adjudicationId',
    ])
      delete minimal[key];
    const bare = storeRecord(doc, 'a-2', minimal);
    const anchored = storeRecord(doc, 'a-3', validRecord(), 'anchor');
    const both = storeRecord(doc, 'a-4', minimal, 'both');
    for (const [id, entry] of [
      ['a-1', full],
      ['a-2', bare],
      ['a-3', anchored],
      ['a-4', both],
    ] as const) {
      const fast = parseAnnotation(id, entry);
      expect(fast.ok).toBe(true);
      expect(comparable(fast)).toEqual(comparable(parseAnnotation(id, entry.toJSON())));
    }
  });

  it.each(seeds())('agrees with the schema on records with odd fields (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const doc = new Y.Doc();
    for (let i = 0; i < 300; i++) {
      const record = validRecord();
      const changes: string[] = [];
      for (let k = 0, count = 1 + Math.floor(random() * 2); k < count; k++) {
        const key = pick(FIELDS);
        const value = pick(ODD_VALUES);
        record[key] = value;
        changes.push(`${key}=${JSON.stringify(value)?.slice(0, 20)}`);
      }
      const id = `a-${i}`;
      const layout = pick(['separate', 'anchor', 'both'] as const);
      const entry = storeRecord(doc, id, record, layout);
      expect(
        comparable(parseAnnotation(id, entry)),
        `seed ${seed} (replay with SEED=${seed}), record ${i} (${layout}): ${changes.join(', ')}`,
      ).toEqual(comparable(parseAnnotation(id, entry.toJSON())));
    }
  });

  it('reads an entry again after a field was set or deleted', () => {
    const doc = new Y.Doc();
    const entry = storeRecord(doc, 'a-1', validRecord());
    expect(readAnnotations(doc).valid[0].claimant).toBe('Meesha Shafi');
    entry.delete('claimant');
    expect(readAnnotations(doc).valid[0].claimant).toBeUndefined();
    entry.set('subject', 'Ali Zafar');
    expect(readAnnotations(doc).valid[0].subject).toBe('Ali Zafar');
    entry.set('quote', '');
    expect(readAnnotations(doc).invalid).toEqual([
      { id: 'a-1', error: 'quote: Too small: expected string to have >=1 characters' },
    ]);
  });
});

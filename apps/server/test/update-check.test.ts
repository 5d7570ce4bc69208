import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRandom, seedsToRun, type Random } from '../../../packages/core/test/helpers/seeded-random.js';
import { ProtocolError } from '../src/sync/protocol.js';
import { DEFAULT_SYNC_LIMITS, LimitExceeded } from '../src/sync/sync-limits.js';
import { checkUpdate } from '../src/sync/update-check.js';

/** Seeds that once failed; they run first. Replay one with `SEED=<n>`. */
const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = seedsToRun(REGRESSION_SEEDS, 12, 2);

/** Edits that produce every kind of content y-prosemirror and our core write, plus the rarer ones. */
function randomEdit(doc: Y.Doc, random: Random): void {
  const text = doc.getText('text');
  const fragment = doc.getXmlFragment('content');
  const map = doc.getMap('annotations');
  const roll = random.int(8);
  doc.transact(() => {
    if (roll === 0) text.insert(random.int(text.length + 1), random.pick(['a', 'bc ', '😀', 'علی']));
    if (roll === 1 && text.length > 0) text.delete(random.int(text.length), 1);
    if (roll === 2)
      text.format(0, Math.min(3, text.length), { bold: random.chance(0.5) ? true : null, href: 'x' });
    if (roll === 3) text.insertEmbed(random.int(text.length + 1), { image: 'a.png' });
    if (roll === 4) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('words')]);
      fragment.insert(random.int(fragment.length + 1), [paragraph]);
    }
    if (roll === 5 && fragment.length > 0) fragment.delete(random.int(fragment.length), 1);
    if (roll === 6) {
      const tag = new Y.Map<unknown>();
      tag.set('label', 'denial');
      tag.set('range', { from: [1, 2, { deep: [null, true, 1.5, -7] }], note: 'ok' });
      tag.set('bytes', new Uint8Array([1, 2, 3]));
      tag.set('thread', Y.Array.from([{ text: 'hi' }]));
      map.set(`t${random.int(5)}`, tag);
    }
    if (roll === 7 && map.size > 0) map.delete(random.pick([...map.keys()]));
  }, 'test');
}

function expectRefused(
  update: Uint8Array,
  doc = new Y.Doc(),
  kind: new (message: string) => Error = ProtocolError,
) {
  expect(() => checkUpdate(update, doc, DEFAULT_SYNC_LIMITS)).toThrow(kind);
}

/** A v1 update with one client group of raw structs and an empty delete set. */
function rawUpdate(write: (encoder: encoding.Encoder) => void, structs = 1, client = 7, clock = 0) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, structs);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  write(encoder);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** A string item at the root type `name`: info 4 (string), parent info 1 (root), the name, the text. */
function writeRootString(encoder: encoding.Encoder, name: string, text: string): void {
  encoding.writeUint8(encoder, 4);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, name);
  encoding.writeVarString(encoder, text);
}

describe('checkUpdate', () => {
  it.each(SEEDS)('accepts every update real documents produce (seed %i)', (seed) => {
    const random = createRandom(seed);
    const a = new Y.Doc();
    const b = new Y.Doc();
    const updates: Uint8Array[] = [];
    a.on('update', (update: Uint8Array) => updates.push(update));
    for (let step = 0; step < 60; step++) {
      randomEdit(random.chance(0.5) ? a : b, random);
      if (random.chance(0.3)) Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    }
    const context = `seed ${seed} (replay with SEED=${seed})`;
    const receiver = new Y.Doc();
    for (const update of updates) {
      expect(() => checkUpdate(update, receiver, DEFAULT_SYNC_LIMITS), context).not.toThrow();
      Y.applyUpdate(receiver, update);
    }
    const full = Y.encodeStateAsUpdate(a);
    expect(() => checkUpdate(full, new Y.Doc(), DEFAULT_SYNC_LIMITS), context).not.toThrow();
    expect(() => checkUpdate(Y.mergeUpdates(updates), new Y.Doc(), DEFAULT_SYNC_LIMITS)).not.toThrow();
  });

  it.each(SEEDS)('lets through only mutated updates that Yjs applies cleanly (seed %i)', (seed) => {
    const random = createRandom(seed);
    const source = new Y.Doc();
    for (let step = 0; step < 15; step++) randomEdit(source, random);
    // The receiver knows the first half of the changes, so mutated refs can land on its structs.
    const known = Y.encodeStateAsUpdate(source);
    for (let step = 0; step < 15; step++) randomEdit(source, random);
    const update = Y.encodeStateAsUpdate(source, Y.encodeStateVectorFromUpdate(known));
    for (let trial = 0; trial < 100; trial++) {
      const mutated = Uint8Array.from(update);
      const roll = random.int(3);
      let bytes: Uint8Array = mutated;
      if (roll === 0) mutated[random.int(mutated.length)] = random.int(256);
      if (roll === 1) bytes = mutated.subarray(0, random.int(mutated.length));
      if (roll === 2) mutated[random.int(mutated.length)] = random.pick([0x7f, 0xff, 0x80, 0, 9, 10]);
      const target = new Y.Doc();
      Y.applyUpdate(target, known);
      let passed = true;
      try {
        checkUpdate(bytes, target, DEFAULT_SYNC_LIMITS);
      } catch (error) {
        expect(error instanceof ProtocolError || error instanceof LimitExceeded).toBe(true);
        passed = false;
      }
      if (passed) {
        expect(
          () => Y.applyUpdate(target, bytes),
          `seed ${seed} trial ${trial} (replay with SEED=${seed})`,
        ).not.toThrow();
      }
    }
  });

  it('refuses counts larger than the bytes that could hold them', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 2 ** 31);
    expectRefused(encoding.toUint8Array(encoder));
  });

  it('refuses an empty or truncated update and trailing bytes', () => {
    expectRefused(new Uint8Array());
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    expectRefused(Uint8Array.from([...update, 0]));
    expectRefused(rawUpdate((e) => encoding.writeUint8(e, 4)));
  });

  it('refuses subdocuments, unknown struct kinds and unknown shared types', () => {
    expectRefused(
      rawUpdate((e) => {
        encoding.writeUint8(e, 9);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'content');
        encoding.writeVarString(e, 'guid');
        encoding.writeUint8(e, 126);
      }),
    );
    expectRefused(rawUpdate((e) => encoding.writeUint8(e, 17)));
    expectRefused(
      rawUpdate((e) => {
        encoding.writeUint8(e, 7);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'content');
        encoding.writeVarUint(e, 42);
      }),
    );
  });

  it('refuses a struct that refers to a later change of its own client', () => {
    expectRefused(
      rawUpdate((e) => {
        encoding.writeUint8(e, 4 | 0x80);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, 5);
        encoding.writeVarString(e, 'x');
      }),
    );
  });

  it('refuses a client listed twice, and clocks out of range', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 2);
    for (let i = 0; i < 2; i++) {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 7);
      encoding.writeVarUint(encoder, 0);
      writeRootString(encoder, 'text', 'a');
    }
    encoding.writeVarUint(encoder, 0);
    expectRefused(encoding.toUint8Array(encoder));
    expectRefused(rawUpdate((e) => writeRootString(e, 'text', 'a'), 1, 7, 2 ** 45));
    expectRefused(rawUpdate((e) => writeRootString(e, 'text', 'a'), 1, 2 ** 40));
  });

  it('refuses values nested deeper than the limit', () => {
    const deep = rawUpdate((e) => {
      encoding.writeUint8(e, 8);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'map');
      encoding.writeVarUint(e, 1);
      for (let i = 0; i < 10_000; i++) {
        encoding.writeUint8(e, 117);
        encoding.writeVarUint(e, 1);
      }
      encoding.writeUint8(e, 126);
    });
    expectRefused(deep, new Y.Doc(), LimitExceeded);
  });

  it('refuses updates with more structs or root types than allowed', () => {
    const many = rawUpdate((e) => {
      for (let i = 0; i < 10; i++) writeRootString(e, 'text', 'a');
    }, 10);
    expect(() => checkUpdate(many, new Y.Doc(), { ...DEFAULT_SYNC_LIMITS, maxUpdateStructs: 5 })).toThrow(
      LimitExceeded,
    );
    const roots = rawUpdate((e) => {
      for (let i = 0; i < 40; i++) writeRootString(e, `root${i}`, 'a');
    }, 40);
    expectRefused(roots, new Y.Doc(), LimitExceeded);
  });
});

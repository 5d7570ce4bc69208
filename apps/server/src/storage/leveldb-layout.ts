import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as yLeveldb from 'y-leveldb';

/**
 * y-leveldb's key layout, which our LevelDB store writes itself so data directories stay readable
 * by y-leveldb (and older directories written by it load here):
 * - `['v1', name, 'update', clock]`: the document's update log, clock counting up from 0;
 * - `['v1', name, 'meta', key]`: metadata values, lib0 `encodeAny`;
 * - `['v1_sv', name]`: the document's state vector and clock when it was written, one key per
 *   document, so listing documents reads these keys only.
 */

/** A key of the store: an array of strings and 32-bit unsigned numbers. */
export type StoreKey = readonly (string | number)[];

/** y-leveldb's key encoding, taken from the library itself (its declarations do not expose it). */
export const keyEncoding = (
  yLeveldb as unknown as {
    keyEncoding: {
      buffer: true;
      type: string;
      encode(key: StoreKey): Uint8Array;
      decode(buffer: Uint8Array): (string | number)[];
    };
  }
).keyEncoding;

/** Values are stored as the bytes given (y-leveldb's value encoding). */
export const valueEncoding = {
  buffer: true,
  type: 'y-value',
  encode: (value: Uint8Array) => value,
  decode: (value: Uint8Array) => value,
} as const;

/** The largest update clock a key can hold. */
const MAX_CLOCK = 0xffffffff;

/** Key of one update in a document's log. */
export function updateKey(name: string, clock: number): StoreKey {
  return ['v1', name, 'update', clock];
}

/** Range of every update key of a document, for iterators. */
export function updateRange(name: string): { gte: StoreKey; lt: StoreKey } {
  return { gte: updateKey(name, 0), lt: updateKey(name, MAX_CLOCK) };
}

/** Key of a document's metadata value. */
export function metaKey(name: string, key: string): StoreKey {
  return ['v1', name, 'meta', key];
}

/** Key of a document's state vector entry (its presence lists the document). */
export function stateVectorKey(name: string): StoreKey {
  return ['v1_sv', name];
}

/** Range of every state vector key: one per stored document. */
export const STATE_VECTOR_RANGE: { gte: StoreKey; lt: StoreKey } = { gte: ['v1_sv'], lt: ['v1_sw'] };

/** Range of every key of a document except its state vector entry (y-leveldb's own bounds). */
export function documentRange(name: string): { gte: StoreKey; lt: StoreKey } {
  return { gte: ['v1', name], lt: ['v1', name, 'zzzzzzz'] };
}

/** The value of a state vector entry: the clock it was written at, then the state vector. */
export function encodeStateVectorEntry(stateVector: Uint8Array, clock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** The clock of an update key. */
export function clockOfKey(key: readonly (string | number)[]): number {
  return key[3] as number;
}

/** Reads the state vector entry back (for tests and tools). */
export function decodeStateVectorEntry(value: Uint8Array): { clock: number; stateVector: Uint8Array } {
  const decoder = decoding.createDecoder(value);
  const clock = decoding.readVarUint(decoder);
  return { clock, stateVector: decoding.readVarUint8Array(decoder) };
}

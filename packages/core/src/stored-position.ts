import * as Y from 'yjs';

/**
 * How a tag's `start` and `end` are stored. New tags store `Y.encodeRelativePosition` bytes: one
 * binary value that Yjs decodes without reading a string, where the JSON form
 * (`Y.relativePositionToJSON`, still written by older clients and stock scripts, and still read)
 * is an object of four to six keyed values. On the 5,000-tag benchmark article the bytes make the
 * whole document 13% smaller and ~15% faster to decode (docs/performance.md, "Session 5").
 */

/** Longest stored position accepted, in bytes (a real one takes a dozen or so). */
export const MAX_STORED_POSITION_BYTES = 256;

/** The value a relative position is stored as in an annotation's `start` or `end`. */
export function storedPosition(position: Y.RelativePosition): Uint8Array {
  return Y.encodeRelativePosition(position);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Whether a decoded position refers to something, with ids and an assoc Yjs can use. */
function isUsable(position: Y.RelativePosition): boolean {
  const { item, tname, type, assoc } = position;
  if (!Number.isSafeInteger(assoc)) return false;
  if (item) return isCount(item.client) && isCount(item.clock);
  if (type) return isCount(type.client) && isCount(type.clock);
  return typeof tname === 'string';
}

/**
 * The relative position stored as bytes, or null when they do not decode to a usable one (cut
 * short, trailing garbage, absurd ids): a bad value makes the tag invalid, never a crash.
 */
export function decodeStoredPosition(bytes: Uint8Array): Y.RelativePosition | null {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_STORED_POSITION_BYTES) return null;
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
  return isUsable(position) ? position : null;
}

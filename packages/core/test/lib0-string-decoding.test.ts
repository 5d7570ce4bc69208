import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './helpers/seeded-random.js';

/**
 * `patches/lib0+0.2.120.patch` (applied by `patch-package` after every install) makes lib0 read
 * short ASCII strings byte by byte instead of through TextDecoder, which Yjs does for every key and
 * string value it decodes. The strings must come out exactly as TextDecoder makes them, and a
 * string cut short must still throw. Replay a seed with
 * `SEED=<n> npx vitest run packages/core/test/lib0-string-decoding.test.ts`.
 */

/** Seeds that once failed; they run first, always. */
const REGRESSION_SEEDS: readonly number[] = [];

function seeds(): number[] {
  if (process.env.SEED) return [Number(process.env.SEED)];
  const fresh = Array.from({ length: 3 }, () => Math.floor(Math.random() * 0xffffffff));
  return [...REGRESSION_SEEDS, 1, 2, 3, ...fresh];
}

const PIECES = ['a', 'Z', '0', ' ', '\n', '\u0000', '\u007f', 'é', 'ی', '😀', '\u200f', 'quote', 'createdAt'];

describe('lib0 string decoding (patched)', () => {
  it('is the patched reader', () => {
    expect(decoding.readVarString.name).toBe('_readVarStringShortAscii');
  });

  it.each(seeds())('reads back what was written, ASCII or not, of every length (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const strings: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      let text = '';
      const length = Math.floor(random() * (random() < 0.8 ? 70 : 300));
      while (text.length < length)
        text += PIECES[Math.floor(random() * (random() < 0.9 ? 7 : PIECES.length))];
      strings.push(text);
    }
    const encoder = encoding.createEncoder();
    for (const text of strings) encoding.writeVarString(encoder, text);
    const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
    const read = strings.map(() => decoding.readVarString(decoder));
    expect(read, `seed ${seed}`).toEqual(strings);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('throws on a string cut short, short or long, instead of making one up', () => {
    for (const text of ['abc', 'x'.repeat(200), 'é']) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, text);
      const bytes = encoding.toUint8Array(encoder);
      expect(() =>
        decoding.readVarString(decoding.createDecoder(bytes.subarray(0, bytes.length - 1))),
      ).toThrow();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { codePointLength, splitsSurrogatePair, toCodePointOffsets, toUtf16Offset } from '../src/index.js';
import { createRandom, seedsToRun } from './helpers/seeded-random.js';

const URDU = 'علی ظفر نے الزامات کی تردید کی';
const MIXED = `Ali 😀 said “no” – ${URDU} 👩🏽‍⚖️ end`;

/** Code-point offsets the slow way, from the spread string. */
function slowCodePointOffset(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

describe('codePointLength', () => {
  it('counts a surrogate pair once and everything else per unit', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(codePointLength(URDU)).toBe(URDU.length); // Urdu is all in the BMP
    expect(codePointLength('👩🏽‍⚖️')).toBe(5); // woman, skin tone, ZWJ, scales, VS16
    expect(codePointLength(MIXED)).toBe([...MIXED].length);
  });

  it('counts lone surrogates as one code point each', () => {
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('a\ude00b')).toBe(3);
    expect(codePointLength('\ude00\ud83d')).toBe(2); // reversed halves are not a pair
  });
});

describe('toCodePointOffsets', () => {
  it('converts offsets around emoji', () => {
    const text = 'a😀b😀😀c';
    expect(toCodePointOffsets(text, [0, 1, 3, 4, 6, 8, 9])).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('converts unsorted and repeated offsets in one pass, keeping their order', () => {
    const text = 'x😀y😀z';
    expect(toCodePointOffsets(text, [7, 0, 3, 3, 1])).toEqual([5, 0, 2, 2, 1]);
  });

  it('keeps Urdu offsets as they are', () => {
    const offsets = [0, 3, 4, 8, URDU.length];
    expect(toCodePointOffsets(URDU, offsets)).toEqual(offsets);
  });

  it('clamps offsets past the end', () => {
    expect(toCodePointOffsets('a😀', [10])).toEqual([2]);
  });

  it('counts an offset inside a surrogate pair as after the whole character', () => {
    expect(toCodePointOffsets('a😀b', [2])).toEqual([2]);
  });
});

describe('toUtf16Offset', () => {
  it('converts code points back to UTF-16 units', () => {
    const text = 'a😀b😀😀c';
    expect([0, 1, 2, 3, 4, 5, 6].map((points) => toUtf16Offset(text, points))).toEqual([0, 1, 3, 4, 6, 8, 9]);
    expect(toUtf16Offset(URDU, 5)).toBe(5);
  });

  it('clamps at the end of the text', () => {
    expect(toUtf16Offset('a😀', 99)).toBe(3);
    expect(toUtf16Offset('', 3)).toBe(0);
  });
});

describe('round trips on mixed text', () => {
  it.each(seedsToRun([], 50, 2))('agree with the spread string (seed %i)', (seed) => {
    const random = createRandom(seed);
    const pieces = ['a', ' ', '😀', '👩🏽‍⚖️', 'ع', 'ی', '“', '–', '\u00a0', '𝒜'];
    let text = '';
    for (let i = random.between(0, 40); i > 0; i--) text += random.pick(pieces);
    const boundaries = [0];
    for (const point of text) boundaries.push(boundaries.at(-1)! + point.length);

    const points = toCodePointOffsets(text, boundaries);
    expect(points, `seed ${seed}`).toEqual(boundaries.map((_, i) => i));
    expect(
      points.map((point) => toUtf16Offset(text, point)),
      `seed ${seed}`,
    ).toEqual(boundaries);
    expect(codePointLength(text), `seed ${seed}`).toBe(boundaries.length - 1);

    const anyOffsets = Array.from({ length: 10 }, () => random.int(text.length + 1));
    expect(toCodePointOffsets(text, anyOffsets), `seed ${seed}`).toEqual(
      anyOffsets.map((offset) =>
        slowCodePointOffset(text, offset + (splitsSurrogatePair(text, offset) ? 1 : 0)),
      ),
    );
  });
});

describe('splitsSurrogatePair', () => {
  it('is true only between the halves of a pair', () => {
    const text = 'a😀b';
    expect([0, 1, 2, 3, 4].map((index) => splitsSurrogatePair(text, index))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(splitsSurrogatePair('\ud83d', 1)).toBe(false);
    expect(splitsSurrogatePair('\ude00\ud83d', 1)).toBe(false);
  });
});

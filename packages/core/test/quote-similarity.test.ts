import { describe, expect, it } from 'vitest';
import { similarity } from '../src/quote-search.js';
import { createRandom, seedsToRun } from './helpers/seeded-random.js';

/** Failing seeds found by this test, kept so they run every time. */
const REGRESSION_SEEDS: readonly number[] = [];

/** Textbook Levenshtein over whole strings: what `similarity` must agree with. */
function referenceDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
    }
  }
  return rows[a.length][b.length];
}

describe('quote similarity', () => {
  it('is 1 for equal quotes, 0 with an empty or over-long one, and counts edits otherwise', () => {
    expect(similarity('denied the claims', 'denied the claims')).toBe(1);
    expect(similarity('', 'x')).toBe(0);
    expect(similarity('a'.repeat(2_001), 'a'.repeat(2_000) + 'b')).toBe(0);
    expect(similarity('denied the claims', 'denied all the claims')).toBeCloseTo(1 - 4 / 21);
    expect(similarity('abcabc', 'abc')).toBeCloseTo(0.5);
  });

  for (const seed of seedsToRun(REGRESSION_SEEDS, 20, 2)) {
    it(`agrees with a textbook edit distance on drifted quotes (seed ${seed})`, () => {
      const random = createRandom(seed);
      const alphabet = ['a', 'b', 'c', ' ', 'ش', '😀'];
      for (let round = 0; round < 50; round++) {
        const original = Array.from({ length: random.between(1, 40) }, () => random.pick(alphabet)).join('');
        let drifted = original;
        for (let edit = random.int(5); edit > 0; edit--) {
          const at = random.int(drifted.length + 1);
          drifted = random.chance(0.5)
            ? drifted.slice(0, at) + random.pick(alphabet) + drifted.slice(at)
            : drifted.slice(0, at) + drifted.slice(at + 1);
        }
        if (!drifted.length) continue;
        const expected = 1 - referenceDistance(original, drifted) / Math.max(original.length, drifted.length);
        expect(similarity(original, drifted), `seed ${seed}: "${original}" vs "${drifted}"`).toBeCloseTo(
          expected,
          10,
        );
      }
    });
  }
});

import { describe, expect, it } from 'vitest';
import { flattenRanges, type IdRange, type Segment } from '../src/index.js';
import { createRandom, seedsToRun } from './helpers/seeded-random.js';

const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = seedsToRun(REGRESSION_SEEDS, 300, 5);

/** The slow, obvious answer: which ranges cover each position, then runs of equal coverage. */
function rebuildSegments(ranges: readonly IdRange[]): Segment[] {
  const end = Math.max(0, ...ranges.map((range) => range.to));
  const segments: Segment[] = [];
  for (let at = Math.min(0, ...ranges.map((range) => range.from)); at < end; at++) {
    const ids = ranges.filter((range) => range.from <= at && at < range.to).map((range) => range.id);
    const last = segments.at(-1);
    if (ids.length === 0) continue;
    if (last && last.to === at && last.ids.join('\u0000') === ids.join('\u0000')) {
      segments[segments.length - 1] = { ...last, to: at + 1 };
    } else {
      segments.push({ from: at, to: at + 1, ids });
    }
  }
  return segments;
}

function randomRanges(seed: number): IdRange[] {
  const random = createRandom(seed);
  const length = random.between(1, 60);
  return Array.from({ length: random.between(0, 12) }, (_, i) => {
    const from = random.int(length);
    // Some empty and some inverted ranges, which are ignored; many sharing edges.
    const to = random.chance(0.1) ? from - random.int(3) : from + random.between(1, 20);
    return { id: `r${i}`, from, to };
  });
}

describe('flattenRanges', () => {
  it.each(SEEDS)('matches a per-position rebuild (seed %i)', (seed) => {
    const ranges = randomRanges(seed);
    expect(flattenRanges(ranges), `seed ${seed}: ${JSON.stringify(ranges)}`).toEqual(rebuildSegments(ranges));
  });

  it('splits overlapping ranges into segments that list every covering range in the given order', () => {
    expect(
      flattenRanges([
        { id: 'b', from: 5, to: 15 },
        { id: 'a', from: 0, to: 10 },
        { id: 'c', from: 20, to: 25 },
      ]),
    ).toEqual([
      { from: 0, to: 5, ids: ['a'] },
      { from: 5, to: 10, ids: ['b', 'a'] },
      { from: 10, to: 15, ids: ['b'] },
      { from: 20, to: 25, ids: ['c'] },
    ]);
  });

  it('keeps ranges that only touch apart, and ignores empty ones', () => {
    expect(
      flattenRanges([
        { id: 'a', from: 0, to: 3 },
        { id: 'b', from: 3, to: 6 },
        { id: 'empty', from: 4, to: 4 },
      ]),
    ).toEqual([
      { from: 0, to: 3, ids: ['a'] },
      { from: 3, to: 6, ids: ['b'] },
    ]);
    expect(flattenRanges([])).toEqual([]);
  });
});

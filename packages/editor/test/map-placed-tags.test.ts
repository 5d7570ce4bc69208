import { describe, expect, it } from 'vitest';
import { Mapping, StepMap } from 'prosemirror-transform';
import type { Annotation } from '@factcheck/core';
import { mapPlacedTags, type PlacedTag } from '../src/index.js';
import { mulberry32 } from '../../core/test/helpers/seeded-random.js';

/**
 * `mapPlacedTags` leaves tags that end before the first change alone; on random changes it must
 * give what mapping every tag gives. Replay a seed with `SEED=<n> npx vitest run <this file>`.
 */

const REGRESSION_SEEDS: readonly number[] = [];

function seeds(): number[] {
  if (process.env.SEED) return [Number(process.env.SEED)];
  const fresh = Array.from({ length: 3 }, () => Math.floor(Math.random() * 0xffffffff));
  return [...REGRESSION_SEEDS, ...Array.from({ length: 10 }, (_, i) => i + 1), ...fresh];
}

function mapEveryTag(tags: readonly PlacedTag[], mapping: Mapping): PlacedTag[] {
  return tags.map((tag) => {
    if (tag.from === null || tag.to === null) return tag;
    const from = mapping.map(tag.from, 1);
    const to = mapping.map(tag.to, -1);
    return from === tag.from && to === tag.to ? tag : { ...tag, from, to: Math.max(from, to) };
  });
}

describe('mapPlacedTags', () => {
  it.each(seeds())('gives what mapping every tag gives (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const int = (max: number) => Math.floor(random() * max);
    for (let round = 0; round < 200; round++) {
      const tags: PlacedTag[] = Array.from({ length: 30 }, (_, i) => {
        const from = int(200);
        const orphan = random() < 0.1;
        return {
          annotation: { id: `t${i}` } as Annotation,
          status: orphan ? 'orphaned' : 'anchored',
          from: orphan ? null : from,
          to: orphan ? null : from + int(20),
        };
      });
      const mapping = new Mapping();
      for (let step = 0, steps = 1 + int(3); step < steps; step++) {
        mapping.appendMap(new StepMap([int(220), int(5), int(5)]));
      }
      expect(mapPlacedTags(tags, mapping), `seed ${seed} (replay with SEED=${seed}), round ${round}`).toEqual(
        mapEveryTag(tags, mapping),
      );
    }
  });

  it('keeps the very objects of tags before the change', () => {
    const tag: PlacedTag = { annotation: { id: 'a' } as Annotation, status: 'anchored', from: 1, to: 5 };
    const [mapped] = mapPlacedTags([tag], new Mapping([new StepMap([10, 0, 3])]));
    expect(mapped).toBe(tag);
  });
});

/** A small seeded PRNG for randomized tests: the same seed replays the same run. */

/** mulberry32: a fast 32-bit generator, good enough to drive simulations. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one seeded generator. */
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  return {
    seed,
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/**
 * The seeds a randomized test runs: only `SEED` when it is set (to replay a failure), otherwise the
 * regression seeds, a fixed range 1…n and a few fresh ones (printed by every failing assertion).
 * `SEED_COUNT` widens the fixed range for a longer soak.
 */
export function seedsToRun(
  regressionSeeds: readonly number[],
  fixedCount: number,
  freshCount: number,
): number[] {
  const fromEnv = process.env.SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed)) throw new Error(`SEED must be an integer, got ${fromEnv}`);
    return [seed];
  }
  const count = Number(process.env.SEED_COUNT) || fixedCount;
  const fixed = Array.from({ length: count }, (_, i) => i + 1);
  const fresh = Array.from({ length: freshCount }, () => Math.floor(Math.random() * 0xffffffff));
  return [...new Set([...regressionSeeds, ...fixed, ...fresh])];
}

import { FULL_SIZE, NEWS_SIZE, SMOKE_SIZE, type BigArticleSize } from './big-article.js';
import { runCapacityBenchmark } from './capacity-benchmark.js';
import { runEditorBenchmark } from './editor-benchmark.js';
import { runExportBenchmark } from './export-benchmark.js';
import { runJoinBenchmark } from './join-benchmark.js';
import type { Measurement } from './measure.js';
import { runSyncBenchmark } from './sync-benchmark.js';

/** The benchmarks, in the order they run and are listed. */
export const BENCHMARK_NAMES = ['sync', 'join', 'capacity', 'editor', 'export'] as const;
/** One benchmark's name, as `--only` takes it. */
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

/** Runs one benchmark at a plan's size. */
export type BenchPlan = Record<BenchmarkName, () => Promise<Measurement[]>>;

/** An article of a couple of hundred words, for smoke runs of the sync benchmarks. */
const TINY_SIZE: BigArticleSize = { words: 300, tags: 10, reviewers: 2 };

/** The sizes of issue 7: each figure the median of 5 runs after a warm-up. */
const full: BenchPlan = {
  sync: () =>
    runSyncBenchmark({
      clientCounts: [2, 10, 50],
      article: NEWS_SIZE,
      // Three runs of each server, taking turns, two windows each: six windows per figure.
      schedule: { intervalMs: 100, warmupMs: 2_000, windowMs: 5_000, windows: 2 },
      minDeliveriesPerWindow: 500,
      rounds: 3,
    }),
  join: () => runJoinBenchmark({ article: FULL_SIZE, runs: 5, warmup: 1 }),
  capacity: () =>
    runCapacityBenchmark({
      connections: 2_000,
      articles: 200,
      activeShare: 0.1,
      article: NEWS_SIZE,
      workers: 3,
      schedule: { intervalMs: 100, warmupMs: 3_000, windowMs: 5_000, windows: 5 },
    }),
  editor: () =>
    runEditorBenchmark({
      article: FULL_SIZE,
      runs: 5,
      warmup: 1,
      // A p95 of 40 keys was a run's second slowest key; of 100 it is the fifth.
      keystrokesPerRun: 100,
      remoteIntervalMs: 100,
    }),
  export: () => runExportBenchmark(FULL_SIZE, 5),
};

/** Tiny sizes, one run each: proves every benchmark works end to end (CI); figures mean nothing. */
const smoke: BenchPlan = {
  sync: () =>
    runSyncBenchmark({
      clientCounts: [2],
      article: TINY_SIZE,
      schedule: { intervalMs: 100, warmupMs: 200, windowMs: 500, windows: 1 },
      minDeliveriesPerWindow: 0,
      rounds: 1,
    }),
  join: () => runJoinBenchmark({ article: SMOKE_SIZE, runs: 1, warmup: 0 }),
  capacity: () =>
    runCapacityBenchmark({
      connections: 12,
      articles: 3,
      activeShare: 0.25,
      article: TINY_SIZE,
      workers: 1,
      schedule: { intervalMs: 100, warmupMs: 200, windowMs: 500, windows: 1 },
    }),
  editor: () =>
    runEditorBenchmark({
      article: SMOKE_SIZE,
      runs: 1,
      warmup: 0,
      keystrokesPerRun: 5,
      remoteIntervalMs: 100,
    }),
  export: () => runExportBenchmark(SMOKE_SIZE, 1),
};

/** The full plan (`npm run bench`) and the smoke plan (`--smoke`). */
export const BENCH_PLANS = { full, smoke } as const;

/** Units a benchmark figure is given in. */
export type Unit = 'ms' | 'MB' | 'KB' | '%';

/** Median, min and max of the runs of one figure. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** One benchmark figure: the median of several runs after a warm-up, with min and max. */
export interface Measurement extends Spread {
  readonly name: string;
  readonly unit: Unit;
  readonly runs: number;
  /** The same figure measured against the reference server in the same run. */
  readonly reference?: Spread;
  /** Our median divided by the reference median (below 1: we are lower). */
  readonly ratio?: number;
  /** The target the figure is held to, if any, e.g. `< 1000 ms`. */
  readonly target?: string;
  readonly meetsTarget?: boolean;
  /** What else a reader needs to trust the figure (e.g. "every update persisted: yes"). */
  readonly note?: string;
}

/** What a figure is held to: an upper limit, or no worse than the reference. */
export type Target = { readonly below: number } | { readonly atMostReference: true };

/** The median, min and max of samples (at least one). */
export function spreadOf(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The p-th percentile (nearest rank) of ascending samples; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** A figure from the samples of several runs, with the reference's samples and a target if given. */
export function summarize(
  name: string,
  unit: Unit,
  samples: readonly number[],
  options: { reference?: readonly number[]; target?: Target; note?: string } = {},
): Measurement {
  const spread = spreadOf(samples);
  const reference =
    options.reference && options.reference.length > 0 ? spreadOf(options.reference) : undefined;
  const ratio = reference && reference.median > 0 ? spread.median / reference.median : undefined;
  const judged = judge(spread.median, options.target, reference, unit);
  return {
    name,
    unit,
    ...spread,
    runs: samples.length,
    ...(reference ? { reference } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    ...judged,
    ...(options.note ? { note: options.note } : {}),
  };
}

function judge(
  median: number,
  target: Target | undefined,
  reference: Spread | undefined,
  unit: Unit,
): { target?: string; meetsTarget?: boolean } {
  if (!target) return {};
  if ('below' in target) return { target: `< ${target.below} ${unit}`, meetsTarget: median < target.below };
  if (!reference) return { target: '≤ reference', meetsTarget: false };
  return { target: '≤ reference', meetsTarget: median <= reference.median };
}

/** Times an async task: `warmup` unmeasured runs, then `runs` measured ones. */
export async function measure(
  name: string,
  task: () => unknown,
  options: { runs?: number; warmup?: number; targetMs?: number } = {},
): Promise<Measurement> {
  const { runs = 5, warmup = 1, targetMs } = options;
  for (let i = 0; i < warmup; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return summarize(name, 'ms', times, targetMs !== undefined ? { target: { below: targetMs } } : {});
}

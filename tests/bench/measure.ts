/** One benchmark figure: the median of several runs after a warm-up, with min and max. */
export interface Measurement {
  readonly name: string;
  readonly unit: 'ms';
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** The target the figure is held to, if any, e.g. `< 1000 ms`. */
  readonly target?: string;
  readonly meetsTarget?: boolean;
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
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return {
    name,
    unit: 'ms',
    median,
    min: times[0],
    max: times[times.length - 1],
    runs,
    ...(targetMs !== undefined ? { target: `< ${targetMs} ms`, meetsTarget: median < targetMs } : {}),
  };
}

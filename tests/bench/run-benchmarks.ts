import { execFile } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultChromiumPath } from '@factcheck/export';
import { BENCH_PLANS, BENCHMARK_NAMES, type BenchmarkName } from './bench-plans.js';
import { formatTable, writeResults, type BenchFigure } from './results-table.js';

/**
 * `npm run bench`: runs the benchmarks of issue 7, prints one table (figure, median, min, max,
 * reference, ratio, target, met?) and writes the same figures to bench-results.json at the top of
 * the repository.
 *
 * - `--smoke` runs every benchmark once at a tiny size, only to prove they work (CI, `npm test`);
 *   its figures mean nothing and go to `.tmp/bench-results-smoke.json`.
 * - `--only sync,editor` runs some of them (sync, join, capacity, editor, export); the other
 *   figures in the results file are kept.
 * - env `BENCH_CPU_PROF=<dir>` makes every server write a `--cpu-prof` profile there (one folder
 *   per server kind); env `BENCH_SERVER_IMPORT=<module>` preloads one more module into our server
 *   (to instrument it while investigating); env `BENCH_RESULTS=<file>` writes the figures there
 *   instead of bench-results.json (investigations that must not touch the committed figures).
 */

function parseArguments(argv: readonly string[]): { smoke: boolean; only: BenchmarkName[] } {
  const smoke = argv.includes('--smoke');
  const onlyAt = argv.indexOf('--only');
  const requested = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : [...BENCHMARK_NAMES];
  const unknown = requested.filter((name) => !(BENCHMARK_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || requested.length === 0) {
    console.error(`--only takes a comma-separated list of: ${BENCHMARK_NAMES.join(', ')}`);
    process.exit(2);
  }
  return { smoke, only: requested as BenchmarkName[] };
}

async function chromiumVersion(): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)(defaultChromiumPath(), ['--version']);
    return stdout.trim();
  } catch {
    return null;
  }
}

const { smoke, only } = parseArguments(process.argv.slice(2));
const plan = smoke ? BENCH_PLANS.smoke : BENCH_PLANS.full;
const started = performance.now();
const loadAverageAtStart = loadavg();
const figures: BenchFigure[] = [];
const failures: { name: BenchmarkName; error: unknown }[] = [];
const ran: BenchmarkName[] = [];
for (const name of only) {
  const benchmarkStarted = performance.now();
  console.log(`\n== ${name}${smoke ? ' (smoke size)' : ''}`);
  try {
    const results = await plan[name]();
    figures.push(...results.map((result) => ({ ...result, benchmark: name })));
    ran.push(name);
    console.log(formatTable(results));
  } catch (error) {
    // One broken benchmark must not hide the others' figures.
    failures.push({ name, error });
    console.error(`${name} FAILED:`, error);
  }
  console.log(`(${((performance.now() - benchmarkStarted) / 1000).toFixed(1)} s)`);
}

console.log(`\n== all figures${smoke ? ' (smoke size: they mean nothing)' : ''}\n`);
console.log(formatTable(figures));
for (const figure of figures.filter((figure) => figure.note)) console.log(`  ${figure.name}: ${figure.note}`);
for (const { name, error } of failures)
  console.log(`  ${name}: FAILED (${(error as Error)?.message ?? error})`);

const cpu = cpus();
const file =
  process.env.BENCH_RESULTS ??
  fileURLToPath(
    new URL(smoke ? '../../.tmp/bench-results-smoke.json' : '../../bench-results.json', import.meta.url),
  );
await writeResults(
  file,
  {
    date: new Date().toISOString(),
    smoke,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model,
      memoryBytes: totalmem(),
      node: process.version,
      chromium: await chromiumVersion(),
      // Other work on the machine skews every figure; these say how busy it was.
      loadAverageAtStart,
      loadAverageAtEnd: loadavg(),
    },
    ran,
    results: figures,
  },
  { keepOthers: !smoke, order: BENCHMARK_NAMES },
);
console.log(`\nfigures written to ${file} (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
if (failures.length > 0) process.exitCode = 1;

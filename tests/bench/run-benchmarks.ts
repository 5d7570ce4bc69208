import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FULL_SIZE, SMOKE_SIZE } from './big-article.js';
import { runExportBenchmark } from './export-benchmark.js';
import type { Measurement } from './measure.js';

/**
 * `npm run bench`: runs the benchmarks, prints one table and writes the figures to
 * bench-results.json at the top of the repository. `--smoke` runs a small size once, only to prove
 * the benchmarks work (CI); figures from a smoke run mean nothing.
 */
const smoke = process.argv.includes('--smoke');
const size = smoke ? SMOKE_SIZE : FULL_SIZE;
const runs = smoke ? 1 : 5;

const results: Measurement[] = [...(await runExportBenchmark(size, runs))];

const format = (value: number) => value.toFixed(1).padStart(9);
console.log(
  `\n${'benchmark'.padEnd(48)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}  target`,
);
for (const result of results) {
  const verdict = result.target ? `${result.target} ${result.meetsTarget ? 'ok' : 'MISSED'}` : '';
  console.log(
    `${result.name.padEnd(48)}${format(result.median)}${format(result.min)}${format(result.max)}  ${verdict}`,
  );
}

const output = {
  date: new Date().toISOString(),
  smoke,
  size,
  runsPerFigure: runs,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryBytes: totalmem(),
    node: process.version,
  },
  results,
};
const file = fileURLToPath(
  new URL(smoke ? '../../.tmp/bench-results-smoke.json' : '../../bench-results.json', import.meta.url),
);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
console.log(`\nfigures written to ${file}`);

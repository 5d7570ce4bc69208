import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Measurement } from './measure.js';

/** A figure with the benchmark that produced it. */
export type BenchFigure = Measurement & { readonly benchmark: string };

/** What `bench-results.json` holds. */
export interface BenchResultsFile {
  readonly date: string;
  readonly smoke: boolean;
  readonly machine: Record<string, unknown>;
  /** When each benchmark last ran (a `--only` run updates its own figures and keeps the others). */
  readonly ranAt: Record<string, string>;
  readonly results: BenchFigure[];
}

const COLUMNS = ['figure', 'unit', 'median', 'min', 'max', 'reference', 'ratio', 'target', 'met?'] as const;

function number(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** The table row of a figure, one string per column. */
export function tableRow(figure: Measurement): string[] {
  return [
    figure.name,
    figure.unit,
    number(figure.median),
    number(figure.min),
    number(figure.max),
    number(figure.reference?.median),
    figure.ratio === undefined ? '' : `${figure.ratio.toFixed(2)}×`,
    figure.target ?? '',
    figure.meetsTarget === undefined ? '' : figure.meetsTarget ? 'met' : 'MISSED',
  ];
}

/** The figures as an aligned plain-text table with a header. */
export function formatTable(figures: readonly Measurement[]): string {
  const rows = [[...COLUMNS], ...figures.map(tableRow)];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const numeric = new Set([2, 3, 4, 5, 6]);
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The figures as a Markdown table (for docs/performance.md). */
export function formatMarkdownTable(figures: readonly Measurement[]): string {
  const header = `| ${COLUMNS.join(' | ')} |`;
  const rule = `| --- | --- | ${COLUMNS.slice(2, 7)
    .map(() => '---:')
    .join(' | ')} | --- | --- |`;
  const rows = figures.map((figure) => {
    const cells = tableRow(figure);
    if (cells[8] === 'MISSED') cells[8] = '**missed**';
    return `| ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

/**
 * Writes the results file. With `keepOthers`, figures of benchmarks that did not run this time
 * are kept from the existing file, so `--only sync` does not drop the editor figures.
 */
export async function writeResults(
  file: string,
  fresh: Omit<BenchResultsFile, 'ranAt'> & { readonly ran: readonly string[] },
  options: { readonly keepOthers: boolean; readonly order: readonly string[] },
): Promise<BenchResultsFile> {
  let previous: BenchResultsFile | null = null;
  if (options.keepOthers) {
    try {
      previous = JSON.parse(await readFile(file, 'utf8')) as BenchResultsFile;
    } catch {
      previous = null;
    }
  }
  const ran = new Set(fresh.ran);
  const rank = (figure: BenchFigure) => options.order.indexOf(figure.benchmark);
  const kept = previous?.results?.filter((figure) => figure.benchmark && !ran.has(figure.benchmark)) ?? [];
  const ranAt: Record<string, string> = { ...(previous?.ranAt ?? {}) };
  for (const name of ran) ranAt[name] = fresh.date;
  const output: BenchResultsFile = {
    date: fresh.date,
    smoke: fresh.smoke,
    machine: fresh.machine,
    ranAt,
    results: [...kept, ...fresh.results]
      .map((figure, index) => ({ figure, index }))
      .sort((a, b) => rank(a.figure) - rank(b.figure) || a.index - b.index)
      .map(({ figure }) => figure),
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  return output;
}

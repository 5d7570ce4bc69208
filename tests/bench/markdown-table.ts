import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatMarkdownTable, type BenchResultsFile } from './results-table.js';

/**
 * Prints the figures of bench-results.json (or of the file given) as the Markdown table
 * docs/performance.md shows, followed by the figures' notes:
 * `node --import tsx tests/bench/markdown-table.ts [file]`. With `--write`, replaces the table
 * between the `bench-table` markers of docs/performance.md instead of printing it.
 */
const args = process.argv.slice(2);
const write = args.includes('--write');
const file =
  args.find((arg) => !arg.startsWith('--')) ??
  fileURLToPath(new URL('../../bench-results.json', import.meta.url));
const results = JSON.parse(await readFile(file, 'utf8')) as BenchResultsFile;
const notes = results.results
  .filter((figure) => figure.note)
  .map((figure) => `- ${figure.name}: ${figure.note}`);
const section = [formatMarkdownTable(results.results), '', ...notes].join('\n');

if (write) {
  const docPath = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
  const doc = await readFile(docPath, 'utf8');
  const start = '<!-- bench-table:start -->';
  const end = '<!-- bench-table:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/performance.md lacks the ${start} … ${end} markers`);
  await writeFile(docPath, `${doc.slice(0, from + start.length)}\n\n${section}\n\n${doc.slice(to)}`);
  console.log(`docs/performance.md: table replaced from ${file}`);
} else {
  process.stdout.write(`${section}\n`);
}

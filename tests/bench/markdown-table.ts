import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatMarkdownTable, type BenchResultsFile } from './results-table.js';

/**
 * Prints the figures of bench-results.json (or of the file given) as the Markdown table
 * docs/performance.md shows, followed by the figures' notes:
 * `node --import tsx tests/bench/markdown-table.ts [file]`.
 */
const file = process.argv[2] ?? fileURLToPath(new URL('../../bench-results.json', import.meta.url));
const results = JSON.parse(await readFile(file, 'utf8')) as BenchResultsFile;
console.log(formatMarkdownTable(results.results));
console.log('');
for (const figure of results.results.filter((figure) => figure.note))
  console.log(`- ${figure.name}: ${figure.note}`);

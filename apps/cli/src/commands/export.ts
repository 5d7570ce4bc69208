import { Command } from 'commander';
import { isLabel, LABELS, type Label, type TagView } from '@factcheck/core';
import {
  EXPORT_FORMATS,
  EXPORT_VIEWS,
  isExportFormatName,
  isExportView,
  type ExportFilter,
  type ExportFormatName,
} from '@factcheck/export';
import { CliError } from '../cli-error.js';
import {
  openBatchOutput,
  STDOUT_TARGET,
  writeSingleExport,
  DEFAULT_BATCH_DIRECTORY,
} from '../output/write-output.js';
import { createProgress } from '../progress.js';
import { collectValues } from '../repeatable.js';
import { addSourceOptions, openSource, type SourceOptions } from '../source-options.js';
import type { ArticleSource, ExportSelection } from '../sources/article-source.js';

/** Options of `factcheck export` as commander parses them. */
export interface ExportOptions extends SourceOptions {
  readonly all?: boolean;
  readonly format: string;
  readonly out?: string;
  readonly label?: string[];
  readonly author?: string[];
  readonly view?: string;
}

/** The format named on the command line, or a CliError listing the formats. */
export function parseFormat(name: string): ExportFormatName {
  if (isExportFormatName(name)) return name;
  throw new CliError(`Unknown format "${name}". Formats: ${EXPORT_FORMATS.join(', ')}.`);
}

/** The view named by `--view`, or a CliError listing the views; unset means the default (`adjudicated`). */
export function parseView(name: string | undefined): TagView | undefined {
  if (name === undefined) return undefined;
  if (isExportView(name)) return name;
  throw new CliError(`Unknown view "${name}". Views: ${EXPORT_VIEWS.join(', ')}.`);
}

/** The tag filter from `--label` and `--author`; no values means no filtering on that field. */
export function parseFilter(labels: readonly string[], authors: readonly string[]): ExportFilter {
  const unknown = labels.filter((label) => !isLabel(label));
  if (unknown.length > 0) {
    throw new CliError(`Unknown label "${unknown[0]}". Labels: ${LABELS.join(', ')}.`);
  }
  return {
    ...(labels.length > 0 ? { labels: [...new Set(labels)] as Label[] } : {}),
    ...(authors.length > 0 ? { authors: [...new Set(authors)] } : {}),
  };
}

async function exportOne(
  source: ArticleSource,
  id: string,
  format: ExportFormatName,
  selection: ExportSelection,
  out: string | undefined,
): Promise<void> {
  const file = await source.exportArticle(id, format, selection);
  if (out === STDOUT_TARGET) {
    process.stdout.write(file.bytes);
    return;
  }
  const written = await writeSingleExport(file, out);
  process.stdout.write(`Wrote ${written} (${file.bytes.length} bytes)\n`);
}

async function exportAll(
  source: ArticleSource,
  format: ExportFormatName,
  selection: ExportSelection,
  out: string | undefined,
): Promise<void> {
  if (out === STDOUT_TARGET)
    throw new CliError('--all writes many files: give --out a directory or a .zip path.');
  const articles = await source.list();
  const output = await openBatchOutput(out);
  const progress = createProgress(articles.length);
  const failures: string[] = [];
  for (const article of articles) {
    try {
      const name = await output.add(await source.exportArticle(article.id, format, selection), article.id);
      progress.tick(`${article.id} → ${name}`);
    } catch (error) {
      failures.push(article.id);
      progress.log(`Could not export ${article.id}: ${(error as Error).message}`);
      progress.tick(`${article.id} failed`);
    }
  }
  progress.stop();
  const written = await output.finish();
  const exported = articles.length - failures.length;
  process.stdout.write(`Wrote ${exported} ${exported === 1 ? 'article' : 'articles'} to ${written}\n`);
  if (failures.length > 0) {
    throw new CliError(`${failures.length} of ${articles.length} articles failed: ${failures.join(', ')}.`);
  }
}

/** Runs `factcheck export` once its arguments are parsed. */
export async function runExport(articleId: string | undefined, options: ExportOptions): Promise<void> {
  const format = parseFormat(options.format);
  const filter = parseFilter(options.label ?? [], options.author ?? []);
  const view = parseView(options.view);
  const selection: ExportSelection = { filter, ...(view ? { view } : {}) };
  if (options.all && articleId) throw new CliError('Give an article id or --all, not both.');
  if (!options.all && !articleId) {
    throw new CliError('Name the article to export, or pass --all. `factcheck list` shows the ids.');
  }
  const source = await openSource(options);
  try {
    if (articleId) await exportOne(source, articleId, format, selection, options.out);
    else await exportAll(source, format, selection, options.out);
  } finally {
    await source.close();
  }
}

/** `factcheck export <articleId|--all> --format <f> [--out path] [--label l] [--author id] [--view v] …`. */
export function exportCommand(): Command {
  const command = new Command('export')
    .description('export an annotated copy of one article, or of every article with --all')
    .argument('[articleId]', 'id of the article (`factcheck list` shows them)')
    .option('-a, --all', 'export every article')
    .requiredOption('-f, --format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option(
      '-o, --out <path>',
      `one article: a file, a directory or - for stdout (default: the suggested file name here); --all: a directory or a .zip file (default: ./${DEFAULT_BATCH_DIRECTORY})`,
    )
    .option(
      '--label <label>',
      `only tags with this label: ${LABELS.join(', ')} (repeatable, or comma-separated)`,
      collectValues,
    )
    .option(
      '--author <reviewerId>',
      'only tags by this reviewer id (repeatable, or comma-separated)',
      collectValues,
    )
    .option(
      '--view <view>',
      `${EXPORT_VIEWS.join(' or ')}: the decided tag where a lead settled a disputed passage (default), or every reviewer's tags`,
    );
  return addSourceOptions(command).action(runExport);
}

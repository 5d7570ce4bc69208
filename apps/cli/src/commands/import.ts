import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import {
  formatOfFileName,
  IMPORT_CONTENT_TYPES,
  IMPORT_EXTENSIONS,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
} from '@factcheck/import';
import { CliError } from '../cli-error.js';
import { createProgress } from '../progress.js';
import type { ImportFile, ImportOverrides, ImportTarget } from '../targets/import-target.js';

/** Options of `factcheck import` as commander parses them. */
export interface ImportOptions {
  /** Unset means `$DATA_DIR`, else `./data`. */
  readonly dataDir?: string;
  readonly server?: string;
  /** Token for a protected server; unset means `$FACTCHECK_TOKEN`. */
  readonly token?: string;
  readonly title?: string;
  readonly source?: string;
  readonly charset?: string;
}

/** Opens where the articles go: a running server with `--server`, else the data directory. */
async function openTarget(options: ImportOptions): Promise<ImportTarget> {
  // Imported on demand: the data directory target brings the server's storage stack along.
  if (options.server) {
    const { HttpTarget } = await import('../targets/http-target.js');
    return new HttpTarget(options.server, options.token || process.env.FACTCHECK_TOKEN || null);
  }
  const { DataDirTarget } = await import('../targets/data-dir-target.js');
  return DataDirTarget.open(path.resolve(options.dataDir || process.env.DATA_DIR || './data'));
}

/**
 * Reads a file from disk with the content type its extension names (and `charset`, for text in a
 * legacy encoding); a CliError says why not.
 */
export async function readImportFile(filePath: string, charset?: string): Promise<ImportFile> {
  const format = formatOfFileName(filePath);
  if (!format) {
    throw new CliError(`Not a file type the desk imports (${IMPORT_EXTENSIONS.join(', ')}).`);
  }
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new CliError('Not a file.');
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  // Checked before reading, so a huge file is never loaded.
  if (size > MAX_IMPORT_BYTES) throw new CliError(tooLargeMessage(size));
  const contentType = IMPORT_CONTENT_TYPES[format];
  return {
    path: filePath,
    bytes: new Uint8Array(await readFile(filePath)),
    contentType: charset && format !== 'docx' ? `${contentType}; charset=${charset}` : contentType,
  };
}

/** Runs `factcheck import` once its arguments are parsed. */
export async function runImport(files: readonly string[], options: ImportOptions): Promise<void> {
  if (options.title !== undefined && files.length > 1) {
    throw new CliError('--title names one article: give it with one file at a time.');
  }
  const overrides: ImportOverrides = {
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.source !== undefined ? { sourceUrl: options.source } : {}),
  };
  const target = await openTarget(options);
  const progress = createProgress(files.length, process.stderr, 'Importing');
  const failures: string[] = [];
  try {
    for (const file of files) {
      try {
        const entry = await target.importFile(await readImportFile(file, options.charset), overrides);
        // stdout carries one `id<TAB>title<TAB>file` line per article, as `factcheck list` does.
        process.stdout.write(`${entry.id}\t${entry.title}\t${file}\n`);
        progress.tick(`${file} → ${entry.id}`);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        failures.push(file);
        const hint = /declares no character set/u.test(error.message)
          ? ' Here, name it with --charset, e.g. --charset windows-1252.'
          : '';
        progress.log(`Could not import ${file}: ${error.message}${hint}`);
        progress.tick(`${file} failed`);
      }
    }
  } finally {
    progress.stop();
    await target.close();
  }
  const imported = files.length - failures.length;
  process.stderr.write(`Imported ${imported} of ${files.length} ${files.length === 1 ? 'file' : 'files'}.\n`);
  if (failures.length > 0) {
    throw new CliError(
      `${failures.length} of ${files.length} files were not imported: ${failures.join(', ')}.`,
    );
  }
}

/** `factcheck import <files...> [--data-dir dir | --server url] [--title t] [--source url]`. */
export function importCommand(): Command {
  return new Command('import')
    .description('import articles from .txt, .md, .html/.htm or .docx files, each as a new article')
    .argument('<files...>', 'files to import')
    .option(
      '-d, --data-dir <dir>',
      'data directory of the server, written directly (default: $DATA_DIR or ./data)',
    )
    .option('-s, --server <url>', 'import through a running server instead, e.g. http://localhost:8080')
    .option('--token <token>', "a lead's access token for a protected server (default: $FACTCHECK_TOKEN)")
    .option('--title <title>', 'the title, over what the file says (one file only)')
    .option('--source <url>', "the article's source URL, over what the file says")
    .option('--charset <name>', 'encoding of text files that are not UTF-8, e.g. windows-1252')
    .action(runImport);
}

import path from 'node:path';
import type { Command } from 'commander';
import type { ArticleSource } from './sources/article-source.js';

/** Where a command reads articles from, as its options say. */
export interface SourceOptions {
  /** Unset means `$DATA_DIR`, else `./data`. */
  readonly dataDir?: string;
  readonly server?: string;
  /** Token for a protected server; unset means `$FACTCHECK_TOKEN`. */
  readonly token?: string;
  readonly baseUrl: string;
}

/** Base URL article IRIs are built from when reading the data directory (the server's own default). */
export const DEFAULT_BASE_URL = 'http://localhost:8080';

/** Adds `--data-dir`, `--server`, `--token` and `--base-url` to a command. */
export function addSourceOptions(command: Command): Command {
  return command
    .option(
      '-d, --data-dir <dir>',
      'data directory of the server, read directly (default: $DATA_DIR or ./data)',
    )
    .option('-s, --server <url>', 'read from a running server instead, e.g. http://localhost:8080')
    .option('--token <token>', 'access token for a protected server (default: $FACTCHECK_TOKEN)')
    .option(
      '--base-url <url>',
      'base URL of article IRIs in w3c exports from the data directory',
      DEFAULT_BASE_URL,
    );
}

/** Opens the source the options name: a running server with `--server`, else the data directory. */
export async function openSource(options: SourceOptions): Promise<ArticleSource> {
  // Imported on demand: the data directory source brings the server's storage stack along.
  if (options.server) {
    const { HttpSource } = await import('./sources/http-source.js');
    return new HttpSource(options.server, options.token || process.env.FACTCHECK_TOKEN || null);
  }
  const { DataDirSource } = await import('./sources/data-dir-source.js');
  return DataDirSource.open(
    path.resolve(options.dataDir || process.env.DATA_DIR || './data'),
    options.baseUrl,
  );
}

import { createWriteStream, existsSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import type { LeveldbDocumentStore } from '@factcheck/server';
import { CliError } from '../cli-error.js';

/** Where `backup` and `restore` reach the data: a running server, or the data directory. */
export interface StoreOptions {
  readonly dataDir?: string;
  readonly server?: string;
  readonly token?: string;
}

/** Adds `--data-dir`, `--server` and `--token` to a backup or restore command. */
export function addStoreOptions(command: Command): Command {
  return command
    .option(
      '-d, --data-dir <dir>',
      'data directory, opened directly while no server runs (default: $DATA_DIR or ./data)',
    )
    .option(
      '-s, --server <url>',
      'go through a running server instead, e.g. http://localhost:8080 (needs a lead token in protected mode)',
    )
    .option('--token <token>', 'access token for a protected server (default: $FACTCHECK_TOKEN)');
}

/** The data directory the options name. */
export function dataDirOf(options: StoreOptions): string {
  return path.resolve(options.dataDir || process.env.DATA_DIR || './data');
}

/** `<server>/api/backup` and the headers to send, from the options. */
export function backupEndpoint(options: StoreOptions & { server: string }): {
  url: URL;
  headers: Record<string, string>;
} {
  let url: URL;
  try {
    url = new URL('api/backup', options.server.endsWith('/') ? options.server : `${options.server}/`);
  } catch {
    throw new CliError(`--server needs a URL such as http://localhost:8080, got "${options.server}".`);
  }
  const token = options.token || process.env.FACTCHECK_TOKEN;
  return { url, headers: token ? { Authorization: `Bearer ${token}` } : {} };
}

/** Fetches, turning "cannot connect" into advice. */
export async function fetchServer(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as Error).cause as { code?: string } | undefined;
    throw new CliError(
      `Cannot reach the server at ${url.origin}${cause?.code ? ` (${cause.code})` : ''}. Is it running? Without --server the data directory is opened directly.`,
    );
  }
}

/** The server's JSON error as a CliError. */
export async function serverRefusal(response: Response, what: string): Promise<CliError> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const reason = typeof body?.error === 'string' ? body.error : response.statusText;
  return new CliError(`The server refused ${what}: ${response.status} ${reason}`);
}

function isLockedError(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === 'LEVEL_LOCKED') return true;
  }
  return false;
}

/**
 * Opens `<dataDir>/documents`; `create` allows a new, empty one (restoring into a fresh data
 * directory). LevelDB admits one process: while a server holds it, this fails with advice.
 */
export async function openDataStore(dataDir: string, create: boolean): Promise<LeveldbDocumentStore> {
  const directory = path.join(dataDir, 'documents');
  if (!create && !existsSync(directory)) {
    throw new CliError(
      `${dataDir} holds no documents (no documents/ folder). Pass --data-dir <dir>, or --server <url>.`,
    );
  }
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory())
    throw new CliError(`${dataDir} is not a directory.`);
  const { LeveldbDocumentStore } = await import('@factcheck/server');
  try {
    return await LeveldbDocumentStore.open(directory);
  } catch (error) {
    if (isLockedError(error)) {
      throw new CliError(
        `The data directory ${dataDir} is in use, probably by the running server (LevelDB allows one process at a time). Go through it instead: --server http://localhost:8080`,
      );
    }
    throw new CliError(`Could not open ${directory}: ${(error as Error).message}`);
  }
}

/** Writes `file` through a temporary name, so a failed backup never leaves a half file behind. */
async function writeAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    await write(temporary);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function backupFromServer(file: string, options: StoreOptions & { server: string }): Promise<string> {
  const { url, headers } = backupEndpoint(options);
  const response = await fetchServer(url, { headers });
  if (!response.ok || !response.body) throw await serverRefusal(response, 'the backup');
  await writeAtomically(file, (temporary) =>
    pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      createWriteStream(temporary),
    ),
  );
  return `from ${url.origin}`;
}

async function backupFromDataDir(file: string, options: StoreOptions): Promise<string> {
  const dataDir = dataDirOf(options);
  const store = await openDataStore(dataDir, false);
  try {
    const { StoredDocuments, writeBackup } = await import('@factcheck/server');
    let documents = 0;
    await writeAtomically(file, async (temporary) => {
      const output = createWriteStream(temporary);
      const finished = new Promise<void>((resolve, reject) =>
        output.on('finish', resolve).on('error', reject),
      );
      documents = (await writeBackup(new StoredDocuments(store), output)).documents;
      await finished;
    });
    return `${documents} documents from ${dataDir}`;
  } finally {
    await store.close();
  }
}

/** Runs `factcheck backup <file>`. */
export async function runBackup(file: string, options: StoreOptions): Promise<void> {
  const target = path.resolve(file);
  if (existsSync(target) && statSync(target).isDirectory())
    throw new CliError(`${file} is a directory; name a .zip file.`);
  const from = options.server
    ? await backupFromServer(target, { ...options, server: options.server })
    : await backupFromDataDir(target, options);
  process.stdout.write(`Wrote ${file} (${statSync(target).size} bytes, ${from})\n`);
}

/** `factcheck backup <file> [--server <url> | --data-dir <dir>]`. */
export function backupCommand(): Command {
  const command = new Command('backup')
    .description('save every article (full history, summaries, archive state) into one zip file')
    .argument('<file>', 'the zip file to write, e.g. backup.zip');
  return addStoreOptions(command).action(runBackup);
}

import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import {
  addStoreOptions,
  backupEndpoint,
  dataDirOf,
  fetchServer,
  openDataStore,
  serverRefusal,
  type StoreOptions,
} from './backup.js';

/** Counts of what a restore did. */
interface RestoreCounts {
  readonly created: number;
  readonly merged: number;
  readonly unchanged: number;
}

async function restoreThroughServer(
  bytes: Uint8Array,
  options: StoreOptions & { server: string },
): Promise<RestoreCounts> {
  const { url, headers } = backupEndpoint(options);
  const response = await fetchServer(url, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/zip' },
    body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
  });
  if (!response.ok) throw await serverRefusal(response, 'the backup');
  return (await response.json()) as RestoreCounts;
}

async function restoreIntoDataDir(bytes: Uint8Array, options: StoreOptions): Promise<RestoreCounts> {
  const { BackupError, readBackup, restoreIntoStore } = await import('@factcheck/server');
  let documents;
  try {
    documents = readBackup(bytes);
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
  const store = await openDataStore(dataDirOf(options), true);
  try {
    const report = await restoreIntoStore(documents, store);
    const counts = { created: 0, merged: 0, unchanged: 0 };
    for (const { outcome } of report.documents) counts[outcome] += 1;
    return counts;
  } finally {
    await store.close();
  }
}

/** Runs `factcheck restore <file>`. */
export async function runRestore(file: string, options: StoreOptions): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new CliError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const counts = options.server
    ? await restoreThroughServer(bytes, { ...options, server: options.server })
    : await restoreIntoDataDir(bytes, options);
  process.stdout.write(
    `Restored ${file}: ${counts.created} created, ${counts.merged} merged, ${counts.unchanged} unchanged\n`,
  );
}

/** `factcheck restore <file> [--server <url> | --data-dir <dir>]`. */
export function restoreCommand(): Command {
  const command = new Command('restore')
    .description(
      'bring back a backup: each article in it is merged into the stored one (nothing made since is lost); articles not in it are left alone',
    )
    .argument('<file>', 'a zip written by `factcheck backup`');
  return addStoreOptions(command).action(runRestore);
}

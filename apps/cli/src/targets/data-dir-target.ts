import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { importArticle, ImportError } from '@factcheck/import';
import { createArticle, LeveldbDocumentStore } from '@factcheck/server';
import { CliError } from '../cli-error.js';
import type { ImportedEntry, ImportFile, ImportOverrides, ImportTarget } from './import-target.js';

/** Whether an error (or one of its causes) is LevelDB refusing a lock another process holds. */
function isLockedError(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === 'LEVEL_LOCKED') return true;
  }
  return false;
}

/**
 * Imports straight into a data directory's LevelDB store, with the server's own importer and
 * `createArticle`, so the server lists the articles when it starts. LevelDB admits one process at
 * a time: while the server runs, use `--server`.
 */
export class DataDirTarget implements ImportTarget {
  private constructor(private readonly store: LeveldbDocumentStore) {}

  /** Opens `<dataDir>/documents` (created when missing); a CliError when the directory is missing or locked. */
  static async open(dataDir: string): Promise<DataDirTarget> {
    if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
      throw new CliError(
        `No data directory at ${dataDir}. Create it, pass --data-dir <dir> (or set DATA_DIR), or import through a running server with --server <url>.`,
      );
    }
    try {
      return new DataDirTarget(await LeveldbDocumentStore.open(path.join(dataDir, 'documents')));
    } catch (error) {
      if (isLockedError(error)) {
        throw new CliError(
          `The data directory ${dataDir} is in use by another process, probably the running server (LevelDB allows one process at a time). Import through it instead: --server http://localhost:8080`,
        );
      }
      throw new CliError(`Could not open the articles in ${dataDir}: ${(error as Error).message}`);
    }
  }

  /** Reads the file into an article and stores it whole under a new id. */
  async importFile(file: ImportFile, overrides: ImportOverrides): Promise<ImportedEntry> {
    try {
      const article = await importArticle({
        bytes: file.bytes,
        contentType: file.contentType,
        fileName: file.path,
        title: overrides.title,
        sourceUrl: overrides.sourceUrl,
      });
      return await createArticle(this.store, article);
    } catch (error) {
      if (error instanceof ImportError) throw new CliError(error.message);
      throw error;
    }
  }

  /** Closes the store, releasing the LevelDB lock. */
  async close(): Promise<void> {
    await this.store.close();
  }
}

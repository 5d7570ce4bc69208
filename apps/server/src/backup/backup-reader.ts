import { unzipSync, type Unzipped } from 'fflate';
import * as Y from 'yjs';
import { isLibraryState } from '../storage/document-store.js';
import { checkUpdate } from '../sync/update-check.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  isRestorableName,
  MAX_BACKUP_CONTENT_BYTES,
  RESTORE_UPDATE_LIMITS,
  type BackupDocument,
  type ManifestEntry,
} from './backup-format.js';

/** Every file of the zip, refusing archives that would expand past the limit. */
function unzip(bytes: Uint8Array, maxContentBytes: number): Unzipped {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > maxContentBytes)
          throw new BackupError('The backup expands to more than the server accepts.');
        return file.name === 'manifest.json' || file.name.startsWith('documents/');
      },
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Not a zip file: ${(error as Error).message}`);
  }
}

function parseJson(bytes: Uint8Array | undefined, what: string): unknown {
  if (!bytes) throw new BackupError(`The backup has no ${what}.`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BackupError(`The backup's ${what} is not JSON.`);
  }
}

function manifestEntries(manifest: unknown): ManifestEntry[] {
  const { format, version, documents } = (manifest ?? {}) as Record<string, unknown>;
  if (format !== BACKUP_FORMAT)
    throw new BackupError(
      'Not a fact-check desk backup (manifest.json has no "format": "factcheck-backup").',
    );
  if (version !== BACKUP_VERSION)
    throw new BackupError(
      `Backup version ${String(version)} is not supported (this server reads version ${BACKUP_VERSION}).`,
    );
  if (!Array.isArray(documents)) throw new BackupError('The backup manifest lists no documents.');
  return documents.map((entry: unknown, index) => {
    const { name, state, summary, library } = (entry ?? {}) as Record<string, unknown>;
    const optional = (value: unknown) => value === null || value === undefined || typeof value === 'string';
    if (typeof name !== 'string' || typeof state !== 'string' || !optional(summary) || !optional(library)) {
      throw new BackupError(`Manifest entry ${index} is malformed.`);
    }
    return {
      name,
      state,
      summary: (summary as string | null) ?? null,
      library: (library as string | null) ?? null,
      bytes: 0,
    };
  });
}

/**
 * Reads a backup zip into its documents, checking everything first: the manifest, every name
 * (article ids and blind-review copies only), and every state with the same bounded check as a
 * client's update (a backup is untrusted input). Throws BackupError saying what is wrong.
 */
export function readBackup(bytes: Uint8Array, maxContentBytes = MAX_BACKUP_CONTENT_BYTES): BackupDocument[] {
  const files = unzip(bytes, maxContentBytes);
  const entries = manifestEntries(parseJson(files['manifest.json'], 'manifest.json'));
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (!isRestorableName(entry.name))
      throw new BackupError(
        `The backup holds a document with an invalid name: ${JSON.stringify(entry.name.slice(0, 200))}.`,
      );
    if (seen.has(entry.name)) throw new BackupError(`The backup lists ${entry.name} twice.`);
    seen.add(entry.name);
    const state = files[entry.state];
    if (!state) throw new BackupError(`The backup lacks the state of ${entry.name}.`);
    try {
      checkUpdate(state, new Y.Doc(), RESTORE_UPDATE_LIMITS);
    } catch (error) {
      throw new BackupError(
        `The state of ${entry.name} is not a valid document: ${(error as Error).message}`,
      );
    }
    const summary =
      entry.summary && files[entry.summary]
        ? parseJson(files[entry.summary], `summary of ${entry.name}`)
        : null;
    const library =
      entry.library && files[entry.library]
        ? parseJson(files[entry.library], `library state of ${entry.name}`)
        : null;
    return { name: entry.name, state, summary, libraryState: isLibraryState(library) ? library : null };
  });
}

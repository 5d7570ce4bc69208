import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  documentPath,
  type BackupDocument,
  type BackupManifest,
  type ManifestEntry,
} from './backup-format.js';

/** Where a backup reads documents from. */
export interface BackupSource {
  /** Names of every stored document, sorted. */
  documentNames(): Promise<string[]>;
  /** One document, or null when it is gone. */
  readDocument(name: string): Promise<BackupDocument | null>;
}

/** What a finished backup holds. */
export interface BackupReport {
  readonly documents: number;
  readonly bytes: number;
}

const encoder = new TextEncoder();

/**
 * Writes a backup zip of every document in `source` to `output`, one document at a time (memory
 * holds one document, and the writer waits while `output` is full), then ends `output`.
 */
export async function writeBackup(
  source: BackupSource,
  output: Writable,
  now = new Date(),
): Promise<BackupReport> {
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      return;
    }
    output.write(chunk);
    if (final) output.end();
  });
  const add = async (path: string, bytes: Uint8Array) => {
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = now;
    zip.add(file);
    file.push(bytes, true);
    if (failure) throw failure;
    if (output.writableNeedDrain) await once(output, 'drain');
  };

  const entries: ManifestEntry[] = [];
  let bytes = 0;
  for (const name of await source.documentNames()) {
    const document = await source.readDocument(name);
    if (!document) continue;
    const entry: ManifestEntry = {
      name,
      state: documentPath(name, 'ystate'),
      summary: document.summary === null ? null : documentPath(name, 'summary.json'),
      library: document.libraryState === null ? null : documentPath(name, 'library.json'),
      bytes: document.state.byteLength,
    };
    await add(entry.state, document.state);
    if (entry.summary) await add(entry.summary, encoder.encode(JSON.stringify(document.summary)));
    if (entry.library) await add(entry.library, encoder.encode(JSON.stringify(document.libraryState)));
    entries.push(entry);
    bytes += document.state.byteLength;
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    documents: entries,
  };
  await add('manifest.json', encoder.encode(JSON.stringify(manifest, null, 2)));
  zip.end();
  if (failure) throw failure;
  return { documents: entries.length, bytes };
}

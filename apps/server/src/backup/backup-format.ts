import type { LibraryState } from '../storage/document-store.js';
import { isValidArticleId } from '../article-id.js';
import type { UpdateCheckLimits } from '../sync/update-check.js';

/**
 * The backup file: a zip with `manifest.json` and, per stored document, its full Yjs state
 * (`documents/<name>.ystate`), its library summary (`.summary.json`) and its library state
 * (`.library.json`, archived or deleted), names percent-encoded.
 */

/** `format` of every backup manifest. */
export const BACKUP_FORMAT = 'factcheck-backup';
/** Layout version of the backup file. */
export const BACKUP_VERSION = 1;

/** One stored document in a backup. */
export interface BackupDocument {
  /** The document name: an article id, or a blind-review copy of one. */
  readonly name: string;
  /** Everything in the document, as one Yjs update. */
  readonly state: Uint8Array;
  /** The stored library summary, as stored (informative: it is recomputed on restore). */
  readonly summary: unknown;
  /** Archived or deleted, when the library had a state for it. */
  readonly libraryState: LibraryState | null;
}

/** One document as the manifest lists it. */
export interface ManifestEntry {
  readonly name: string;
  readonly state: string;
  readonly summary: string | null;
  readonly library: string | null;
  /** Bytes of the Yjs state. */
  readonly bytes: number;
}

/** `manifest.json`: what the backup holds. */
export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly documents: readonly ManifestEntry[];
}

/** A file that is not a backup this server can restore; the message says why. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  /** Fastify answers errors with this status. */
  readonly statusCode = 400;
}

/** Path of a document's file in the zip. */
export function documentPath(name: string, kind: 'ystate' | 'summary.json' | 'library.json'): string {
  return `documents/${encodeURIComponent(name)}.${kind}`;
}

/** Blind-review copies are stored as `<article id>~blind~<session>~<reviewer hash>`. */
const FORK_NAME = /^[A-Za-z0-9_-]{1,128}~blind~[A-Za-z0-9_.-]{1,128}~[0-9a-f]{24}$/;

/** Whether a backup may restore a document of this name (an article id or a blind-review copy). */
export function isRestorableName(name: string): boolean {
  return isValidArticleId(name) || FORK_NAME.test(name);
}

/** Largest total size of the files inside a backup (zip bombs stop here). */
export const MAX_BACKUP_CONTENT_BYTES = 4 * 1024 * 1024 * 1024 - 1;

/** Whole documents are far larger than live updates: the checks of a restored state. */
export const RESTORE_UPDATE_LIMITS: UpdateCheckLimits = {
  maxUpdateStructs: 50_000_000,
  maxUpdateClients: 1_000_000,
  maxValueDepth: 64,
  updateCheckMs: 120_000,
  maxRootTypes: 64,
};

import { mkdir } from 'node:fs/promises';
import * as Y from 'yjs';
import * as lib0Buffer from 'lib0/buffer';
import { Level } from 'level';
import type { ArticleSummary } from '@factcheck/core';
import {
  isArticleSummary,
  isLibraryState,
  type DocumentStore,
  type LibraryState,
  type StoredReadingCopy,
} from './document-store.js';
import { GroupCommit } from './group-commit.js';
import { UpdateJournal, type JournalRecord, type JournalSegment } from './update-journal.js';
import {
  clockOfKey,
  documentRange,
  encodeStateVectorEntry,
  keyEncoding,
  metaKey,
  STATE_VECTOR_RANGE,
  stateVectorKey,
  updateKey,
  updateRange,
  valueEncoding,
  type StoreKey,
} from './leveldb-layout.js';

/** Meta key under which a document's library summary is kept (y-leveldb meta). */
const SUMMARY_META_KEY = 'summary';
/** Meta keys of a document's reading copy (JSON text) and of the state it shows, apart so loading reads the mark alone. */
const COPY_META_KEY = 'readingCopy';
const COPY_MARK_META_KEY = 'readingCopyMark';
/** Meta key of a document's library state (archived, deleted). */
const LIBRARY_META_KEY = 'library';
/** A log longer than this is merged into one update when the document is loaded (as y-leveldb does). */
const COMPACT_AFTER_UPDATES = 500;
/**
 * Least time between two LevelDB batches: the journal already made the changes durable, and each
 * batch costs the main thread a fixed share (a tenth of the server's CPU at one batch per change).
 */
const LEVEL_BATCH_SPACING_MS = 20;
/** Wait before writing journaled changes to LevelDB again after a failed batch. */
const LEVEL_RETRY_MS = 1_000;

/** An append waiting for this turn's journal write. */
interface PendingAppend {
  readonly name: string;
  readonly update: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** One write waiting for the next group commit. */
type StoreOperation =
  | { readonly kind: 'append'; readonly name: string; readonly update: Uint8Array }
  | { readonly kind: 'meta'; readonly name: string; readonly key: string; readonly value: Uint8Array }
  /** Replaces the log entries read at load time with their merged state. */
  | {
      readonly kind: 'compact';
      readonly name: string;
      readonly state: Uint8Array;
      readonly replaced: number[];
    };

type LevelBatchOperation = { type: 'put'; key: StoreKey; value: Uint8Array } | { type: 'del'; key: StoreKey };

type StoreLevel = Level<StoreKey, Uint8Array>;

function isNotFound(error: unknown): boolean {
  const { code, notFound } = error as { code?: string; notFound?: boolean };
  return notFound === true || code === 'LEVEL_NOT_FOUND';
}

/**
 * The document store of a real run: LevelDB in a directory of the data folder, in y-leveldb's key
 * layout. An append is durable once the update journal holds it: the appends of every document
 * made in one turn of the event loop are written there in one synchronous write at the end of the
 * turn (no trip through the thread pool, whose latency under load is what peers would wait for).
 * LevelDB is then written behind it, group-committed: everything that arrived in one turn, or while
 * the previous batch was written, goes in one LevelDB batch (one update key per document per
 * batch). Each document's update clock is kept in memory, so an append never reads before it writes.
 */
export class LeveldbDocumentStore implements DocumentStore {
  private readonly commits = new GroupCommit<StoreOperation>(
    (operations) => this.writeBatch(operations),
    LEVEL_BATCH_SPACING_MS,
  );
  /** Each document's last stored update clock (-1: none), once known. */
  private readonly clocks = new Map<string, number>();
  /** Each document's latest queued write, so reads of that document see it. */
  private readonly lastWrites = new Map<string, Promise<void>>();
  /** Appends made this turn, journaled together at its end. */
  private pendingAppends: PendingAppend[] = [];
  private journalWriteScheduled = false;
  private closed = false;

  private constructor(
    private readonly db: StoreLevel,
    /** Names with stored (journaled) updates; only this process writes the directory while it is open. */
    private readonly names: Set<string>,
    /** Names whose LevelDB listing key (`['v1_sv', name]`) is written. */
    private readonly listedInLevel: Set<string>,
    private readonly journal: UpdateJournal,
  ) {}

  /** Opens (creating if needed) the store in `directory`; fails fast if another process holds it. */
  static async open(directory: string): Promise<LeveldbDocumentStore> {
    await mkdir(directory, { recursive: true });
    const db = new Level<StoreKey, Uint8Array>(directory, {
      keyEncoding: keyEncoding as never,
      valueEncoding: valueEncoding as never,
    });
    // Opening explicitly surfaces a held lock or a corrupt directory as an error here.
    await db.open();
    const keys = await db.keys(STATE_VECTOR_RANGE).all();
    let opened: { journal: UpdateJournal; records: JournalRecord[] };
    try {
      // Inside the LevelDB directory: LevelDB leaves files it did not name alone.
      opened = UpdateJournal.open(directory);
    } catch (error) {
      await db.close();
      throw error;
    }
    const listed = keys.map((key) => key[1] as string);
    const store = new LeveldbDocumentStore(db, new Set(listed), new Set(listed), opened.journal);
    await store.replay(opened.records);
    return store;
  }

  /** Names of every stored document, sorted. */
  async listDocuments(): Promise<string[]> {
    return [...this.names].sort();
  }

  /** Whether a document with this name has stored updates. */
  async hasDocument(name: string): Promise<boolean> {
    return this.names.has(name);
  }

  /** Every stored update merged into one; a long log is compacted in the background (next batch). */
  async loadDocument(name: string): Promise<Uint8Array | null> {
    await this.writesOf(name);
    if (!this.names.has(name)) return null;
    const entries = await this.db.iterator(updateRange(name)).all();
    if (entries.length === 0) return null;
    const lastClock = clockOfKey(entries[entries.length - 1][0]);
    if (!this.clocks.has(name)) this.clocks.set(name, lastClock);
    // A log of one update is the state already (a compacted or freshly stored article); a short
    // log is merged without building a document. Callers decode the state into theirs: decoding
    // it here as well took a third of a cold join of a big article.
    if (entries.length === 1) return entries[0][1];
    if (entries.length <= COMPACT_AFTER_UPDATES) return Y.mergeUpdates(entries.map(([, update]) => update));
    const doc = new Y.Doc();
    try {
      doc.transact(() => {
        for (const [, update] of entries) Y.applyUpdate(doc, update);
      });
      // The log is long: store it as one update, garbage-collected by the document round trip.
      const state = Y.encodeStateAsUpdate(doc);
      // A failed compaction leaves the log as it was: still complete, just long.
      const replaced = entries.map(([key]) => clockOfKey(key));
      this.queue({ kind: 'compact', name, state, replaced }).catch(() => undefined);
      return state;
    } finally {
      doc.destroy();
    }
  }

  /** Appends one update; resolves once the journal holds it (at the end of this turn). */
  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ name, update, resolve, reject });
      if (this.journalWriteScheduled) return;
      this.journalWriteScheduled = true;
      setImmediate(() => this.writeJournal());
    });
  }

  /** The stored summary, or null when missing or malformed. */
  async readSummary(name: string): Promise<ArticleSummary | null> {
    let value = await this.readMeta(name, SUMMARY_META_KEY);
    // Stored as JSON text; earlier runs stored the object itself.
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch {
        return null;
      }
    }
    return isArticleSummary(value) ? value : null;
  }

  /** Replaces the stored summary (in the next batch), as JSON text: one string is far cheaper to encode. */
  writeSummary(name: string, summary: ArticleSummary, serialized?: string): Promise<void> {
    return this.writeMeta(name, SUMMARY_META_KEY, serialized ?? JSON.stringify(summary));
  }

  /** The stored reading copy, or null when missing or malformed. */
  async readReadingCopy(name: string): Promise<StoredReadingCopy | null> {
    const [mark, nodes] = await Promise.all([
      this.readMeta(name, COPY_MARK_META_KEY),
      this.readMeta(name, COPY_META_KEY),
    ]);
    return typeof mark === 'string' && typeof nodes === 'string' ? { mark, nodes } : null;
  }

  /** The mark of the stored reading copy, or null. */
  async readReadingCopyMark(name: string): Promise<string | null> {
    const mark = await this.readMeta(name, COPY_MARK_META_KEY);
    return typeof mark === 'string' ? mark : null;
  }

  /** Replaces the reading copy and its mark (in the next batch, together). */
  writeReadingCopy(name: string, copy: StoredReadingCopy): Promise<void> {
    return Promise.all([
      this.writeMeta(name, COPY_META_KEY, copy.nodes),
      this.writeMeta(name, COPY_MARK_META_KEY, copy.mark),
    ]).then(() => undefined);
  }

  /** The stored library state, or null when missing or malformed. */
  async readLibraryState(name: string): Promise<LibraryState | null> {
    const value = await this.readMeta(name, LIBRARY_META_KEY);
    return isLibraryState(value) ? value : null;
  }

  /** Replaces the stored library state (in the next batch). */
  writeLibraryState(name: string, state: LibraryState): Promise<void> {
    return this.writeMeta(name, LIBRARY_META_KEY, {
      archivedAt: state.archivedAt,
      deletedAt: state.deletedAt,
    });
  }

  /** Removes a document with its updates, summary, reading copy and library state, after every write queued before. */
  deleteDocument(name: string): Promise<void> {
    // Appends made before the deletion are journaled, and reach LevelDB, before it.
    this.writeJournal();
    let segment: JournalSegment;
    try {
      segment = this.journal.write([{ kind: 'delete', name }]);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.names.delete(name);
    return this.applyJournaled(() => this.clearDocument(name), segment);
  }

  /** Waits for queued writes, closes the journal (removed when LevelDB has it all) and the database. */
  async close(): Promise<void> {
    this.writeJournal();
    await this.commits.idle();
    // Lets the last batch's callers note what LevelDB holds before the journal closes.
    await new Promise((resolve) => setImmediate(resolve));
    // Changes whose LevelDB write keeps failing stay in the journal, for the next open to replay.
    this.closed = true;
    this.journal.close();
    await this.db.close();
  }

  /** Writes what the journal of an earlier run holds into LevelDB, in order, then removes it. */
  private async replay(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return;
    // Records LevelDB already had come back as duplicates in the log: harmless, Yjs skips them.
    const writes = records.map((record) => {
      if (record.kind === 'delete') {
        this.names.delete(record.name);
        return this.clearDocument(record.name);
      }
      this.names.add(record.name);
      return this.queue({ kind: 'append', name: record.name, update: record.update });
    });
    await Promise.all(writes);
    this.journal.dropLeftover();
  }

  /** Journals this turn's appends in one write, resolves them, and queues them for LevelDB. */
  private writeJournal(): void {
    this.journalWriteScheduled = false;
    const appends = this.pendingAppends;
    if (appends.length === 0) return;
    this.pendingAppends = [];
    let segment: JournalSegment;
    try {
      segment = this.journal.write(appends.map(({ name, update }) => ({ kind: 'append', name, update })));
    } catch (error) {
      for (const append of appends) append.reject(error);
      return;
    }
    for (const { name, update, resolve } of appends) {
      this.names.add(name);
      // Only fails once the store is closed; the journal keeps the change for the next open.
      this.applyJournaled(() => this.queue({ kind: 'append', name, update }), segment).catch(() => undefined);
      resolve();
    }
  }

  /**
   * Writes a journaled change to LevelDB, again and again after a pause if a batch fails (the
   * change is durable in the journal meanwhile), then tells the journal LevelDB has it.
   */
  private applyJournaled(write: () => Promise<void>, segment: JournalSegment): Promise<void> {
    const attempt = (): Promise<void> =>
      write().catch((error: unknown) => {
        if (this.closed) throw error;
        return new Promise<void>((resolve) => setTimeout(resolve, LEVEL_RETRY_MS).unref()).then(attempt);
      });
    return attempt().then(() => {
      if (!this.closed) this.journal.applied(segment);
    });
  }

  /** Removes every key of a document (its turn in the commit order). */
  private clearDocument(name: string): Promise<void> {
    return this.commits.exclusive(async () => {
      await this.db.clear(documentRange(name));
      await this.db.del(stateVectorKey(name));
      this.listedInLevel.delete(name);
      this.clocks.set(name, -1);
    });
  }

  private queue(operation: StoreOperation): Promise<void> {
    const written = this.commits.add(operation);
    const name = operation.name;
    this.lastWrites.set(name, written);
    const forget = () => {
      if (this.lastWrites.get(name) === written) this.lastWrites.delete(name);
    };
    written.then(forget, forget);
    return written;
  }

  /** Settles once every write of a document queued so far has (failed or succeeded). */
  private async writesOf(name: string): Promise<void> {
    this.writeJournal();
    await this.lastWrites.get(name)?.catch(() => undefined);
  }

  private writeMeta(name: string, key: string, value: unknown): Promise<void> {
    return this.queue({ kind: 'meta', name, key, value: lib0Buffer.encodeAny(value) });
  }

  private async readMeta(name: string, key: string): Promise<unknown> {
    await this.writesOf(name);
    try {
      return lib0Buffer.decodeAny(await this.db.get(metaKey(name, key)));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Writes one group commit: one update key per document, metadata, compactions; all or nothing. */
  private async writeBatch(operations: readonly StoreOperation[]): Promise<void> {
    const appends = new Map<string, Uint8Array[]>();
    for (const operation of operations) {
      if (operation.kind !== 'append') continue;
      const updates = appends.get(operation.name);
      if (updates) updates.push(operation.update);
      else appends.set(operation.name, [operation.update]);
    }
    const clocks = await this.lastClocks(operations.filter((op) => op.kind !== 'meta').map((op) => op.name));
    const newNames = new Set<string>();
    const batch: LevelBatchOperation[] = [];
    const put = (key: StoreKey, value: Uint8Array) => batch.push({ type: 'put', key, value });
    for (const [name, updates] of appends) {
      const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
      const clock = clocks.get(name)! + 1;
      clocks.set(name, clock);
      if (!this.listedInLevel.has(name)) {
        // y-leveldb lists documents by this key: written with the first update, as it does.
        put(stateVectorKey(name), encodeStateVectorEntry(Y.encodeStateVectorFromUpdate(update), 0));
        newNames.add(name);
      }
      put(updateKey(name, clock), update);
    }
    for (const operation of operations) {
      if (operation.kind === 'meta') put(metaKey(operation.name, operation.key), operation.value);
      if (operation.kind === 'compact') {
        const { name, state, replaced } = operation;
        const clock = clocks.get(name)! + 1;
        clocks.set(name, clock);
        put(updateKey(name, clock), state);
        put(stateVectorKey(name), encodeStateVectorEntry(Y.encodeStateVectorFromUpdate(state), clock));
        for (const old of replaced) batch.push({ type: 'del', key: updateKey(name, old) });
      }
    }
    if (batch.length > 0) await this.db.batch(batch as never);
    // Only a written batch moves the clocks: after a failure the same keys are free again.
    for (const [name, clock] of clocks) this.clocks.set(name, clock);
    for (const name of newNames) this.listedInLevel.add(name);
  }

  /** The last stored clock of each document (-1 when it has none), read once per document and kept. */
  private async lastClocks(names: readonly string[]): Promise<Map<string, number>> {
    const clocks = new Map<string, number>();
    await Promise.all(
      [...new Set(names)].map(async (name) => {
        let clock = this.clocks.get(name);
        if (clock === undefined) {
          const [last] = await this.db.keys({ ...updateRange(name), reverse: true, limit: 1 }).all();
          clock = last ? clockOfKey(last) : -1;
          this.clocks.set(name, clock);
        }
        clocks.set(name, clock);
      }),
    );
    return clocks;
  }
}

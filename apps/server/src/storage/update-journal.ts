import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** One journaled change: an update appended to a document, or a document deleted. */
export type JournalRecord =
  | { readonly kind: 'append'; readonly name: string; readonly update: Uint8Array }
  | { readonly kind: 'delete'; readonly name: string };

const APPEND = 0;
const DELETE = 1;
/** Bytes of the length in front of each record. */
const LENGTH_BYTES = 4;

function encodeRecords(records: readonly JournalRecord[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const record of records) {
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, record.kind === 'append' ? APPEND : DELETE);
    encoding.writeVarString(body, record.name);
    if (record.kind === 'append') encoding.writeVarUint8Array(body, record.update);
    const bytes = encoding.toUint8Array(body);
    encoding.writeUint32(encoder, bytes.byteLength);
    encoding.writeUint8Array(encoder, bytes);
  }
  return encoding.toUint8Array(encoder);
}

/** The complete records of a journal file; a record cut short by a crash ends the list. */
function decodeRecords(bytes: Uint8Array): JournalRecord[] {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset + LENGTH_BYTES <= bytes.byteLength) {
    const length = decoding.readUint32(decoding.createDecoder(bytes.subarray(offset, offset + LENGTH_BYTES)));
    const end = offset + LENGTH_BYTES + length;
    if (end > bytes.byteLength) break;
    const body = decoding.createDecoder(bytes.subarray(offset + LENGTH_BYTES, end));
    const kind = decoding.readVarUint(body);
    const name = decoding.readVarString(body);
    records.push(
      kind === APPEND
        ? { kind: 'append', name, update: decoding.readVarUint8Array(body) }
        : { kind: 'delete', name },
    );
    offset = end;
  }
  return records;
}

/**
 * A write-ahead journal of document changes in one file, written synchronously on the main
 * thread (a `write` into the page cache, some microseconds, no trip through the thread pool).
 * Once a record is written a crash of the process cannot lose it: the store replays what the
 * journal holds into LevelDB when it opens, and empties the journal once LevelDB has everything.
 */
export class UpdateJournal {
  private bytes = 0;

  private constructor(private readonly fd: number) {}

  /** Opens (creating if needed) the journal file; returns it with the records it still holds. */
  static open(file: string): { journal: UpdateJournal; records: JournalRecord[] } {
    let existing: Uint8Array;
    try {
      existing = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      existing = new Uint8Array();
    }
    const journal = new UpdateJournal(openSync(file, 'a'));
    journal.bytes = existing.byteLength;
    return { journal, records: decodeRecords(existing) };
  }

  /** Bytes in the journal. */
  get size(): number {
    return this.bytes;
  }

  /** Writes records in one call; throws (having written nothing usable) if the file cannot take them. */
  write(records: readonly JournalRecord[]): void {
    const bytes = encodeRecords(records);
    let written = 0;
    try {
      while (written < bytes.byteLength) written += writeSync(this.fd, bytes, written);
    } catch (error) {
      // A record cut short would hide every later one from the replay: cut it off.
      if (written > 0) ftruncateSync(this.fd, this.bytes);
      throw error;
    }
    this.bytes += written;
  }

  /** Empties the journal (everything in it is in LevelDB). */
  clear(): void {
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}

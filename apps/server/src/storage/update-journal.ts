import {
  closeSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** One journaled change: an update appended to a document, or a document deleted. */
export type JournalRecord =
  | { readonly kind: 'append'; readonly name: string; readonly update: Uint8Array }
  | { readonly kind: 'delete'; readonly name: string };

/** One journal file: records are written to the newest; an older one goes once LevelDB has all of it. */
export interface JournalSegment {
  readonly file: string;
  /** Records written to it that LevelDB does not hold yet. */
  unapplied: number;
}

const APPEND = 0;
const DELETE = 1;
/** Bytes of the length in front of each record. */
const LENGTH_BYTES = 4;
/** Journal files are `factcheck-journal-<sequence number>`, inside the LevelDB directory. */
const SEGMENT_PATTERN = /^factcheck-journal-(\d+)$/;
/** A segment this large is closed and a new one begun, so applied changes can be removed file by file. */
const SEGMENT_BYTES = 4 << 20;

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
 * A write-ahead journal of document changes, written synchronously on the main thread (a `write`
 * into the page cache, some microseconds, no trip through the thread pool). Once a record is
 * written a crash of the process cannot lose it: the store replays the journal into LevelDB when
 * it opens. Records go to the newest of numbered segment files; an older segment is deleted as
 * soon as LevelDB holds every record in it.
 */
export class UpdateJournal {
  private readonly segments: JournalSegment[] = [];
  private fd: number;
  private bytes = 0;

  private constructor(
    private readonly directory: string,
    private sequence: number,
    /** Segments left by an earlier run, removed once their records are replayed. */
    private readonly leftover: string[],
  ) {
    this.fd = this.startSegment();
  }

  /** Opens the journal in a directory; returns it with the records earlier runs left, in order. */
  static open(directory: string): { journal: UpdateJournal; records: JournalRecord[] } {
    const found = readdirSync(directory)
      .map((file) => ({ file, match: SEGMENT_PATTERN.exec(file) }))
      .filter((entry) => entry.match !== null)
      .map((entry) => ({ file: path.join(directory, entry.file), sequence: Number(entry.match![1]) }))
      .sort((a, b) => a.sequence - b.sequence);
    const records = found.flatMap((segment) => decodeRecords(readFileSync(segment.file)));
    const last = found.length > 0 ? found[found.length - 1].sequence : 0;
    const journal = new UpdateJournal(
      directory,
      last + 1,
      found.map((segment) => segment.file),
    );
    return { journal, records };
  }

  /** Writes records in one call; returns the segment holding them, or throws having kept nothing. */
  write(records: readonly JournalRecord[]): JournalSegment {
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
    const segment = this.segments[this.segments.length - 1];
    segment.unapplied += records.length;
    if (this.bytes >= SEGMENT_BYTES) {
      closeSync(this.fd);
      this.fd = this.startSegment();
    }
    return segment;
  }

  /** Notes that LevelDB holds `count` records of a segment; a finished older segment is deleted. */
  applied(segment: JournalSegment, count = 1): void {
    segment.unapplied -= count;
    const current = this.segments[this.segments.length - 1];
    if (segment !== current && segment.unapplied === 0) {
      this.segments.splice(this.segments.indexOf(segment), 1);
      unlinkSync(segment.file);
    }
  }

  /** Deletes the segments an earlier run left (their records are in LevelDB now). */
  dropLeftover(): void {
    for (const file of this.leftover.splice(0)) unlinkSync(file);
  }

  /** Closes the journal; deletes its files when LevelDB holds every record. */
  close(): void {
    closeSync(this.fd);
    if (this.segments.every((segment) => segment.unapplied === 0)) {
      for (const segment of this.segments.splice(0)) unlinkSync(segment.file);
    }
  }

  private startSegment(): number {
    const file = path.join(this.directory, `factcheck-journal-${this.sequence++}`);
    const fd = openSync(file, 'a');
    this.segments.push({ file, unapplied: 0 });
    this.bytes = 0;
    return fd;
  }
}

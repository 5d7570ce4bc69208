import * as decoding from 'lib0/decoding';
import type * as Y from 'yjs';
import { ProtocolError } from './protocol.js';
import { LimitExceeded, type SyncLimits } from './sync-limits.js';

/**
 * Checks a client's Yjs update (format v1, what y-websocket sends) before it may touch the shared
 * document: one pass over the bytes, allocating nothing in proportion to what the update claims,
 * bounded by its length, a struct budget and a deadline. It refuses what Yjs would choke on while
 * integrating (truncated structs, unknown content, refs to a client's own future, subdocuments,
 * counts larger than the bytes that could hold them) and what would grow the server's memory or
 * the stored document without bound (too many structs, clients, root types, nesting).
 */

/** The limits `checkUpdate` applies. */
export type UpdateCheckLimits = Pick<
  SyncLimits,
  'maxUpdateStructs' | 'maxUpdateClients' | 'maxValueDepth' | 'updateCheckMs' | 'maxRootTypes'
>;

/** Yjs client ids are random unsigned 32-bit integers. */
const MAX_CLIENT_ID = 2 ** 32 - 1;
/** Far beyond any real client's clock (one per inserted character), far below float precision. */
const MAX_CLOCK = 2 ** 40;
/** Longest root type name (ours are a few letters). */
const MAX_ROOT_NAME_LENGTH = 256;
/** How often (in loop steps) the deadline is looked at. */
const DEADLINE_STRIDE = 512;

/** Struct kinds, the low five bits of a struct's info byte (yjs `contentRefs`). */
const Kind = {
  gc: 0,
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
  skip: 10,
} as const;

/** Type refs of `ContentType` (yjs `typeRefs`); these two carry a name. */
const TYPE_REF_COUNT = 7;
const XML_ELEMENT_REF = 3;
const XML_HOOK_REF = 5;

/** `lib0/any` tags, counted down from 127. */
const AnyTag = {
  undefined: 127,
  null: 126,
  integer: 125,
  float32: 124,
  float64: 123,
  bigint: 122,
  false: 121,
  true: 120,
  string: 119,
  object: 118,
  array: 117,
  bytes: 116,
} as const;

class UpdateReader {
  private readonly decoder: decoding.Decoder;
  private steps = 0;
  private readonly deadline: number;

  constructor(
    update: Uint8Array,
    private readonly limits: UpdateCheckLimits,
  ) {
    this.decoder = decoding.createDecoder(update);
    this.deadline = performance.now() + limits.updateCheckMs;
  }

  get remaining(): number {
    return this.decoder.arr.length - this.decoder.pos;
  }

  /** One step of a loop: enforces the deadline. */
  step(): void {
    if (++this.steps % DEADLINE_STRIDE === 0 && performance.now() > this.deadline) {
      throw new LimitExceeded('update took too long to check');
    }
  }

  byte(what: string): number {
    if (this.remaining < 1) throw new ProtocolError(`truncated update (${what})`);
    return decoding.readUint8(this.decoder);
  }

  uint(what: string): number {
    try {
      return decoding.readVarUint(this.decoder);
    } catch {
      throw new ProtocolError(`truncated update (${what})`);
    }
  }

  /** A count of elements that each take at least one byte: never more than the bytes left. */
  count(what: string): number {
    const count = this.uint(what);
    if (count > this.remaining) throw new ProtocolError(`update claims more ${what} than it holds`);
    return count;
  }

  client(): number {
    const client = this.uint('client id');
    if (client > MAX_CLIENT_ID) throw new ProtocolError('client id out of range');
    return client;
  }

  clock(what: string): number {
    const clock = this.uint(what);
    if (clock >= MAX_CLOCK) throw new ProtocolError(`${what} out of range`);
    return clock;
  }

  string(what: string): string {
    try {
      return decoding.readVarString(this.decoder);
    } catch {
      throw new ProtocolError(`truncated update (${what})`);
    }
  }

  bytes(what: string): void {
    try {
      decoding.readVarUint8Array(this.decoder);
    } catch {
      throw new ProtocolError(`truncated update (${what})`);
    }
  }

  skip(length: number, what: string): void {
    if (this.remaining < length) throw new ProtocolError(`truncated update (${what})`);
    this.decoder.pos += length;
  }

  json(what: string): void {
    const text = this.string(what);
    try {
      JSON.parse(text);
    } catch {
      throw new ProtocolError(`${what} is not JSON`);
    }
  }

  /** Skips one `lib0/any` value, refusing nesting deeper than the limit. */
  any(depth: number): void {
    this.step();
    if (depth > this.limits.maxValueDepth) throw new LimitExceeded('values nested too deeply');
    const tag = this.byte('value');
    switch (tag) {
      case AnyTag.undefined:
      case AnyTag.null:
      case AnyTag.false:
      case AnyTag.true:
        return;
      case AnyTag.integer:
        this.uint('integer');
        return;
      case AnyTag.float32:
        this.skip(4, 'float');
        return;
      case AnyTag.float64:
      case AnyTag.bigint:
        this.skip(8, 'number');
        return;
      case AnyTag.string:
        this.string('string value');
        return;
      case AnyTag.object: {
        const size = this.count('object entries');
        for (let i = 0; i < size; i++) {
          this.string('object key');
          this.any(depth + 1);
        }
        return;
      }
      case AnyTag.array: {
        const size = this.count('array entries');
        for (let i = 0; i < size; i++) this.any(depth + 1);
        return;
      }
      case AnyTag.bytes:
        this.bytes('binary value');
        return;
      default:
        throw new ProtocolError(`unknown value type ${tag}`);
    }
  }
}

/** Bookkeeping of one check: structs, client ids and new root names seen so far. */
class UpdateTally {
  private structs = 0;
  private readonly clients = new Set<number>();
  private readonly newRoots = new Set<string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: UpdateCheckLimits,
  ) {}

  addStructs(count: number): void {
    this.structs += count;
    if (this.structs > this.limits.maxUpdateStructs) {
      throw new LimitExceeded(`update has more than ${this.limits.maxUpdateStructs} changes`);
    }
  }

  addClient(client: number): void {
    this.clients.add(client);
    if (this.clients.size > this.limits.maxUpdateClients) {
      throw new LimitExceeded(`update has more than ${this.limits.maxUpdateClients} client ids`);
    }
  }

  addRoot(name: string): void {
    if (name.length > MAX_ROOT_NAME_LENGTH) throw new LimitExceeded('root type name too long');
    if (this.doc.share.has(name) || this.newRoots.has(name)) return;
    this.newRoots.add(name);
    if (this.doc.share.size + this.newRoots.size > this.limits.maxRootTypes) {
      throw new LimitExceeded(`document would have more than ${this.limits.maxRootTypes} root types`);
    }
  }
}

/** A reference to another struct: a client's own structs can only refer to earlier ones. */
function readReference(reader: UpdateReader, client: number, clock: number, what: string): void {
  const refClient = reader.client();
  const refClock = reader.clock(`${what} clock`);
  if (refClient === client && refClock >= clock) {
    throw new ProtocolError(`${what} refers to a later change of the same client`);
  }
}

/** Reads an item's content; returns its length in clock units. */
function readContent(reader: UpdateReader, kind: number): number {
  switch (kind) {
    case Kind.deleted:
      return reader.uint('deleted length');
    case Kind.json: {
      const size = reader.count('JSON values');
      for (let i = 0; i < size; i++) {
        reader.step();
        const text = reader.string('JSON value');
        if (text === 'undefined') continue;
        try {
          JSON.parse(text);
        } catch {
          throw new ProtocolError('JSON content is not JSON');
        }
      }
      return size;
    }
    case Kind.binary:
      reader.bytes('binary content');
      return 1;
    case Kind.string:
      return reader.string('text').length;
    case Kind.embed:
      reader.json('embed');
      return 1;
    case Kind.format:
      reader.string('format key');
      reader.json('format value');
      return 1;
    case Kind.type: {
      const ref = reader.uint('type ref');
      if (ref >= TYPE_REF_COUNT) throw new ProtocolError(`unknown shared type ${ref}`);
      if (ref === XML_ELEMENT_REF || ref === XML_HOOK_REF) reader.string('element name');
      return 1;
    }
    case Kind.any: {
      const size = reader.count('values');
      for (let i = 0; i < size; i++) reader.any(1);
      return size;
    }
    case Kind.doc:
      throw new ProtocolError('subdocuments are not supported');
    default:
      throw new ProtocolError(`unknown struct type ${kind}`);
  }
}

function readItem(reader: UpdateReader, tally: UpdateTally, info: number, client: number, clock: number) {
  const kind = info & 0x1f;
  if (kind === Kind.doc) throw new ProtocolError('subdocuments are not supported');
  if (kind > Kind.skip) throw new ProtocolError(`unknown struct type ${kind}`);
  const hasOrigin = (info & 0x80) !== 0;
  const hasRightOrigin = (info & 0x40) !== 0;
  const hasParentSub = (info & 0x20) !== 0;
  if (hasOrigin) readReference(reader, client, clock, 'origin');
  if (hasRightOrigin) readReference(reader, client, clock, 'right origin');
  if (!hasOrigin && !hasRightOrigin) {
    const parentIsRoot = reader.uint('parent info') === 1;
    if (parentIsRoot) tally.addRoot(reader.string('root type name'));
    else readReference(reader, client, clock, 'parent');
    if (hasParentSub) reader.string('map key');
  }
  return readContent(reader, kind);
}

function readStructs(reader: UpdateReader, tally: UpdateTally): void {
  const groups = reader.count('client groups');
  const seen = new Set<number>();
  for (let group = 0; group < groups; group++) {
    const structs = reader.count('structs');
    tally.addStructs(structs);
    const client = reader.client();
    if (seen.has(client)) throw new ProtocolError('update lists a client twice');
    seen.add(client);
    tally.addClient(client);
    let clock = reader.clock('clock');
    for (let i = 0; i < structs; i++) {
      reader.step();
      const info = reader.byte('struct info');
      const kind = info & 0x1f;
      const length =
        kind === Kind.gc || kind === Kind.skip
          ? reader.uint('gap length')
          : readItem(reader, tally, info, client, clock);
      clock += length;
      if (clock >= MAX_CLOCK) throw new ProtocolError('clock out of range');
    }
  }
}

function readDeleteSet(reader: UpdateReader, tally: UpdateTally): void {
  const clients = reader.count('deleting clients');
  for (let c = 0; c < clients; c++) {
    tally.addClient(reader.client());
    const ranges = reader.count('deleted ranges');
    tally.addStructs(ranges);
    for (let r = 0; r < ranges; r++) {
      reader.step();
      const clock = reader.clock('deleted clock');
      if (clock + reader.uint('deleted length') >= MAX_CLOCK)
        throw new ProtocolError('deletion out of range');
    }
  }
}

/**
 * Throws ProtocolError when `update` is not a well-formed Yjs v1 update, and LimitExceeded when it
 * is one that crosses a limit; returns quietly when it is safe to apply to `doc`.
 */
export function checkUpdate(update: Uint8Array, doc: Y.Doc, limits: UpdateCheckLimits): void {
  const reader = new UpdateReader(update, limits);
  const tally = new UpdateTally(doc, limits);
  readStructs(reader, tally);
  readDeleteSet(reader, tally);
  if (reader.remaining > 0) throw new ProtocolError('update has trailing bytes');
}

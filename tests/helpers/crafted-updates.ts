import * as encoding from 'lib0/encoding';

/**
 * Hand-made Yjs v1 updates that no stock client sends: each breaks one rule of the format or one
 * limit of the server. Layout of a v1 update: client groups (struct count, client id, first clock,
 * structs), then the delete set (clients, each with clock and length ranges).
 */

/** Info byte bits of a struct, and the struct kinds in its low five bits. */
const HAS_ORIGIN = 0x80;
const STRING = 4;
const ANY = 8;
const SUBDOC = 9;
const TYPE = 7;

type Write = (encoder: encoding.Encoder) => void;

/** An update of one client group (its structs written by `structs`), then an empty delete set. */
export function oneGroup(count: number, structs: Write, client = 4_242, clock = 0): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  structs(encoder);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** A text item at a root type. */
export function writeRootText(encoder: encoding.Encoder, root: string, text: string, info = STRING): void {
  encoding.writeUint8(encoder, info);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, root);
  encoding.writeVarString(encoder, text);
}

/** Claims two billion client groups in a few bytes. */
export function countBomb(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 2 ** 31);
  encoding.writeVarUint(encoder, 2 ** 31);
  return encoding.toUint8Array(encoder);
}

/** A subdocument (Yjs would create a Y.Doc on the server for each). */
export function subdocument(): Uint8Array {
  return oneGroup(1, (e) => {
    encoding.writeUint8(e, SUBDOC);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, 'content');
    encoding.writeVarString(e, 'sub-guid');
    encoding.writeUint8(e, 126);
  });
}

/** An item whose origin is a later change of its own client. */
export function ownFutureOrigin(): Uint8Array {
  return oneGroup(1, (e) => {
    encoding.writeUint8(e, STRING | HAS_ORIGIN);
    encoding.writeVarUint(e, 4_242);
    encoding.writeVarUint(e, 50);
    encoding.writeVarString(e, 'loop');
  });
}

/** A struct kind Yjs does not know (17). */
export function unknownStructKind(): Uint8Array {
  return oneGroup(1, (e) => encoding.writeUint8(e, 17));
}

/** A shared type ref Yjs does not know (42). */
export function unknownTypeRef(): Uint8Array {
  return oneGroup(1, (e) => {
    encoding.writeUint8(e, TYPE);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, 'content');
    encoding.writeVarUint(e, 42);
  });
}

/** The same client's structs in two groups (Yjs would silently drop the first). */
export function clientListedTwice(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 2);
  for (let i = 0; i < 2; i++) {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 4_242);
    encoding.writeVarUint(encoder, i);
    writeRootText(encoder, 'content', 'x');
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** An item at clock 2^50: no client gets there, and clocks near 2^53 lose precision. */
export function clockOutOfRange(): Uint8Array {
  return oneGroup(1, (e) => writeRootText(e, 'content', 'x'), 4_242, 2 ** 50);
}

/** An "any" value nested `depth` arrays deep (recursive decoders overflow their stack). */
export function deeplyNested(depth: number): Uint8Array {
  return oneGroup(1, (e) => {
    encoding.writeUint8(e, ANY);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, 'meta');
    encoding.writeVarUint(e, 1);
    for (let i = 0; i < depth; i++) {
      encoding.writeUint8(e, 117);
      encoding.writeVarUint(e, 1);
    }
    encoding.writeUint8(e, 126);
  });
}

/** Items creating `count` distinct root types. */
export function manyRootTypes(count: number): Uint8Array {
  return oneGroup(count, (e) => {
    for (let i = 0; i < count; i++) writeRootText(e, `root-${i}`, 'x');
  });
}

/** `count` tiny gap structs (two bytes each): cheap to send, costly to hold. */
export function manyStructs(count: number): Uint8Array {
  return oneGroup(count, (e) => {
    for (let i = 0; i < count; i++) {
      encoding.writeUint8(e, 0);
      encoding.writeVarUint(e, 1);
    }
  });
}

/** One item (at a root type of its own) from each of `count` clients: each client id costs integration work. */
export function manyClients(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (let client = 1; client <= count; client++) {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 100_000 + client);
    encoding.writeVarUint(encoder, 0);
    writeRootText(encoder, 'stray', 'x');
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** A format item whose value is not JSON (Yjs would throw half-way through applying). */
export function formatNotJson(): Uint8Array {
  return oneGroup(1, (e) => {
    encoding.writeUint8(e, 6);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, 'content');
    encoding.writeVarString(e, 'bold');
    encoding.writeVarString(e, '{not json');
  });
}

/** Text placed after a change the server never saw (`bytes` long): Yjs holds it back in memory. */
export function dependsOnMissing(bytes: number, client = 4_242): Uint8Array {
  return oneGroup(
    1,
    (e) => {
      encoding.writeUint8(e, STRING | HAS_ORIGIN);
      encoding.writeVarUint(e, 777_777);
      encoding.writeVarUint(e, 1_000);
      encoding.writeVarString(e, 'p'.repeat(bytes));
    },
    client,
  );
}

/** The run-length-encoding bomb of yjs issue #687 (a v2 update; the server only speaks v1). */
export function rleBomb(): Uint8Array {
  return Uint8Array.from(Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'));
}

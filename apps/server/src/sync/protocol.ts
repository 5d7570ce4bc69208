import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

/**
 * The y-websocket wire protocol: every binary frame is one message, a varuint message type
 * followed by its payload. Pure encoding and decoding, no sockets.
 */

/** Message types of the y-websocket protocol. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** A message a client may send, decoded. */
export type ClientMessage =
  | { readonly kind: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step2'; readonly update: Uint8Array }
  | { readonly kind: 'sync-update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'query-awareness' };

/** A frame that does not follow the protocol; the connection that sent it is closed. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError('truncated message');
  }
}

function readType(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError(`unreadable ${what}`);
  }
}

/** Decodes one client frame; throws ProtocolError when it is malformed. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = readType(decoder, 'message type');
  switch (type) {
    case MessageType.sync: {
      const syncType = readType(decoder, 'sync message type');
      const payload = readPayload(decoder);
      switch (syncType) {
        case syncProtocol.messageYjsSyncStep1:
          try {
            Y.decodeStateVector(payload);
          } catch {
            throw new ProtocolError('malformed state vector');
          }
          return { kind: 'sync-step1', stateVector: payload };
        case syncProtocol.messageYjsSyncStep2:
          return { kind: 'sync-step2', update: payload };
        case syncProtocol.messageYjsUpdate:
          return { kind: 'sync-update', update: payload };
        default:
          throw new ProtocolError(`unknown sync message type ${syncType}`);
      }
    }
    case MessageType.awareness:
      return { kind: 'awareness', update: readPayload(decoder) };
    case MessageType.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: everything in `doc` that a peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** An incremental document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The awareness states of the given clients (removed clients are encoded as removals). */
export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: readonly number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
  return encoding.toUint8Array(encoder);
}

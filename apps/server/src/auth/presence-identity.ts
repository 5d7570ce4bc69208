import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Principal } from './tokens.js';

/**
 * Presence names come from the token, not from the client: every awareness state a signed-in
 * client publishes has its `user.id` and `user.name` replaced by the token's before anyone sees it.
 */

/** Largest awareness state accepted, in characters of JSON. */
export const MAX_PRESENCE_STATE_LENGTH = 64 * 1024;

function stampState(json: string, principal: Principal): string {
  if (json.length > MAX_PRESENCE_STATE_LENGTH) throw new Error('presence state too large');
  const state: unknown = JSON.parse(json);
  if (state === null) return json;
  if (typeof state !== 'object' || Array.isArray(state)) throw new Error('presence state is not an object');
  const record = state as Record<string, unknown>;
  const user = typeof record.user === 'object' && record.user !== null ? record.user : {};
  return JSON.stringify({ ...record, user: { ...user, id: principal.id, name: principal.name } });
}

/** The awareness update with every state's user set to the principal; throws on a malformed update. */
export function stampPresence(update: Uint8Array, principal: Principal): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    encoding.writeVarString(encoder, stampState(decoding.readVarString(decoder), principal));
  }
  return encoding.toUint8Array(encoder);
}

import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import { stampPresence } from './presence-identity.js';
import type { Principal } from './tokens.js';
import { readUpdateFootprint } from './update-footprint.js';
import { refuseWhileBlind, refuseWrite } from './write-policy.js';

/** y-websocket's message type for auth messages (permission denied). */
const MESSAGE_AUTH = 2;

/** What a sync connection may do, decided once when it joins an article. */
export interface ConnectionAccess {
  /** Who is connected: null in open mode. */
  readonly principal: Principal | null;
  /** Why this update may not be applied to the document, or null when it may. */
  checkWrite(doc: Y.Doc, update: Uint8Array): string | null;
  /** The awareness update as others may see it (names from the token). Throws on a malformed update. */
  presence(update: Uint8Array): Uint8Array;
  /** Why a client with this state vector may not sync with the document, or null. */
  refuseStaleCopy(stateVector: Uint8Array): string | null;
}

/** Options that change with the article's state. */
export interface ArticleWriteState {
  /** Whether the article is in blind review now (text and decisions frozen). */
  readonly isBlind: () => boolean;
  /** Why a client copy with this state vector may not sync (it holds a finished blind review fork), or null. */
  readonly refuseStaleCopy?: (stateVector: Uint8Array) => string | null;
}

/** The access of one connection: its principal's role, plus the article's blind-review freeze. */
export function connectionAccess(principal: Principal | null, article: ArticleWriteState): ConnectionAccess {
  return {
    principal,
    checkWrite(doc, update) {
      const blind = article.isBlind();
      if (principal === null && !blind) return null;
      const touches = readUpdateFootprint(doc, update);
      return (principal && refuseWrite(principal, touches)) ?? (blind ? refuseWhileBlind(touches) : null);
    },
    presence: (update) => (principal ? stampPresence(update, principal) : update),
    refuseStaleCopy: (stateVector) => article.refuseStaleCopy?.(stateVector) ?? null,
  };
}

/** The y-websocket message telling a client its change was refused and why. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

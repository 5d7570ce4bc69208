import * as decoding from 'lib0/decoding';
import { ProtocolError } from './protocol.js';
import { LimitExceeded, type SyncLimits } from './sync-limits.js';

/** One decoder for every check: making a TextDecoder costs more than decoding a small state. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The limits `AwarenessCheck` applies. */
export type AwarenessLimits = Pick<SyncLimits, 'maxAwarenessClients' | 'maxAwarenessStateBytes'>;

/** What the document's awareness knows of a client, as `AwarenessCheck` asks for it. */
export interface KnownPresence {
  /** The client's latest clock, or undefined for a client the document has not heard of. */
  clock(client: number): number | undefined;
  /** Whether the client has a state now (it is not gone). */
  hasState(client: number): boolean;
}

/** The UTF-8 bytes of `null`: a presence state saying the client is gone. */
const NULL_STATE = [0x6e, 0x75, 0x6c, 0x6c];

function isNullState(bytes: Uint8Array): boolean {
  return bytes.byteLength === 4 && NULL_STATE.every((byte, index) => bytes[index] === byte);
}

/**
 * Checks presence (awareness) updates from one connection before they reach the document's
 * awareness and every other reviewer: each state a JSON object (or null, for "gone") of bounded
 * size, and few client ids the document has not heard of. Stock y-websocket clients echo every
 * presence change they receive, so ids the document already knows are not counted; a stock client
 * introduces one id of its own per connection.
 *
 * An update whose every entry is an echo (a clock the document already has, which
 * `applyAwarenessUpdate` would ignore) changes nothing: `check` says so, and its states are not
 * parsed. With ten reviewers in an article, nine of every ten presence messages are such echoes.
 */
export class AwarenessCheck {
  /** Client ids this connection was the first to announce. */
  private readonly introduced = new Set<number>();

  constructor(private readonly limits: AwarenessLimits) {}

  /**
   * Throws ProtocolError for a malformed update, LimitExceeded for one over the limits. Returns
   * whether applying it would change the document's awareness (false: only echoes).
   */
  check(update: Uint8Array, known: KnownPresence): boolean {
    const decoder = decoding.createDecoder(update);
    const count = this.read(() => decoding.readVarUint(decoder));
    if (count > update.length) throw new ProtocolError('truncated presence update');
    const entries: { client: number; state: Uint8Array }[] = [];
    let changes = false;
    for (let i = 0; i < count; i++) {
      const client = this.read(() => decoding.readVarUint(decoder));
      const clock = this.read(() => decoding.readVarUint(decoder));
      const state = this.read(() => decoding.readVarUint8Array(decoder));
      if (state.byteLength > this.limits.maxAwarenessStateBytes) {
        throw new LimitExceeded(`presence state over ${this.limits.maxAwarenessStateBytes} bytes`);
      }
      const current = known.clock(client);
      // y-protocols' rule: a newer clock wins; at the same clock only a "gone" for a present client does.
      changes ||=
        current === undefined ||
        current < clock ||
        (current === clock && isNullState(state) && known.hasState(client));
      entries.push({ client, state });
    }
    if (decoder.pos !== update.length) throw new ProtocolError('presence update has trailing bytes');
    if (!changes) return false;
    for (const { client, state } of entries) this.checkState(client, state, known);
    return true;
  }

  private checkState(client: number, bytes: Uint8Array, known: KnownPresence): void {
    let state: unknown;
    try {
      state = JSON.parse(utf8.decode(bytes));
    } catch {
      throw new ProtocolError('presence state is not JSON');
    }
    if (typeof state !== 'object' || Array.isArray(state)) {
      throw new ProtocolError('presence state is not an object');
    }
    if (known.clock(client) === undefined) this.introduced.add(client);
    if (this.introduced.size > this.limits.maxAwarenessClients) {
      throw new LimitExceeded(
        `connection introduced more than ${this.limits.maxAwarenessClients} presence clients`,
      );
    }
  }

  private read<T>(read: () => T): T {
    try {
      return read();
    } catch {
      throw new ProtocolError('truncated presence update');
    }
  }
}

import * as decoding from 'lib0/decoding';
import { ProtocolError } from './protocol.js';
import { LimitExceeded, type SyncLimits } from './sync-limits.js';

/** One decoder for every check: making a TextDecoder costs more than decoding a small state. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The limits `AwarenessCheck` applies. */
export type AwarenessLimits = Pick<SyncLimits, 'maxAwarenessClients' | 'maxAwarenessStateBytes'>;

/**
 * Checks presence (awareness) updates from one connection before they reach the document's
 * awareness and every other reviewer: each state a JSON object (or null, for "gone") of bounded
 * size, and few client ids the document has not heard of. Stock y-websocket clients echo every
 * presence change they receive, so ids the document already knows are not counted; a stock client
 * introduces one id of its own per connection.
 */
export class AwarenessCheck {
  /** Client ids this connection was the first to announce. */
  private readonly introduced = new Set<number>();

  constructor(private readonly limits: AwarenessLimits) {}

  /**
   * Throws ProtocolError for a malformed update, LimitExceeded for one over the limits.
   * `isKnown` tells whether the document's awareness has already seen a client id.
   */
  check(update: Uint8Array, isKnown: (client: number) => boolean): void {
    const decoder = decoding.createDecoder(update);
    const entries = this.read(() => decoding.readVarUint(decoder));
    if (entries > update.length) throw new ProtocolError('truncated presence update');
    for (let i = 0; i < entries; i++) {
      const client = this.read(() => decoding.readVarUint(decoder));
      this.read(() => decoding.readVarUint(decoder));
      const bytes = this.read(() => decoding.readVarUint8Array(decoder));
      if (bytes.byteLength > this.limits.maxAwarenessStateBytes) {
        throw new LimitExceeded(`presence state over ${this.limits.maxAwarenessStateBytes} bytes`);
      }
      let state: unknown;
      try {
        state = JSON.parse(utf8.decode(bytes));
      } catch {
        throw new ProtocolError('presence state is not JSON');
      }
      if (typeof state !== 'object' || Array.isArray(state)) {
        throw new ProtocolError('presence state is not an object');
      }
      if (!isKnown(client)) this.introduced.add(client);
      if (this.introduced.size > this.limits.maxAwarenessClients) {
        throw new LimitExceeded(
          `connection introduced more than ${this.limits.maxAwarenessClients} presence clients`,
        );
      }
    }
    if (decoder.pos !== update.length) throw new ProtocolError('presence update has trailing bytes');
  }

  private read<T>(read: () => T): T {
    try {
      return read();
    } catch {
      throw new ProtocolError('truncated presence update');
    }
  }
}

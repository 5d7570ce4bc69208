import * as decoding from 'lib0/decoding';
import { ProtocolError } from './protocol.js';
import { LimitExceeded, type SyncLimits } from './sync-limits.js';

/** The limits `AwarenessCheck` applies. */
export type AwarenessLimits = Pick<SyncLimits, 'maxAwarenessClients' | 'maxAwarenessStateBytes'>;

/**
 * Checks presence (awareness) updates from one connection before they reach the document's
 * awareness and every other reviewer: few entries, each a JSON object (or null, for "gone") of
 * bounded size, and few distinct client ids over the connection's life (a stock client has one).
 */
export class AwarenessCheck {
  private readonly clients = new Set<number>();

  constructor(private readonly limits: AwarenessLimits) {}

  /** Throws ProtocolError for a malformed update, LimitExceeded for one over the limits. */
  check(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const entries = this.read(() => decoding.readVarUint(decoder));
    if (entries > this.limits.maxAwarenessClients) {
      throw new LimitExceeded(`presence update has more than ${this.limits.maxAwarenessClients} entries`);
    }
    for (let i = 0; i < entries; i++) {
      const client = this.read(() => decoding.readVarUint(decoder));
      this.read(() => decoding.readVarUint(decoder));
      const bytes = this.read(() => decoding.readVarUint8Array(decoder));
      if (bytes.byteLength > this.limits.maxAwarenessStateBytes) {
        throw new LimitExceeded(`presence state over ${this.limits.maxAwarenessStateBytes} bytes`);
      }
      let state: unknown;
      try {
        state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        throw new ProtocolError('presence state is not JSON');
      }
      if (typeof state !== 'object' || Array.isArray(state)) {
        throw new ProtocolError('presence state is not an object');
      }
      this.clients.add(client);
      if (this.clients.size > this.limits.maxAwarenessClients) {
        throw new LimitExceeded(`connection speaks for more than ${this.limits.maxAwarenessClients} clients`);
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

import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { AwarenessCheck } from './awareness-check.js';
import { dropPending, pendingBytes } from './pending-updates.js';
import { TokenBucket } from './rate-limiter.js';
import { LimitExceeded, type SyncLimits } from './sync-limits.js';
import { checkUpdate } from './update-check.js';

/** A connection sent more than its rate allows. */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';
}

/**
 * The checks one connection's messages pass before they touch shared state: its message and
 * byte rates, each Yjs update (`checkUpdate`), each presence update, and what an applied update
 * left pending. Throws RateLimited, LimitExceeded or ProtocolError; the connection closes itself.
 */
export class MessageGuard {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly awareness: AwarenessCheck;

  constructor(private readonly limits: SyncLimits) {
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    this.bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond);
    this.awareness = new AwarenessCheck(limits);
  }

  /** Counts one incoming frame against the connection's rates. */
  admitFrame(byteLength: number): void {
    if (!this.messages.take()) {
      throw new RateLimited(`more than ${this.limits.messagesPerSecond} messages per second`);
    }
    if (!this.bytes.take(byteLength)) {
      throw new RateLimited(`more than ${this.limits.bytesPerSecond} bytes per second`);
    }
  }

  /** Checks a Yjs update before it is applied to `doc`. */
  checkUpdate(update: Uint8Array, doc: Y.Doc): void {
    checkUpdate(update, doc, this.limits);
  }

  /** After applying an update: refuses one that left the document holding back too much. */
  afterUpdate(doc: Y.Doc): void {
    if (pendingBytes(doc) <= this.limits.maxPendingBytes) return;
    dropPending(doc);
    throw new LimitExceeded('too many changes that build on changes the server never received');
  }

  /**
   * Checks a presence update before it is applied to the document's `awareness`; false when it
   * would change nothing there (every entry an echo of what the document has), so need not be applied.
   */
  checkAwareness(update: Uint8Array, awareness: Awareness): boolean {
    return this.awareness.check(update, {
      clock: (client) => awareness.meta.get(client)?.clock,
      hasState: (client) => awareness.states.has(client),
    });
  }
}

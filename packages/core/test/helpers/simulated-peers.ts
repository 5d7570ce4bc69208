import * as Y from 'yjs';
import type { Random } from './seeded-random.js';

/**
 * Peers exchanging Yjs updates over a simulated network: every local update is queued for every
 * other peer, then delivered in random order and random batches (sometimes merged), with
 * disconnects that hold a peer's traffic until it reconnects and syncs.
 */

/** Origin of updates applied from the network, so they are not sent on again. */
export const REMOTE_ORIGIN = 'test:remote';

export class SimulatedPeers {
  readonly docs: Y.Doc[];
  /** queues[from][to]: updates sent by `from` not yet delivered to `to`. */
  private readonly queues: Uint8Array[][][];
  private readonly online: boolean[];

  constructor(
    count: number,
    initialUpdate: Uint8Array,
    private readonly random: Random,
  ) {
    this.docs = Array.from({ length: count }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = 1000 + i; // fixed ids so a seed replays the same conflict resolution
      Y.applyUpdate(doc, initialUpdate, REMOTE_ORIGIN);
      return doc;
    });
    this.queues = this.docs.map(() => this.docs.map(() => []));
    this.online = this.docs.map(() => true);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE_ORIGIN) return;
        this.docs.forEach((_, to) => {
          if (to !== from) this.queues[from][to].push(update);
        });
      });
    });
  }

  isOnline(peer: number): boolean {
    return this.online[peer];
  }

  disconnect(peer: number): void {
    this.online[peer] = false;
  }

  /** Reconnects a peer and runs the sync handshake (state vectors, then the missing updates) with every online peer. */
  reconnect(peer: number): void {
    this.online[peer] = true;
    for (let other = 0; other < this.docs.length; other++) {
      if (other === peer || !this.online[other]) continue;
      for (const [from, to] of this.random.shuffle([
        [peer, other],
        [other, peer],
      ])) {
        const missing = Y.encodeStateAsUpdate(this.docs[from], Y.encodeStateVector(this.docs[to]));
        Y.applyUpdate(this.docs[to], missing, REMOTE_ORIGIN);
      }
    }
  }

  /** Delivers a random batch of queued updates over one random link between online peers. */
  deliverSome(): void {
    const links = this.pendingLinks();
    if (links.length === 0) return;
    const [from, to] = this.random.pick(links);
    const queue = this.queues[from][to];
    const count = this.random.between(1, queue.length);
    const batch: Uint8Array[] = [];
    for (let i = 0; i < count; i++) batch.push(queue.splice(this.random.int(queue.length), 1)[0]);
    this.apply(to, batch);
  }

  /** Brings every peer online and delivers everything still queued, in random order. */
  deliverAll(): void {
    this.online.fill(true);
    for (let links = this.pendingLinks(); links.length > 0; links = this.pendingLinks()) {
      const [from, to] = this.random.pick(links);
      const queue = this.queues[from][to];
      this.apply(to, this.random.shuffle(queue.splice(0, queue.length)));
    }
  }

  private pendingLinks(): [number, number][] {
    const links: [number, number][] = [];
    this.queues.forEach((row, from) =>
      row.forEach((queue, to) => {
        if (queue.length > 0 && this.online[from] && this.online[to]) links.push([from, to]);
      }),
    );
    return links;
  }

  private apply(to: number, batch: Uint8Array[]): void {
    if (batch.length > 1 && this.random.chance(0.4)) {
      Y.applyUpdate(this.docs[to], Y.mergeUpdates(batch), REMOTE_ORIGIN);
    } else {
      for (const update of batch) Y.applyUpdate(this.docs[to], update, REMOTE_ORIGIN);
    }
  }
}

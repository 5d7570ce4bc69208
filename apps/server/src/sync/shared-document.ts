import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { STORAGE_ORIGIN } from '@factcheck/core';
import type { DocumentStore } from '../storage/document-store.js';
import type { ServerLogger } from '../logger.js';
import { encodeAwareness, encodeUpdate, ProtocolError } from './protocol.js';
import { ReleaseQueue } from './release-queue.js';

/** What a shared document needs from a connected client: a name for logs and a way to reach it. */
export interface DocumentPeer {
  readonly id: string;
  send(message: Uint8Array): void;
  /** Ends the peer's connection with a close code and a reason. */
  close(code: number, reason: string): void;
}

/** What waits in the document's release queue: a stored change to broadcast, or a message to one peer. */
type Delivery =
  | { readonly kind: 'update'; readonly update: Uint8Array; readonly from: DocumentPeer | undefined }
  | { readonly kind: 'send'; readonly peer: DocumentPeer; readonly message: Uint8Array };

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Wait before storing the whole state again after a failed write, doubled per failure up to the maximum. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;
/** A writer's own changes up to this size may come back to it inside a merged broadcast. */
const ECHO_LIMIT_BYTES = 4_096;

/**
 * One article loaded in memory, shared by every connection editing it. Each change is appended
 * to storage at once (the store writes the changes of every document in shared batches) and
 * broadcast once it is stored, in arrival order, so what peers have seen is on disk. Changes
 * stored together go to each peer as one message.
 */
export class SharedDocument {
  /** Presence of the connected clients (cursors, names); never stored. */
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer with the awareness client ids it controls, removed when it leaves. */
  private readonly peers = new Map<DocumentPeer, Set<number>>();
  /** Broadcasts and sends in arrival order, each released once the writes before it are stored. */
  private readonly deliveries = new ReleaseQueue<Delivery>((released) => this.deliver(released));
  /** Set when a write failed: the whole state is stored again (retried, and with the next change). */
  private unsaved = false;
  /** Failed writes so far: a whole-state write clears `unsaved` only if none failed after it began. */
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = RETRY_FIRST_MS;

  constructor(
    /** The article id. */
    readonly name: string,
    /** The Yjs document, already filled from storage. */
    readonly doc: Y.Doc,
    private readonly store: DocumentStore,
    private readonly log: ServerLogger,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('update', this.onUpdate);
  }

  /** Number of connected peers. */
  get peerCount(): number {
    return this.peers.size;
  }

  /** Whether some change could not be stored yet. */
  get hasUnsavedChanges(): boolean {
    return this.unsaved;
  }

  /** The peer behind a transaction origin, if the change came from one. */
  peerOf(origin: unknown): DocumentPeer | undefined {
    return this.peers.has(origin as DocumentPeer) ? (origin as DocumentPeer) : undefined;
  }

  /** Starts broadcasting to a peer. */
  addPeer(peer: DocumentPeer): void {
    if (!this.peers.has(peer)) this.peers.set(peer, new Set());
  }

  /** Stops broadcasting to a peer and removes the presence it controlled. */
  removePeer(peer: DocumentPeer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    if (clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
  }

  /** Applies a Yjs update from a peer; throws ProtocolError (leaving the document as is) if it is malformed. */
  applyPeerUpdate(update: Uint8Array, peer: DocumentPeer): void {
    // The connection has checked the update (bounded structural pass) before it gets here.
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      throw new ProtocolError(`Yjs update failed to apply: ${(error as Error).message}`);
    }
  }

  /** Applies an awareness update from a peer; throws ProtocolError if it is malformed. */
  applyPeerAwareness(update: Uint8Array, peer: DocumentPeer): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    } catch (error) {
      throw new ProtocolError(`invalid awareness update: ${(error as Error).message}`);
    }
  }

  /** The awareness states of every known client, or null when there are none. */
  encodeAllAwareness(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : null;
  }

  /** Sends a message to a peer once every change received so far is stored. */
  sendAfterWrites(peer: DocumentPeer, message: Uint8Array): void {
    this.deliveries.push({ kind: 'send', peer, message }, true);
  }

  /** Resolves when every write queued so far, and any queued meanwhile, has finished. */
  settle(): Promise<void> {
    return this.deliveries.whenEmpty();
  }

  /** Tries once more to store the whole state after a failed write; true when nothing is unsaved. */
  async saveUnsaved(): Promise<boolean> {
    if (this.unsaved) await this.write(new Uint8Array(), undefined);
    return !this.unsaved;
  }

  /** Closes every peer's connection (the article is being deleted); each leaves as it closes. */
  disconnectPeers(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
  }

  /** Detaches listeners and frees the document. */
  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.deliveries.clear();
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return;
    const from = this.peerOf(origin);
    const queued = this.deliveries.push({ kind: 'update', update, from });
    // Broadcast even after a failed write: peers must not diverge from the document in memory
    // (the whole state is stored again until a write succeeds).
    void this.write(update, from).then(() => queued.markReady());
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: AwarenessChange,
    origin: unknown,
  ): void => {
    const from = this.peerOf(origin);
    if (from) {
      const controlled = this.peers.get(from)!;
      for (const client of added) controlled.add(client);
      for (const client of removed) controlled.delete(client);
    }
    this.broadcast(encodeAwareness(this.awareness, [...added, ...updated, ...removed]), from);
  };

  /** Starts storing a change now (the store batches it with others); settles when stored or failed. */
  private async write(update: Uint8Array, from: DocumentPeer | undefined): Promise<void> {
    // After a failure the log has a gap; storing the whole state (this change included) closes it.
    const wholeState = this.unsaved;
    const failuresBefore = this.failures;
    try {
      await this.store.appendUpdate(this.name, wholeState ? Y.encodeStateAsUpdate(this.doc) : update);
      if (wholeState && this.failures === failuresBefore) {
        this.unsaved = false;
        this.retryDelayMs = RETRY_FIRST_MS;
      }
    } catch (error) {
      this.failures += 1;
      this.unsaved = true;
      this.log.error(
        { err: error, conn: from?.id ?? null },
        'failed to store an update; the document stays in memory',
      );
      this.scheduleRetry();
    }
  }

  /** Stores the whole state again after a pause, until a write succeeds. */
  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.unsaved) void this.saveUnsaved();
    }, this.retryDelayMs);
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(RETRY_MAX_MS, this.retryDelayMs * 2);
  }

  private broadcast(message: Uint8Array, except: DocumentPeer | undefined): void {
    for (const peer of this.peers.keys()) {
      if (peer !== except) peer.send(message);
    }
  }

  /** Delivers released changes and messages in order; consecutive changes go out merged. */
  private deliver(released: readonly Delivery[]): void {
    try {
      let run: { update: Uint8Array; from: DocumentPeer | undefined }[] = [];
      for (const delivery of released) {
        if (delivery.kind === 'update') {
          run.push(delivery);
          continue;
        }
        this.broadcastChanges(run);
        run = [];
        if (this.peers.has(delivery.peer)) delivery.peer.send(delivery.message);
      }
      this.broadcastChanges(run);
    } catch (error) {
      this.log.error({ err: error }, 'failed to deliver changes');
    }
  }

  /**
   * Sends each peer the changes of a run as one update message: one send per peer per storage
   * batch however many changes the batch held. One merge serves everyone; a writer gets its own
   * changes back inside it (Yjs skips what it has), unless they are big, then it gets the others'
   * changes merged apart. Merging per writer always would cost writers × changes per batch.
   */
  private broadcastChanges(run: readonly { update: Uint8Array; from: DocumentPeer | undefined }[]): void {
    if (run.length === 0) return;
    if (run.length === 1) {
      this.broadcast(encodeUpdate(run[0].update), run[0].from);
      return;
    }
    const own = new Map<DocumentPeer, { changes: number; bytes: number }>();
    for (const { from, update } of run) {
      if (!from) continue;
      const mine = own.get(from) ?? { changes: 0, bytes: 0 };
      mine.changes += 1;
      mine.bytes += update.byteLength;
      own.set(from, mine);
    }
    const everything = encodeUpdate(Y.mergeUpdates(run.map((change) => change.update)));
    for (const peer of this.peers.keys()) {
      const mine = own.get(peer);
      if (mine?.changes === run.length) continue;
      if (!mine || mine.bytes <= ECHO_LIMIT_BYTES) {
        peer.send(everything);
        continue;
      }
      const others = run.filter((change) => change.from !== peer).map((change) => change.update);
      if (others.length > 0)
        peer.send(encodeUpdate(others.length === 1 ? others[0] : Y.mergeUpdates(others)));
    }
  }
}

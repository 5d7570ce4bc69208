import { WebSocket, type RawData } from 'ws';
import { encodePermissionDenied, type ConnectionAccess } from '../auth/connection-access.js';
import type { ServerLogger } from '../logger.js';
import { MessageGuard, RateLimited } from './message-guard.js';
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, ProtocolError } from './protocol.js';
import type { DocumentPeer, SharedDocument } from './shared-document.js';
import { DEFAULT_SYNC_LIMITS, LimitExceeded, type SyncLimits } from './sync-limits.js';

/** Close codes this server uses besides the standard ones. */
export const CloseCode = {
  /** Standard: the server is going away (shutdown). */
  goingAway: 1001,
  /** Standard: a frame type we do not accept (text). */
  unsupportedData: 1003,
  /** Standard: an unexpected server error. */
  internalError: 1011,
  /** Standard: the server is at a connection or document limit; the client may retry later. */
  tryAgainLater: 1013,
  /** The client sent something that is not the protocol; reconnecting will not help. */
  badMessage: 4400,
  /** Protected mode: the token is missing, malformed, badly signed or expired. */
  unauthorized: 4401,
  /** Protected mode: the token does not cover this article. */
  forbidden: 4403,
  /** There is no article with this id. */
  unknownArticle: 4404,
  /**
   * The article went into or out of blind review: reconnect to be served the right copy. In the
   * 4500 range, which y-websocket clients treat as "reconnect" (4400–4499 stop them).
   */
  reviewModeChanged: 4509,
  /** The client's copy holds a finished blind review's fork: it must start again from a fresh copy. */
  staleCopy: 4410,
  /** The article was deleted (a lead may restore it for a short while). */
  articleDeleted: 4411,
  /** A well-formed message over a limit (update size, nesting, presence size, pending changes). */
  tooLarge: 4413,
  /** The client sent messages or bytes faster than its rate limit; in the 45xx range, so it may retry later. */
  rateLimited: 4529,
} as const;

/** Messages a client may send before its document has loaded; more means it is misbehaving. */
const MAX_MESSAGES_BEFORE_LOAD = 256;
/** WebSocket close reasons are limited to 123 bytes. */
const MAX_REASON_LENGTH = 120;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * One WebSocket speaking the y-websocket protocol for one article. It buffers frames until its
 * document is attached, then answers sync and awareness messages; a malformed frame closes only
 * this connection.
 */
export class Connection implements DocumentPeer {
  private document: SharedDocument | null = null;
  private buffered: Uint8Array[] = [];
  private finished = false;
  private readonly guard: MessageGuard;
  private access: ConnectionAccess | null = null;
  /** Set after a refused write: the client's copy has diverged, so later writes are refused too. */
  private writeRefusal: string | null = null;
  private resolveClosed!: () => void;
  /** Resolves once the socket is closed and the connection has left its document. */
  readonly whenClosed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  constructor(
    /** Connection id for logs (`conn`). */
    readonly id: string,
    private readonly socket: WebSocket,
    private readonly log: ServerLogger,
    limits: SyncLimits = DEFAULT_SYNC_LIMITS,
  ) {
    this.guard = new MessageGuard(limits);
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('error', (error) => this.log.warn({ err: error }, 'socket error'));
    socket.on('close', (code, reason) => {
      this.log.info({ code, reason: reason.toString() }, 'connection closed');
      this.finish();
    });
  }

  /** Whether the connection has closed. */
  get isClosed(): boolean {
    return this.finished;
  }

  /** Joins the loaded document: sends sync step 1 and current presence, then handles buffered frames. */
  attach(document: SharedDocument, access: ConnectionAccess | null = null): boolean {
    if (this.finished) return false;
    this.document = document;
    this.access = access;
    document.addPeer(this);
    this.send(encodeSyncStep1(document.doc));
    const presence = document.encodeAllAwareness();
    if (presence) this.send(presence);
    const buffered = this.buffered;
    this.buffered = [];
    for (const frame of buffered) {
      if (this.finished) break;
      this.handle(frame);
    }
    return true;
  }

  /** Sends one binary frame if the socket is still open. */
  send(message: Uint8Array): void {
    if (this.finished || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(message, { binary: true }, (error) => {
      if (error) this.log.debug({ err: error }, 'send failed');
    });
  }

  /** Leaves the document and closes the socket with a code and a reason. */
  close(code: number, reason: string): void {
    if (this.finished) return;
    this.finish();
    this.socket.close(code, reason.slice(0, MAX_REASON_LENGTH));
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.finished) return;
    if (!isBinary) {
      this.reject(CloseCode.unsupportedData, 'text frames are not supported');
      return;
    }
    const frame = toBytes(data);
    try {
      this.guard.admitFrame(frame.length);
    } catch (error) {
      this.reject(CloseCode.rateLimited, `rate limit: ${(error as RateLimited).message}`, frame.length);
      return;
    }
    if (this.document) {
      this.handle(frame);
    } else if (this.buffered.length < MAX_MESSAGES_BEFORE_LOAD) {
      this.buffered.push(frame);
    } else {
      this.reject(CloseCode.badMessage, 'too many messages before the document loaded');
    }
  }

  private handle(frame: Uint8Array): void {
    const document = this.document!;
    try {
      const message = decodeClientMessage(frame);
      switch (message.kind) {
        case 'sync-step1': {
          const stale = this.access?.refuseStaleCopy(message.stateVector) ?? null;
          if (stale) {
            this.reject(CloseCode.staleCopy, stale);
            return;
          }
          document.sendAfterWrites(this, encodeSyncStep2(document.doc, message.stateVector));
          break;
        }
        case 'sync-step2':
        case 'sync-update':
          this.guard.checkUpdate(message.update, document.doc);
          if (this.refusesWrite(document, message.update)) break;
          document.applyPeerUpdate(message.update, this);
          this.guard.afterUpdate(document.doc);
          break;
        case 'awareness':
          // An echo of presence the document has would change nothing: Yjs would ignore it.
          if (!this.guard.checkAwareness(message.update, document.awareness)) break;
          document.applyPeerAwareness(this.stampedPresence(message.update), this);
          break;
        case 'query-awareness': {
          const presence = document.encodeAllAwareness();
          if (presence) this.send(presence);
          break;
        }
      }
    } catch (error) {
      if (error instanceof ProtocolError) {
        this.reject(CloseCode.badMessage, error.message, frame.length);
      } else if (error instanceof LimitExceeded) {
        this.reject(CloseCode.tooLarge, error.message, frame.length);
      } else {
        this.log.error({ err: error }, 'failed to handle a message; closing the connection');
        this.close(CloseCode.internalError, 'internal error');
      }
    }
  }

  /** Drops an update the connection's role may not make and tells the client why; true if dropped. */
  private refusesWrite(document: SharedDocument, update: Uint8Array): boolean {
    if (!this.access || update.length <= 2) return false; // An empty update changes nothing.
    let reason = this.writeRefusal;
    try {
      reason ??= this.access.checkWrite(document.doc, update);
    } catch (error) {
      throw new ProtocolError(`invalid Yjs update: ${(error as Error).message}`);
    }
    if (reason === null) return false;
    if (this.writeRefusal === null) this.log.warn({ reason, bytes: update.length }, 'write refused');
    this.writeRefusal = reason;
    this.send(encodePermissionDenied(`change refused: ${reason}`));
    return true;
  }

  private stampedPresence(update: Uint8Array): Uint8Array {
    if (!this.access) return update;
    try {
      return this.access.presence(update);
    } catch (error) {
      throw new ProtocolError(`invalid awareness update: ${(error as Error).message}`);
    }
  }

  private reject(code: number, reason: string, bytes?: number): void {
    this.log.warn({ reason, code, bytes }, 'malformed message; closing the connection');
    this.close(code, reason);
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.buffered = [];
    this.document?.removePeer(this);
    this.resolveClosed();
  }
}

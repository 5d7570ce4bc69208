import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isValidArticleId } from '../article-id.js';
import { AccessControl } from '../auth/access-control.js';
import { connectionAccess } from '../auth/connection-access.js';
import type { BlindReviews } from '../review/blind-reviews.js';
import type { SharedDocument } from './shared-document.js';
import { TokenError, type Principal } from '../auth/tokens.js';
import type { ServerLogger } from '../logger.js';
import { CloseCode, Connection } from './connection.js';
import { ConnectionCaps } from './connection-caps.js';
import { DocumentCapacityError, type DocumentRegistry } from './document-registry.js';
import { Heartbeat } from './heartbeat.js';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync-limits.js';

/** Path prefix of the sync endpoint: `ws://host/sync/<articleId>`. */
export const SYNC_PATH_PREFIX = '/sync/';

/** How the sync endpoint accepts connections. */
export interface SyncEndpointOptions {
  readonly registry: DocumentRegistry;
  readonly log: ServerLogger;
  /** Largest frame a client may send; bigger ones close the connection (1009). */
  readonly maxPayloadBytes: number;
  /** Interval of keep-alive pings. */
  readonly heartbeatMs: number;
  /** Connection caps, rate limits and update checks (default DEFAULT_SYNC_LIMITS). */
  readonly limits?: SyncLimits;
  /** Token and role checks (default open mode: none). */
  readonly access?: AccessControl;
  /** Blind reviews: which copy of an article a reviewer is served. */
  readonly blind?: BlindReviews;
}

/** The `token` query parameter of a sync URL (`?token=`, as y-websocket's `params` sends it). */
export function tokenOf(url: string | undefined): string | null {
  const query = (url ?? '').split('?')[1];
  return query ? new URLSearchParams(query).get('token') : null;
}

/** The `reviewer` query parameter: who an open-mode client says it is (blind review needs it). */
export function reviewerParamOf(url: string | undefined): string | null {
  const query = (url ?? '').split('?')[1];
  const reviewer = query ? new URLSearchParams(query).get('reviewer') : null;
  return reviewer && reviewer.length <= 200 ? reviewer : null;
}

const OPEN_ACCESS = new AccessControl(null);

/** The article id a request path asks for: null if not a sync path, `valid: false` for a bad id. */
export function parseSyncPath(url: string | undefined): { id: string; valid: boolean } | null {
  const path = (url ?? '').split('?')[0];
  if (!path.startsWith(SYNC_PATH_PREFIX)) return null;
  const raw = path.slice(SYNC_PATH_PREFIX.length);
  try {
    const id = decodeURIComponent(raw);
    return { id, valid: isValidArticleId(id) };
  } catch {
    return { id: raw, valid: false };
  }
}

/**
 * The WebSocket edge: takes HTTP upgrades for `/sync/<articleId>`, gives each socket a
 * Connection and joins it to its document through the registry.
 */
export class SyncEndpoint {
  private readonly server: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: Heartbeat;
  private readonly limits: SyncLimits;
  private readonly caps: ConnectionCaps;
  private nextConnection = 0;
  private closing = false;

  constructor(private readonly options: SyncEndpointOptions) {
    this.server = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayloadBytes,
      perMessageDeflate: false,
    });
    this.heartbeat = new Heartbeat(options.heartbeatMs);
    this.limits = options.limits ?? DEFAULT_SYNC_LIMITS;
    this.caps = new ConnectionCaps(this.limits);
  }

  /** Handles an HTTP upgrade request (attach to the HTTP server's `upgrade` event). */
  handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (error) => this.options.log.debug({ err: error }, 'upgrade socket error'));
    const target = parseSyncPath(request.url);
    if (!target || this.closing) {
      const status = this.closing ? '503 Service Unavailable' : '404 Not Found';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, target, request));
  };

  /** Number of open connections. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Stops accepting connections and closes the open ones with 1001 (they leave their documents at once). */
  closeAll(): void {
    this.closing = true;
    this.heartbeat.stop();
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'server shutting down');
  }

  /** Drops sockets still waiting for a close handshake. */
  terminate(): void {
    for (const ws of this.server.clients) ws.terminate();
    this.server.close();
  }

  private accept(ws: WebSocket, target: { id: string; valid: boolean }, request: IncomingMessage): void {
    const conn = `c${++this.nextConnection}`;
    const log = this.options.log.child({ article: target.id.slice(0, 200), conn });
    const address = request.socket.remoteAddress ?? 'unknown';
    const refusal = this.caps.admit(address);
    if (refusal) {
      log.warn({ remote: address, reason: refusal }, 'rejecting connection');
      ws.close(CloseCode.tryAgainLater, refusal);
      return;
    }
    const connection = new Connection(conn, ws, log, this.limits);
    void connection.whenClosed.then(() => this.caps.release(address));
    this.heartbeat.watch(ws);
    this.connections.add(connection);
    void connection.whenClosed.then(() => this.connections.delete(connection));
    log.info({ remote: request.socket.remoteAddress }, 'connection opened');
    if (!target.valid) {
      log.warn({ reason: 'invalid article id' }, 'rejecting connection');
      connection.close(CloseCode.badMessage, 'invalid article id');
      return;
    }
    void this.authorizeAndJoin(connection, target.id, request, log);
  }

  /** Checks the token before anything of the document is sent: 4401 without a valid one, 4403 outside its articles. */
  private async authorizeAndJoin(
    connection: Connection,
    articleId: string,
    request: IncomingMessage,
    log: ServerLogger,
  ): Promise<void> {
    const access = this.options.access ?? OPEN_ACCESS;
    let principal: Principal | null;
    try {
      principal = await access.authenticate(tokenOf(request.url));
    } catch (error) {
      const reason = error instanceof TokenError ? error.message : 'the token could not be checked';
      log.warn({ reason }, 'rejecting connection');
      connection.close(CloseCode.unauthorized, reason);
      return;
    }
    if (!access.canRead(principal, articleId)) {
      log.warn({ reason: 'article not covered', reviewer: principal?.id }, 'rejecting connection');
      connection.close(CloseCode.forbidden, 'your token does not cover this article');
      return;
    }
    if (principal) log.info({ reviewer: principal.id, role: principal.role }, 'signed in');
    await this.join(connection, articleId, log, principal, reviewerParamOf(request.url));
  }

  private async join(
    connection: Connection,
    articleId: string,
    log: ServerLogger,
    principal: Principal | null,
    reviewer: string | null,
  ): Promise<void> {
    const { registry } = this.options;
    let document;
    try {
      document = await registry.acquire(articleId);
    } catch (error) {
      if (error instanceof DocumentCapacityError) {
        log.warn({ reason: error.message }, 'rejecting connection');
        connection.close(CloseCode.tryAgainLater, error.message);
        return;
      }
      log.error({ err: error }, 'could not load the article');
      connection.close(CloseCode.internalError, 'could not load the article');
      return;
    }
    if (!document) {
      log.info({ reason: 'unknown article' }, 'rejecting connection');
      connection.close(CloseCode.unknownArticle, 'unknown article');
      return;
    }
    const served = await this.blindFork(connection, document, principal?.id ?? reviewer, log);
    if (!served) return;
    const access = connectionAccess(principal, {
      isBlind: () => this.options.blind?.isBlind(served) ?? false,
      refuseStaleCopy: (stateVector) =>
        served === document ? (this.options.blind?.refuseStaleCopy(served, stateVector) ?? null) : null,
    });
    if (!connection.attach(served, access)) {
      registry.release(served);
      return;
    }
    void connection.whenClosed.then(() => registry.release(served));
  }

  /**
   * The document to serve: the article itself, or while it is in blind review the reviewer's own
   * fork (the article is released then). Null, with the connection closed, when none can be served.
   */
  private async blindFork(
    connection: Connection,
    article: SharedDocument,
    reviewerId: string | null,
    log: ServerLogger,
  ): Promise<SharedDocument | null> {
    const { registry, blind } = this.options;
    if (!blind?.isBlind(article)) return article;
    try {
      if (!reviewerId) {
        connection.close(
          CloseCode.forbidden,
          'the article is in blind review: connect with your reviewer id',
        );
        return null;
      }
      return await blind.forkFor(article, reviewerId);
    } catch (error) {
      log.error({ err: error }, 'could not open the blind review copy');
      connection.close(CloseCode.internalError, 'could not open your blind review copy');
      return null;
    } finally {
      registry.release(article);
    }
  }
}

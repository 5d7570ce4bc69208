import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { closePdfRenderer } from '@factcheck/export';
import { AccessControl } from './auth/access-control.js';
import { MIN_SECRET_LENGTH } from './auth/tokens.js';
import { BlindReviews } from './review/blind-reviews.js';
import { seedCorpus } from './corpus/seed-corpus.js';
import { ArticleSnapshots } from './export/article-snapshots.js';
import { createHttpApp } from './http/create-http-app.js';
import { ArticleLibrary } from './library/article-library.js';
import { ArticleLifecycle, DEFAULT_UNDO_WINDOW_MS } from './library/article-lifecycle.js';
import { createLogger, type ServerLogger } from './logger.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_WEB_DIST } from './paths.js';
import type { DocumentStore } from './storage/document-store.js';
import { LeveldbDocumentStore } from './storage/leveldb-store.js';
import { DocumentRegistry } from './sync/document-registry.js';
import { InlineSummaryComputer, type SummaryComputer } from './summaries/summary-computer.js';
import { WorkerSummaryComputer } from './summaries/worker-summary-computer.js';
import { SyncEndpoint } from './sync/sync-endpoint.js';
import { resolveSyncLimits, type SyncLimits } from './sync/sync-limits.js';

/** How to start the server; everything has a default fit for `npm start`. */
export interface StartServerOptions {
  /** TCP port; 0 picks a free one. Default 8080. */
  readonly port?: number;
  /** Interface to listen on. Default `0.0.0.0`. */
  readonly host?: string;
  /** Data directory; LevelDB lives in `<dataDir>/documents`. Default `./data`. Ignored when `storage` is given. */
  readonly dataDir?: string;
  /** A store to use instead of LevelDB (e.g. MemoryDocumentStore); the caller closes it. */
  readonly storage?: DocumentStore;
  /** Built web app to serve; null serves the build hint. Default `apps/web/dist`. */
  readonly webDist?: string | null;
  /** Plain-text articles seeded into an empty store; null seeds nothing. Default `articles/`. */
  readonly corpusDir?: string | null;
  /** Logger to use; default a pino JSON logger to stdout at `logLevel`. */
  readonly logger?: ServerLogger;
  /** Level of the default logger. Default `info`. */
  readonly logLevel?: string;
  /** Grace period before a document nobody is connected to is unloaded. Default 2000 ms. */
  readonly unloadDelayMs?: number;
  /**
   * How long a library summary waits after a change before it is computed again: four times as
   * long when only the text changed (typing), longer for very large articles and on a busy
   * server. Default 500 ms.
   */
  readonly summaryDelayMs?: number;
  /**
   * Where library summaries of loaded articles are computed: `worker` (default), a worker thread
   * off the sync path, or `main`, the main thread (for hosts that cannot start workers).
   */
  readonly summaryThread?: 'worker' | 'main';
  /** How long a deleted article can be restored before its data is removed. Default 15 s. */
  readonly undoWindowMs?: number;
  /** Largest WebSocket frame accepted. Default 2 MiB. */
  readonly maxPayloadBytes?: number;
  /** Keep-alive ping interval of WebSocket connections. Default 30 s. */
  readonly heartbeatMs?: number;
  /** Limits on sync clients (connections, rates, update checks); unset ones keep DEFAULT_SYNC_LIMITS. */
  readonly limits?: Partial<SyncLimits>;
  /** Documents held in memory at most; idle ones are unloaded to make room. Default 500. */
  readonly maxLoadedDocuments?: number;
  /** Secret that signs access tokens; set, it turns on protected mode. Default none (open mode). */
  readonly authSecret?: string | null;
}

/** A running server. */
export interface RunningServer {
  /** The port it listens on. */
  readonly port: number;
  /** Base HTTP URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Base URL for y-websocket providers: `ws://…/sync` (the article id is the room name). */
  readonly syncUrl: string;
  /** Number of documents in memory (read-only, for tests and health). */
  loadedDocumentCount(): number;
  /** Number of open sync connections. */
  connectionCount(): number;
  /** Closes connections, stores pending changes and summaries, stops listening, closes owned storage. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the HTTP API, the web app and the sync endpoint on one port. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const log = options.logger ?? createLogger(options.logLevel);
  const host = options.host ?? '0.0.0.0';
  const authSecret = options.authSecret ?? null;
  if (authSecret !== null && authSecret.length < MIN_SECRET_LENGTH) {
    throw new Error(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
  }
  const access = new AccessControl(authSecret);
  const ownsStore = !options.storage;
  const opened =
    options.storage ?? (await LeveldbDocumentStore.open(path.join(options.dataDir ?? './data', 'documents')));
  // Every writer uses the library's watched store, so the library index follows summaries and deletions.
  const library = new ArticleLibrary(opened, log);
  const store = library.watch();
  const summaries: SummaryComputer =
    options.summaryThread === 'main' ? new InlineSummaryComputer() : new WorkerSummaryComputer(log);
  // Loading the worker takes a moment: start it now, not when the first article opens.
  if (summaries instanceof WorkerSummaryComputer) summaries.start();
  try {
    const corpusDir = options.corpusDir === undefined ? DEFAULT_CORPUS_DIR : options.corpusDir;
    if (corpusDir) await seedCorpus(store, corpusDir, log);

    const registry = new DocumentRegistry({
      store,
      log,
      unloadDelayMs: options.unloadDelayMs ?? 2_000,
      summaryDelayMs: options.summaryDelayMs ?? 500,
      summaries,
      maxLoadedDocuments: options.maxLoadedDocuments ?? 500,
    });
    const lifecycle = new ArticleLifecycle({
      library,
      store,
      registry,
      log,
      undoWindowMs: options.undoWindowMs ?? DEFAULT_UNDO_WINDOW_MS,
    });
    // Indexes the library and resumes deletions a restart interrupted.
    await lifecycle.resumePendingPurges();
    const blind = new BlindReviews(registry, store, log);
    const sync = new SyncEndpoint({
      registry,
      access,
      blind,
      log,
      maxPayloadBytes: options.maxPayloadBytes ?? 2 * 1024 * 1024,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      limits: resolveSyncLimits(options.limits),
    });
    const app = await createHttpApp({
      log,
      library,
      lifecycle,
      articles: new ArticleSnapshots(registry, store),
      registry,
      webDist: options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist,
      startedAt: Date.now(),
      access,
      blind,
    });
    app.server.on('upgrade', sync.handleUpgrade);
    await app.listen({ port: options.port ?? 8080, host });

    const port = (app.server.address() as AddressInfo).port;
    const url = `http://${urlHost(host)}:${port}`;
    log.info({ url, port, host, protected: access.isProtected }, 'server listening');

    let closing: Promise<void> | null = null;
    const close = async (): Promise<void> => {
      lifecycle.stop();
      sync.closeAll();
      await registry.closeAll();
      await summaries.close();
      sync.terminate();
      await app.close();
      // The browser the pdf export launched, if any.
      await closePdfRenderer();
      if (ownsStore) await store.close();
      log.info('server stopped');
    };
    return {
      port,
      url,
      syncUrl: `ws://${urlHost(host)}:${port}/sync`,
      loadedDocumentCount: () => registry.loadedDocumentCount(),
      connectionCount: () => sync.connectionCount,
      close: () => (closing ??= close()),
    };
  } catch (error) {
    await summaries.close();
    if (ownsStore) await store.close().catch(() => undefined);
    throw error;
  }
}

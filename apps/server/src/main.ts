import path from 'node:path';
import { createLogger } from './logger.js';
import { DEFAULT_WEB_DIST } from './paths.js';
import { startServer, type RunningServer } from './start-server.js';

/**
 * Entry point of `npm start`: reads PORT, HOST, DATA_DIR, WEB_DIST, LOG_LEVEL and AUTH_SECRET, starts the
 * server and shuts it down gracefully (storing everything, closing the database) on SIGINT/SIGTERM.
 */

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const log = createLogger(process.env.LOG_LEVEL || 'info');

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be 0–65535, got "${value}"`);
  return port;
}

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

let server: RunningServer;
try {
  server = await startServer({
    port: readPort(process.env.PORT),
    host: process.env.HOST || '0.0.0.0',
    dataDir: path.resolve(process.env.DATA_DIR || './data'),
    webDist: process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : DEFAULT_WEB_DIST,
    logger: log,
    authSecret: process.env.AUTH_SECRET || null,
  });
} catch (error) {
  log.fatal({ err: error }, 'server failed to start');
  process.exit(1);
}

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) {
    log.warn({ signal }, 'second signal; exiting without waiting');
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, 'shutting down');
  setTimeout(() => {
    log.error('shutdown timed out');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

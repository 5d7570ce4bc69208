import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger, startServer, type RunningServer, type StartServerOptions } from '@factcheck/server';
import { registerCleanup } from './cleanup.js';

export { waitFor } from './wait-for.js';

/** One parsed log line of the server. */
export type LogRecord = {
  level: number;
  msg: string;
  article?: string;
  conn?: string;
  [key: string]: unknown;
};

/** A real server started for one test, with its data directory and captured logs. */
export interface TestServer extends RunningServer {
  readonly dataDir: string;
  /** Every log line so far, parsed (set SHOW_SERVER_LOGS=1 to also print them). */
  readonly logs: LogRecord[];
  /** Log lines whose message contains `text`. */
  logsMatching(text: string): LogRecord[];
}

/** A fresh temporary data directory, deleted when the test ends. */
export async function makeDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-test-'));
  registerCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Starts the real server on 127.0.0.1, port 0, with a fresh data directory (unless one or a
 * store is given), no unload grace and fast summaries; closes it when the test ends.
 */
export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (options.storage ? '' : await makeDataDir());
  const logs: LogRecord[] = [];
  const logger = createLogger('debug', {
    write(line: string) {
      logs.push(JSON.parse(line) as LogRecord);
      if (process.env.SHOW_SERVER_LOGS) process.stdout.write(line);
    },
  });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    webDist: null,
    unloadDelayMs: 0,
    summaryDelayMs: 20,
    logger,
    ...options,
    dataDir,
  });
  registerCleanup(() => server.close());
  return {
    ...server,
    dataDir,
    logs,
    logsMatching: (text) => logs.filter((record) => record.msg.includes(text)),
  };
}

/** GETs a path of the server and parses the JSON body. */
export async function getJson(
  server: RunningServer,
  pathname: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(pathname, server.url));
  return { status: response.status, body: await response.json() };
}

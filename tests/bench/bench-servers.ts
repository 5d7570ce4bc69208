import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { summarizeArticle } from '@factcheck/core';
import { LeveldbDocumentStore } from '@factcheck/server';
import { waitFor } from '../helpers/wait-for.js';
import type { ProbeRequest, ProbeStats } from './server-probe.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./server-probe.ts', import.meta.url));
const REFERENCE_BIN = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json')),
  'src/server.js',
);

/** Which server a figure was measured on. */
export type ServerKind = 'ours' | 'reference';

/** CPU time and memory of a server process, read inside it. */
export interface ServerStats {
  /** User plus system CPU time since the process started, in milliseconds. */
  readonly cpuMs: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

/** A sync server running in a child process of its own, measured through the preloaded probe. */
export interface BenchServer {
  readonly kind: ServerKind;
  /** Base URL for y-websocket providers (the article id is the room name). */
  readonly syncUrl: string;
  /** Base HTTP URL (ours serves the web app and the API there). */
  readonly httpUrl: string;
  /** Parsed JSON log lines so far (ours only). */
  logs(): readonly Record<string, unknown>[];
  /** CPU time and memory now; `gc` collects garbage first (servers run with --expose-gc). */
  stats(options?: { gc?: boolean }): Promise<ServerStats>;
  /** Stops the server (ours gracefully unless `kill`) and removes its data directory. */
  stop(options?: { kill?: boolean }): Promise<void>;
}

/** Options of our server in a benchmark. */
export interface OurServerOptions {
  /** Articles stored in its LevelDB before it starts: id → document. */
  readonly articles: ReadonlyMap<string, Y.Doc>;
  /** Built web app to serve, for the editor benchmark. */
  readonly webDist?: string;
  /** Called with the data directory after the server stopped, before it is removed. */
  readonly afterStop?: (dataDir: string) => Promise<void>;
}

/** Where `--cpu-prof` profiles of the servers go (env BENCH_CPU_PROF), or null when not profiling. */
function cpuProfileArgs(kind: ServerKind): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  // One folder per server kind; Node names each file by time, process and thread.
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir, kind)}`] : [];
}

/** Our server's warnings and errors so far, counted by message and reason (for failure reports). */
export function warningSummary(server: BenchServer): string {
  const counts = new Map<string, number>();
  for (const record of server.logs()) {
    if (
      typeof record.level !== 'number' ||
      record.level < 40 ||
      record.msg === 'web app not built; serving a build hint instead'
    )
      continue;
    const key = [record.msg, record.reason].filter(Boolean).join(': ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count}× ${key}`).join('; ') || 'no warnings';
}

/** Reads a growing file of JSON log lines: each call parses what was appended since the last. */
function followLogFile(file: string): () => readonly Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  let offset = 0;
  let partial = '';
  return () => {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return records;
    }
    try {
      const buffer = Buffer.alloc(1 << 16);
      for (
        let read = readSync(fd, buffer, 0, buffer.length, offset);
        read > 0;
        read = readSync(fd, buffer, 0, buffer.length, offset)
      ) {
        offset += read;
        const lines = (partial + buffer.toString('utf8', 0, read)).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          try {
            records.push(JSON.parse(line) as Record<string, unknown>);
          } catch {
            // Not a log line.
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    return records;
  };
}

/** Stores articles in a fresh LevelDB data directory the way our server keeps them. */
export async function seedDataDir(dataDir: string, articles: ReadonlyMap<string, Y.Doc>): Promise<void> {
  const store = await LeveldbDocumentStore.open(path.join(dataDir, 'documents'));
  try {
    for (const [id, doc] of articles) {
      await store.appendUpdate(id, Y.encodeStateAsUpdate(doc));
      await store.writeSummary(id, summarizeArticle(doc));
    }
  } finally {
    await store.close();
  }
}

/** Reads one article back from a stopped server's data directory. */
export async function readStoredArticle(dataDir: string, id: string): Promise<Y.Doc | null> {
  const store = await LeveldbDocumentStore.open(path.join(dataDir, 'documents'));
  try {
    const state = await store.loadDocument(id);
    if (!state) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  } finally {
    await store.close();
  }
}

/** Our server (`apps/server/src/main.ts`, as `npm start` runs it) on LevelDB in a temporary directory. */
export async function startOurServer(options: OurServerOptions): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'factcheck-bench-'));
  await seedDataDir(dataDir, options.articles);
  // Logs go to a file, not a pipe: a benchmark process busy with figures must never make the
  // server wait on a full pipe (stdout writes to a pipe block on Linux).
  const logPath = path.join(dataDir, 'server.log');
  const logFd = openSync(logPath, 'a');
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      ...cpuProfileArgs('ours'),
      '--import',
      'tsx',
      '--import',
      PROBE,
      // Env BENCH_SERVER_IMPORT: one more module to preload, e.g. to time storage calls while profiling.
      ...(process.env.BENCH_SERVER_IMPORT ? ['--import', path.resolve(process.env.BENCH_SERVER_IMPORT)] : []),
      'apps/server/src/main.ts',
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        WEB_DIST: options.webDist ?? path.join(dataDir, 'no-web-build'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', logFd, 'inherit', 'ipc'],
    },
  );
  closeSync(logFd);
  const logs = followLogFile(logPath);
  // SIGTERM: main.ts stores everything and exits, which also writes a CPU profile.
  const server = probeServer(child, 'ours', logs, async (kill) => {
    child.kill(kill ? 'SIGKILL' : 'SIGTERM');
  });
  try {
    const listening = await waitFor(() => logs().find((record) => record.msg === 'server listening'), {
      timeout: 30_000,
      interval: 20,
      message: 'our server listening',
    });
    const url = listening.url as string;
    return {
      ...server,
      syncUrl: `${url.replace('http', 'ws')}/sync`,
      httpUrl: url,
      async stop(stopOptions) {
        await server.stop(stopOptions);
        try {
          await options.afterStop?.(dataDir);
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await server.stop({ kill: true });
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The reference server, `@y/websocket-server` 0.1.1 started from its own bin, persisting nothing. */
export async function startReferenceServer(): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--expose-gc', ...cpuProfileArgs('reference'), '--import', 'tsx', '--import', PROBE, REFERENCE_BIN],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  let running = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('running at')) running = true;
  });
  const server = probeServer(
    child,
    'reference',
    () => [],
    async (kill) => {
      // Its bin has no signal handler; an exit through the probe lets a CPU profile be written.
      if (kill || !child.connected) child.kill('SIGKILL');
      else child.send({ type: 'exit' } satisfies ProbeRequest);
    },
  );
  try {
    await waitFor(() => running, { timeout: 30_000, interval: 20, message: 'reference server running' });
  } catch (error) {
    await server.stop({ kill: true });
    throw error;
  }
  return { ...server, syncUrl: `ws://127.0.0.1:${port}`, httpUrl: `http://127.0.0.1:${port}` };
}

function probeServer(
  child: ChildProcess,
  kind: ServerKind,
  logs: () => readonly Record<string, unknown>[],
  requestStop: (kill: boolean) => Promise<void>,
): Omit<BenchServer, 'syncUrl' | 'httpUrl'> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, (stats: ProbeStats) => void>();
  let nextId = 0;
  child.on('message', (message: ProbeStats) => {
    if (message.type === 'stats') pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  return {
    kind,
    logs,
    stats(options = {}) {
      const id = ++nextId;
      return new Promise<ServerStats>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${kind} server did not answer a stats request`)),
          30_000,
        );
        pending.set(id, (stats) => {
          clearTimeout(timer);
          resolve({
            cpuMs: (stats.cpu.user + stats.cpu.system) / 1000,
            rssBytes: stats.memory.rss,
            heapUsedBytes: stats.memory.heapUsed,
          });
        });
        child.send({ type: 'stats', id, gc: options.gc } satisfies ProbeRequest);
      });
    },
    async stop(options = {}) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await requestStop(options.kill ?? false);
      const killLater = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killLater);
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

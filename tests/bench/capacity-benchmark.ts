import type * as Y from 'yjs';
import { waitFor } from '../helpers/wait-for.js';
import { SUMMARY_WORKER_RECYCLED } from '@factcheck/server';
import { buildBigArticle, type BigArticleSize } from './big-article.js';
import { pushArticle } from './bench-client.js';
import {
  startOurServer,
  startReferenceServer,
  warningSummary,
  type BenchServer,
  type ServerKind,
} from './bench-servers.js';
import { ClientFleet } from './client-fleet.js';
import type { ClientSpec } from './client-worker.js';
import { measureFanOutWindows, type FanOutSchedule, type WindowSample } from './fan-out-windows.js';
import { summarize, type Measurement } from './measure.js';

/** Issue 7, workload 3: connections, articles, the active share and the client processes. */
export interface CapacityBenchmarkOptions {
  readonly connections: number;
  readonly articles: number;
  /** Share of the connections that make changes (0.1: a tenth). */
  readonly activeShare: number;
  readonly article: BigArticleSize;
  /** Client processes the connections are spread over. */
  readonly workers: number;
  readonly schedule: FanOutSchedule;
}

/** Connections per loopback source address, under the server's per-address cap. */
const CONNECTIONS_PER_ADDRESS = 150;
const KB = 1024;
/** How long the clients may take to catch up once they stop changing. */
const CONVERGE_TIMEOUT_MS = 300_000;
const MB = 1024 * 1024;

interface CapacityResult {
  readonly samples: WindowSample[];
  /** From the moment the clients stopped changing until every client had every change. */
  readonly drainMs: number;
  readonly heapPerArticleKB: number;
  readonly heapPerConnectionKB: number;
  /** Heap after every client left and the server had time to unload, above the idle server's. */
  readonly heapAfterLeaveMB: number;
  readonly rssAfterLeaveMB: number;
  readonly loadedAfterLeave: number | null;
  /** Ours only: whether the summary worker had been replaced (10 s after no article is loaded). */
  readonly workerReplaced: boolean | null;
}

function roomName(index: number): string {
  return `bench-capacity-${String(index).padStart(4, '0')}`;
}

/**
 * Capacity: thousands of stock clients across hundreds of articles, a tenth of them typing or
 * tagging ten times a second. Measures fan-out latency under that load, server memory per loaded
 * article and per connection (heap after a full GC), and memory once everyone has left.
 */
export async function runCapacityBenchmark(options: CapacityBenchmarkOptions): Promise<Measurement[]> {
  const article = buildBigArticle(options.article);
  const fleet = ClientFleet.start(options.workers);
  let ours: CapacityResult;
  let reference: CapacityResult;
  try {
    ours = await runCapacity('ours', fleet, article, options);
    reference = await runCapacity('reference', fleet, article, options);
  } finally {
    await fleet.close();
  }
  const scene = `${options.connections.toLocaleString('en')} connections, ${options.articles} articles`;
  const pick = (key: keyof WindowSample) => [ours, reference].map((r) => r.samples.map((s) => s[key]));
  const [p50, referenceP50] = pick('p50');
  const [p99, referenceP99] = pick('p99');
  const [cpu, referenceCpu] = pick('serverCpuPercent');
  const [rss, referenceRss] = pick('serverRssMB');
  const [clientCpu] = pick('clientCpuPercent');
  const single = (value: number) => [value];
  return [
    summarize(`capacity fan-out p50, ${scene}`, 'ms', p50, { reference: referenceP50 }),
    summarize(`capacity fan-out p99, ${scene}`, 'ms', p99, {
      reference: referenceP99,
      target: { below: 100 },
      note: `${Math.round(options.activeShare * 100)}% of the clients active; the ${options.workers} client processes used ${Math.round(Math.max(...clientCpu))}% CPU at most`,
    }),
    summarize('capacity: every client has every change, after changes stop', 'ms', single(ours.drainMs), {
      reference: single(reference.drainMs),
    }),
    summarize(`capacity server CPU (% of a core)`, '%', cpu, { reference: referenceCpu }),
    summarize(`capacity server memory (RSS)`, 'MB', rss, { reference: referenceRss }),
    summarize(
      `heap per loaded article (${options.article.words} words)`,
      'KB',
      single(ours.heapPerArticleKB),
      {
        reference: single(reference.heapPerArticleKB),
        note: "the main thread's heap; our summary worker's replica of each loaded article shows in RSS only",
      },
    ),
    summarize('heap per connection', 'KB', single(ours.heapPerConnectionKB), {
      reference: single(reference.heapPerConnectionKB),
    }),
    summarize('heap after everyone left, above an idle server', 'MB', single(ours.heapAfterLeaveMB), {
      reference: single(reference.heapAfterLeaveMB),
      note: `ours unloaded every article: ${ours.loadedAfterLeave === 0 ? 'yes' : `no, ${ours.loadedAfterLeave} left`}; the reference keeps every document it has seen`,
    }),
    summarize('RSS after everyone left', 'MB', single(ours.rssAfterLeaveMB), {
      reference: single(reference.rssAfterLeaveMB),
      note: `our summary worker had been replaced by a fresh one: ${ours.workerReplaced ? 'yes' : 'no'}`,
    }),
  ];
}

function clientSpecs(options: CapacityBenchmarkOptions, phase: 'first' | 'rest'): ClientSpec[] {
  const perRoom = Math.floor(options.connections / options.articles);
  const activePerRoom = Math.max(1, Math.round(perRoom * options.activeShare));
  const specs: ClientSpec[] = [];
  let index = phase === 'first' ? 0 : options.articles;
  for (let seat = phase === 'first' ? 0 : 1; seat < (phase === 'first' ? 1 : perRoom); seat++) {
    for (let room = 0; room < options.articles; room++) {
      const address = `127.0.0.${2 + Math.floor(index++ / CONNECTIONS_PER_ADDRESS)}`;
      specs.push({ room: roomName(room), active: seat < activePerRoom, localAddress: address });
    }
  }
  return specs;
}

async function runCapacity(
  kind: ServerKind,
  fleet: ClientFleet,
  article: Y.Doc,
  options: CapacityBenchmarkOptions,
): Promise<CapacityResult> {
  const rooms = Array.from({ length: options.articles }, (_, index) => roomName(index));
  const server: BenchServer =
    kind === 'ours'
      ? await startOurServer({ articles: new Map(rooms.map((room) => [room, article])) })
      : await startReferenceServer();
  try {
    const idle = await server.stats({ gc: true });
    if (kind === 'reference') {
      for (const room of rooms) await pushArticle(server.syncUrl, room, article);
    }
    // One client per article loads every article; the rest only add connections.
    await fleet.connect(server.syncUrl, clientSpecs(options, 'first'), 1);
    const loaded = await server.stats({ gc: true });
    await fleet.connect(server.syncUrl, clientSpecs(options, 'rest'), 2);
    const connected = await server.stats({ gc: true });
    let samples: WindowSample[];
    let drainMs: number;
    try {
      samples = await measureFanOutWindows(server, fleet, options.schedule);
      const stopped = performance.now();
      await fleet.converged(CONVERGE_TIMEOUT_MS);
      drainMs = performance.now() - stopped;
    } catch (error) {
      throw new Error(`${kind} server: ${(error as Error).message} (server log: ${warningSummary(server)})`, {
        cause: error,
      });
    }
    await fleet.disconnect();
    const loadedAfterLeave = kind === 'ours' ? await waitForUnloads(server, rooms.length) : null;
    const workerReplaced = kind === 'ours' ? await waitForLog(server, SUMMARY_WORKER_RECYCLED) : null;
    const left = await server.stats({ gc: true });
    const extraConnections = options.connections - options.articles;
    return {
      samples,
      drainMs,
      // The reference holds pushed articles before any client joins; count from the idle server.
      heapPerArticleKB: (loaded.heapUsedBytes - idle.heapUsedBytes) / options.articles / KB,
      heapPerConnectionKB:
        (connected.heapUsedBytes - loaded.heapUsedBytes) / Math.max(1, extraConnections) / KB,
      heapAfterLeaveMB: (left.heapUsedBytes - idle.heapUsedBytes) / MB,
      rssAfterLeaveMB: left.rssBytes / MB,
      loadedAfterLeave,
      workerReplaced,
    };
  } finally {
    await fleet.disconnect();
    await server.stop();
  }
}

/** Waits (up to 30 s) until our server logged a message; whether it did. */
async function waitForLog(server: BenchServer, message: string): Promise<boolean> {
  try {
    await waitFor(() => server.logs().some((r) => r.msg === message), {
      timeout: 30_000,
      interval: 100,
      message,
    });
    return true;
  } catch {
    return false;
  }
}

/** Waits until our server logged every article unloaded; returns how many are still loaded. */
async function waitForUnloads(server: BenchServer, articles: number): Promise<number> {
  const unloaded = () =>
    new Set(
      server
        .logs()
        .filter((r) => r.msg === 'document unloaded')
        .map((r) => r.article),
    ).size;
  try {
    await waitFor(() => unloaded() >= articles, {
      timeout: 60_000,
      interval: 100,
      message: 'articles unloaded',
    });
  } catch {
    // Reported as a figure note rather than failing the run.
  }
  return articles - unloaded();
}

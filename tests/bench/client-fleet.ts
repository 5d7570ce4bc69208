import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../helpers/wait-for.js';
import type { ClientSpec, Collected, Digest, WorkerRequest } from './client-worker.js';

const WORKER = fileURLToPath(new URL('./client-worker.ts', import.meta.url));

/** Fan-out latencies of one measuring window. */
export interface WindowLatencies {
  /** Every delivery of a change to another client, in ms, ascending. */
  readonly latencies: number[];
  /** Changes made in the window. */
  readonly sent: number;
  /** CPU time of the client processes in the window, ms (to see whether clients were the bottleneck). */
  readonly clientCpuMs: number;
}

interface Worker {
  readonly child: ChildProcess;
  readonly pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
  cpuMs: number;
}

/**
 * Stock y-websocket clients spread over a few worker processes (`client-worker.ts`), so the client
 * side is not what a benchmark measures. Clients of one room may sit in different processes: sends
 * and arrivals are joined here by change name on the shared monotonic clock.
 */
export class ClientFleet {
  private nextId = 0;
  /** Send time of every change made while recording, by change name. */
  private readonly sentAt = new Map<string, number>();

  private constructor(private readonly workers: Worker[]) {}

  /** Starts `count` worker processes. */
  static start(count: number): ClientFleet {
    const workers = Array.from({ length: count }, (): Worker => {
      const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
      const worker: Worker = { child, pending: new Map(), cpuMs: 0 };
      child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
        const waiting = worker.pending.get(message.id);
        worker.pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.result);
        else waiting?.reject(new Error(`client worker: ${message.error}`));
      });
      child.once('exit', (code) => {
        for (const waiting of worker.pending.values())
          waiting.reject(new Error(`client worker exited (${code})`));
        worker.pending.clear();
      });
      return worker;
    });
    return new ClientFleet(workers);
  }

  /**
   * Connects the clients and waits until every one has synced. Rooms go to workers in turn; a
   * room with more clients than the others (one big room) is split over every worker.
   */
  async connect(syncUrl: string, specs: readonly ClientSpec[], seed = 1): Promise<void> {
    const rooms = [...new Set(specs.map((spec) => spec.room))];
    const perWorker: ClientSpec[][] = this.workers.map(() => []);
    specs.forEach((spec, index) => {
      const slot = rooms.length >= this.workers.length ? rooms.indexOf(spec.room) : index;
      perWorker[slot % this.workers.length].push(spec);
    });
    await Promise.all(
      this.workers.map((worker, index) =>
        this.ask(worker, { type: 'connect', syncUrl, clients: perWorker[index], seed: seed * 31 + index }),
      ),
    );
  }

  /** Active clients start making a change every `intervalMs`; every change is timed from now on. */
  async start(intervalMs: number): Promise<void> {
    await this.all({ type: 'start', intervalMs });
  }

  /** Active clients stop changing. */
  async stop(): Promise<void> {
    await this.all({ type: 'stop' });
  }

  /** Fan-out latencies of every delivery since the last call; throws if the server closed any client. */
  async collect(): Promise<WindowLatencies> {
    const collected = (await this.all({ type: 'collect' })) as Collected[];
    const closes = collected.flatMap((part) => part.closes);
    if (closes.length > 0) {
      throw new Error(`the server closed ${closes.length} client connection(s), e.g. "${closes[0]}"`);
    }
    let sent = 0;
    for (const part of collected) {
      part.sentKeys.forEach((key, index) => this.sentAt.set(key, part.sentAt[index]));
      sent += part.sentKeys.length;
    }
    const latencies: number[] = [];
    for (const part of collected) {
      part.arrivedKeys.forEach((key, index) => {
        const sentAt = this.sentAt.get(key);
        if (sentAt !== undefined) latencies.push(part.arrivedAt[index] - sentAt);
      });
    }
    latencies.sort((a, b) => a - b);
    let clientCpuMs = 0;
    collected.forEach((part, index) => {
      clientCpuMs += part.cpuMs - this.workers[index].cpuMs;
      this.workers[index].cpuMs = part.cpuMs;
    });
    return { latencies, sent, clientCpuMs };
  }

  /** Waits until every client of each room holds the same state; returns each room's state vector. */
  async converged(timeoutMs = 60_000): Promise<Map<string, string>> {
    let diverged: string[] = [];
    try {
      return await waitFor(
        async () => {
          const digests = (await this.all({ type: 'digest' })) as Digest[];
          const rooms = new Map<string, Set<string>>();
          for (const digest of digests) {
            for (const [room, vectors] of Object.entries(digest)) {
              const seen = rooms.get(room) ?? new Set<string>();
              for (const vector of vectors) seen.add(vector);
              rooms.set(room, seen);
            }
          }
          diverged = [...rooms].filter(([, vectors]) => vectors.size !== 1).map(([room]) => room);
          if (diverged.length > 0) return null;
          return new Map([...rooms].map(([room, vectors]) => [room, [...vectors][0]]));
        },
        { timeout: timeoutMs, interval: 200, message: 'every client converged' },
      );
    } catch (error) {
      throw new Error(
        `clients of ${diverged.length} room(s) still differ after ${timeoutMs / 1000} s, e.g. ${diverged.slice(0, 3).join(', ')}`,
        { cause: error },
      );
    }
  }

  /** Disconnects every client (like closing their tabs). */
  async disconnect(): Promise<void> {
    await this.all({ type: 'disconnect' });
    this.sentAt.clear();
  }

  /** Stops the worker processes. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
  }

  private all(request: WorkerRequest): Promise<unknown[]> {
    return Promise.all(this.workers.map((worker) => this.ask(worker, request)));
  }

  private ask(worker: Worker, request: WorkerRequest): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      worker.pending.set(id, { resolve, reject });
      worker.child.send({ id, request });
    });
  }
}

import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { makeSmallChange } from './bench-changes.js';
import { seededRandom } from './seeded-random.js';
import { monotonicMs } from './clock.js';

/**
 * A process hosting stock y-websocket clients for the sync and capacity benchmarks, driven over
 * IPC by `client-fleet.ts`. Active clients make a small change at a fixed rate; every client notes
 * when each remote change arrives. Changes are named `<clientID>:<clock after the change>`, which
 * is what `Y.parseUpdateMeta` reads from the update that carries them, and times come from the
 * machine's monotonic clock, so the fleet can join sends and arrivals across processes.
 */

/** One client to connect: its room (article id) and whether it makes changes. */
export interface ClientSpec {
  readonly room: string;
  readonly active: boolean;
  /** Loopback address to connect from (127.0.0.x), as clients on other machines would. */
  readonly localAddress?: string;
}

/** A request from the fleet. */
export type WorkerRequest =
  | {
      readonly type: 'connect';
      readonly syncUrl: string;
      readonly clients: readonly ClientSpec[];
      readonly seed: number;
    }
  | { readonly type: 'start'; readonly intervalMs: number }
  | { readonly type: 'stop' }
  | { readonly type: 'collect' }
  | { readonly type: 'digest' }
  | { readonly type: 'disconnect' };

/** Changes sent and received since the last `collect`. */
export interface Collected {
  readonly sentKeys: string[];
  readonly sentAt: Float64Array;
  readonly arrivedKeys: string[];
  readonly arrivedAt: Float64Array;
  /** This worker's CPU time so far, milliseconds. */
  readonly cpuMs: number;
  /** Connections the server closed (code and reason), which a healthy run never has. */
  readonly closes: string[];
}

/** Per room, the encoded state vector of every client in it (equal once they converged). */
export type Digest = Record<string, string[]>;

interface Client {
  readonly spec: ClientSpec;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly next: () => number;
  changes: number;
  timer: NodeJS.Timeout | null;
}

// Every provider adds an exit listener to the process.
process.setMaxListeners(0);

const clients: Client[] = [];
let recording = false;
let sentKeys: string[] = [];
let sentAt: number[] = [];
let arrivedKeys: string[] = [];
let arrivedAt: number[] = [];
let closes: string[] = [];
let leaving = false;
const socketClasses = new Map<string, unknown>();

/** The ws WebSocket, bound to a local address if one is given (the provider constructs it). */
function socketClass(localAddress: string | undefined): unknown {
  if (!localAddress) return WebSocket;
  let bound = socketClasses.get(localAddress);
  if (!bound) {
    bound = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { localAddress });
      }
    };
    socketClasses.set(localAddress, bound);
  }
  return bound;
}

function connectOne(syncUrl: string, spec: ClientSpec, seed: number): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, spec.room, doc, {
    WebSocketPolyfill: socketClass(spec.localAddress) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const client: Client = { spec, doc, provider, next: seededRandom(seed), changes: 0, timer: null };
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (!recording || origin !== provider) return;
    const t = monotonicMs();
    for (const [clientId, clock] of Y.parseUpdateMeta(update).to) {
      if (clientId === doc.clientID) continue;
      arrivedKeys.push(`${clientId}:${clock}`);
      arrivedAt.push(t);
    }
  });
  let closedBy: string | null = null;
  provider.on('connection-close', (event) => {
    if (leaving || !event) return;
    closedBy = `${event.code} ${event.reason}`;
    closes.push(closedBy);
  });
  return new Promise((resolve, reject) => {
    const check = setInterval(() => {
      // Codes 4400–4499 are permanent: the provider will not try again.
      if (closedBy && !provider.shouldConnect) {
        clearInterval(check);
        reject(new Error(`server closed a client of ${spec.room}: ${closedBy}`));
      }
    }, 50);
    provider.once('sync', () => {
      clearInterval(check);
      resolve(client);
    });
  });
}

async function connect(syncUrl: string, specs: readonly ClientSpec[], seed: number): Promise<number> {
  // A few at a time: a burst of thousands of handshakes measures the burst, not the server.
  const concurrency = 25;
  let index = 0;
  const runners = Array.from({ length: concurrency }, async () => {
    while (index < specs.length) {
      const mine = index++;
      clients.push(await connectOne(syncUrl, specs[mine], seed * 100_003 + mine));
    }
  });
  await Promise.all(runners);
  return clients.length;
}

function change(client: Client): void {
  const author = { id: `bench-${client.doc.clientID}`, name: 'Benchmark reviewer' };
  const t = monotonicMs();
  makeSmallChange(client.doc, client.next, author, client.changes++);
  if (!recording) return;
  sentKeys.push(`${client.doc.clientID}:${Y.getState(client.doc.store, client.doc.clientID)}`);
  sentAt.push(t);
}

function start(intervalMs: number): void {
  recording = true;
  for (const client of clients) {
    if (!client.spec.active || client.timer) continue;
    // Spread the clients over the interval instead of all changing in the same tick.
    const phase = client.next() * intervalMs;
    client.timer = setTimeout(() => {
      change(client);
      client.timer = setInterval(() => change(client), intervalMs);
    }, phase);
  }
}

function stop(): void {
  for (const client of clients) {
    if (client.timer) clearTimeout(client.timer);
    client.timer = null;
  }
}

function collect(): Collected {
  const cpu = process.cpuUsage();
  const collected: Collected = {
    sentKeys,
    sentAt: Float64Array.from(sentAt),
    arrivedKeys,
    arrivedAt: Float64Array.from(arrivedAt),
    cpuMs: (cpu.user + cpu.system) / 1000,
    closes,
  };
  closes = [];
  sentKeys = [];
  sentAt = [];
  arrivedKeys = [];
  arrivedAt = [];
  return collected;
}

function digest(): Digest {
  const rooms: Digest = {};
  for (const client of clients) {
    (rooms[client.spec.room] ??= []).push(Buffer.from(Y.encodeStateVector(client.doc)).toString('base64'));
  }
  return rooms;
}

function disconnect(): void {
  stop();
  recording = false;
  leaving = true;
  for (const client of clients.splice(0)) {
    client.provider.destroy();
    client.doc.destroy();
  }
  leaving = false;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect':
      return connect(request.syncUrl, request.clients, request.seed);
    case 'start':
      return start(request.intervalMs);
    case 'stop':
      return stop();
    case 'collect':
      return collect();
    case 'digest':
      return digest();
    case 'disconnect':
      return disconnect();
  }
}

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  handle(message.request).then(
    (result) => process.send!({ id: message.id, ok: true, result }),
    (error: unknown) =>
      process.send!({ id: message.id, ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));

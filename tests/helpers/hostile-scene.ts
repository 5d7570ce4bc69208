import { expect } from 'vitest';
import { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import type { StartServerOptions } from '@factcheck/server';
import { articleText, CORPUS_IDS, typeAtStart } from './articles.js';
import { registerCleanup } from './cleanup.js';
import { documentSnapshot } from './document-snapshot.js';
import { startTestServer, waitFor, type TestServer } from './start-test-server.js';
import { connectSyncedClient, type SyncClient } from './sync-client.js';

/**
 * One hostile-input case: a real server, two well-behaved stock clients of the same article and
 * an offender on a bare socket. After the offender is refused, `expectOthersServed` and
 * `expectStoredIntact` check that nobody else noticed and nothing stored was harmed.
 */

/** The article every case attacks. */
export const TARGET_ARTICLE = CORPUS_IDS[0];

/** The server and the two clients that must keep working. */
export interface HostileScene {
  server: TestServer;
  /** Edits during the case. */
  readonly writer: SyncClient;
  /** Must receive the writer's edits. */
  readonly reader: SyncClient;
}

/** Starts a server (with `options`) and connects the two well-behaved clients. */
export async function openScene(options: StartServerOptions = {}): Promise<HostileScene> {
  const server = await startTestServer(options);
  const writer = await connectSyncedClient(server.syncUrl, TARGET_ARTICLE);
  const reader = await connectSyncedClient(server.syncUrl, TARGET_ARTICLE);
  return { server, writer, reader };
}

/** A bare socket of the offender. */
export interface Offender {
  readonly socket: WebSocket;
  /** Binary frames received. */
  readonly messages: Uint8Array[];
  /** Resolves with the close code and reason the server sent. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** Where an offender connects from (another loopback address than the scene's clients, for caps). */
export interface OffenderOptions {
  readonly article?: string;
  readonly localAddress?: string;
  /** Wait until the server sent its first message (the document is attached). Default true. */
  readonly waitForSync?: boolean;
}

/** Opens a bare WebSocket to the sync endpoint; terminated when the test ends. */
export async function openOffender(server: TestServer, options: OffenderOptions = {}): Promise<Offender> {
  const { article = TARGET_ARTICLE, localAddress, waitForSync = true } = options;
  const socket = new WebSocket(`${server.syncUrl}/${article}`, localAddress ? { localAddress } : {});
  const messages: Uint8Array[] = [];
  socket.on('message', (data) => messages.push(new Uint8Array(data as Buffer)));
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  registerCleanup(() => socket.terminate());
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  if (waitForSync) await waitFor(() => messages.length > 0, { message: 'server sent sync step 1' });
  return { socket, messages, closed };
}

/** Waits for the offender's close and checks its code and reason. */
export async function expectRefused(offender: Offender, code: number, reason: RegExp): Promise<void> {
  const closed = await offender.closed;
  expect(closed.code, `close reason: ${closed.reason}`).toBe(code);
  expect(closed.reason).toMatch(reason);
}

/** The writer's edit reaches the reader, and neither was disconnected. */
export async function expectOthersServed(scene: HostileScene, marker: string): Promise<void> {
  typeAtStart(scene.writer.doc, `${marker} `);
  await waitFor(() => articleText(scene.reader.doc).startsWith(`${marker} `), {
    message: `the reader got "${marker}"`,
  });
  expect(scene.writer.closes).toEqual([]);
  expect(scene.reader.closes).toEqual([]);
  expect(scene.writer.provider.wsconnected && scene.reader.provider.wsconnected).toBe(true);
}

/**
 * Restarts the server on the same data directory and checks that a fresh client gets exactly
 * what the writer holds: the attack left nothing in storage and took nothing from it.
 */
export async function expectStoredIntact(
  scene: HostileScene,
  options: StartServerOptions = {},
): Promise<void> {
  const expected = documentSnapshot(scene.writer.doc);
  scene.writer.drop();
  scene.reader.drop();
  await scene.server.close();
  scene.server = await startTestServer({ ...options, dataDir: scene.server.dataDir });
  const fresh = await connectSyncedClient(scene.server.syncUrl, TARGET_ARTICLE);
  expect(documentSnapshot(fresh.doc)).toEqual(expected);
}

/** A y-websocket sync message: type 0, sync type (0 step 1, 1 step 2, 2 update), payload. */
export function syncFrame(payload: Uint8Array, syncType = 2): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness message carrying `entries` (client id, clock, raw state text). */
export function awarenessFrame(
  entries: readonly [client: number, clock: number, state: string][],
): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(update, client);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, state);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

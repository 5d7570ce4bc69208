import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CORPUS_IDS } from '../helpers/articles.js';
import { documentSnapshot } from '../helpers/document-snapshot.js';
import { createRandom, randomReviewStep, seedsToRun } from '../helpers/random-reviewing.js';
import { spawnServer } from '../helpers/server-process.js';
import { makeDataDir, startTestServer, waitFor } from '../helpers/start-test-server.js';
import { connectClient, connectSyncedClient, type SyncClient } from '../helpers/sync-client.js';

/**
 * "An update the server has sent on to other reviewers is on disk": 20 stock clients type, tag and
 * comment in two articles while the server process is killed with SIGKILL at a seeded moment; after
 * a restart on the same data directory, every update any client had received must be there.
 * (`crash-keeps-every-update.test.ts` covers one client's edit and the graceful SIGTERM path.)
 */

/** Seeds that once failed; they run first. Replay one with `SEED=<n>`. */
const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = seedsToRun(REGRESSION_SEEDS, 1, 1);

const CLIENTS = 20;
const ARTICLES = [CORPUS_IDS[0], CORPUS_IDS[1]];

/** A client with every Yjs update the server sent it, as it came over the socket. */
interface RecordingClient {
  readonly client: SyncClient;
  readonly article: string;
  readonly received: Uint8Array[];
}

/** The update in a y-websocket sync step 2 or update message, or null for any other message. */
function updateInMessage(data: ArrayBuffer): Uint8Array | null {
  const decoder = decoding.createDecoder(new Uint8Array(data));
  if (decoding.readVarUint(decoder) !== 0) return null;
  const syncType = decoding.readVarUint(decoder);
  return syncType === 1 || syncType === 2 ? decoding.readVarUint8Array(decoder) : null;
}

async function connectRecording(syncUrl: string, article: string): Promise<RecordingClient> {
  const client = connectClient(syncUrl, article);
  const received: Uint8Array[] = [];
  // The provider made its socket in its constructor; the test ends before any reconnect.
  const socket = client.provider.ws as unknown as WebSocket;
  socket.addEventListener('message', (event: MessageEvent) => {
    const update = updateInMessage(event.data as ArrayBuffer);
    if (update) received.push(update.slice());
  });
  await waitFor(() => client.provider.synced, { message: `client of ${article} synced` });
  return { client, article, received };
}

/**
 * What of `received` the stored document lacks: applied to a copy of it, the updates the server
 * sent must change nothing (no missing item, no missing deletion, nothing waiting for changes
 * that are not there).
 */
function missingFrom(stored: Y.Doc, received: Uint8Array[]): string | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(stored));
  const before = JSON.stringify(documentSnapshot(copy));
  Y.applyUpdate(copy, Y.mergeUpdates(received));
  if (copy.store.pendingStructs || copy.store.pendingDs) return 'updates that build on changes not stored';
  return JSON.stringify(documentSnapshot(copy)) === before ? null : 'changes not stored';
}

describe('durability under SIGKILL', () => {
  it.each(SEEDS)(
    'keeps every update any of 20 clients received when the server is killed mid-work (seed %i)',
    { timeout: 120_000 },
    async (seed) => {
      const context = `seed ${seed} (replay with SEED=${seed})`;
      const random = createRandom(seed);
      const dataDir = await makeDataDir();
      const server = await spawnServer(dataDir);
      const clients = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          connectRecording(server.syncUrl, ARTICLES[i % ARTICLES.length]),
        ),
      );

      // Work in bursts until the seeded moment of the kill; the server dies with messages in flight.
      // The clock starts once updates flow to most clients (a busy machine can be slow to start).
      const workFor = random.between(300, 1_500);
      const giveUpAt = Date.now() + 30_000;
      let killAt = Infinity;
      let ids = 0;
      const now = new Date('2024-05-01T10:00:00Z');
      while (Date.now() < killAt) {
        if (
          killAt === Infinity &&
          clients.filter(({ received }) => received.length > 1).length > CLIENTS / 2
        ) {
          killAt = Date.now() + workFor;
        }
        if (Date.now() > giveUpAt) throw new Error(`${context}: updates never reached the clients`);
        for (let burst = random.between(1, 6); burst > 0; burst--) {
          const { client } = random.pick(clients);
          const reviewer = { id: `r${client.doc.clientID}`, name: 'Reviewer' };
          randomReviewStep(client.doc, random, reviewer, () => `s${seed}-t${++ids}`, now);
        }
        // Paces the load (not a wait for a condition): messages flow between bursts.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      // Everything the server managed to send before it died has arrived once each socket is closed.
      await waitFor(() => clients.every(({ client }) => !client.provider.wsconnected), {
        message: 'every client saw the connection drop',
      });
      for (const { client } of clients) client.drop();
      const liveUpdates = clients.reduce((sum, { received }) => sum + received.length - 1, 0);
      expect(liveUpdates, `${context}: updates flowed before the kill`).toBeGreaterThan(CLIENTS);

      // The restarted server runs in this process: quicker, and the same storage code.
      const restarted = await startTestServer({ dataDir });
      for (const article of ARTICLES) {
        const fresh = await connectSyncedClient(restarted.syncUrl, article);
        for (const [index, recording] of clients.entries()) {
          if (recording.article !== article) continue;
          expect(
            missingFrom(fresh.doc, recording.received),
            `${context}: client ${index} of ${article}`,
          ).toBeNull();
        }
      }
    },
  );
});

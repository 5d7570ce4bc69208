import { describe, expect, it } from 'vitest';
import { CloseCode } from '@factcheck/server';
import { CORPUS_IDS } from '../helpers/articles.js';
import {
  expectOthersServed,
  expectRefused,
  expectStoredIntact,
  openOffender,
  openScene,
} from '../helpers/hostile-scene.js';
import { waitFor } from '../helpers/wait-for.js';

/** The offender connects from another loopback address than the well-behaved clients (127.0.0.1). */
const OTHER_ADDRESS = '127.0.0.2';

describe('thousands of connections and documents', () => {
  it(
    'refuses connections over the per-address cap with 1013 and a reason, and serves the others',
    { timeout: 60_000 },
    async () => {
      const options = { limits: { maxConnectionsPerAddress: 50 } };
      const scene = await openScene(options);
      const attempts = 1_000;
      const sockets = await Promise.all(
        Array.from({ length: attempts }, () =>
          openOffender(scene.server, { localAddress: OTHER_ADDRESS, waitForSync: false }),
        ),
      );
      const refused = await Promise.all(
        sockets.slice(50).map((socket) => socket.closed.then((closed) => closed)),
      );
      expect(refused.every(({ code }) => code === CloseCode.tryAgainLater)).toBe(true);
      expect(refused[0].reason).toMatch(/too many connections from your address/);
      expect(scene.server.connectionCount()).toBe(52);
      await expectOthersServed(scene, 'AFTER A THOUSAND SOCKETS');

      // Closing some frees their places.
      for (const socket of sockets.slice(0, 10)) socket.socket.close();
      await waitFor(() => scene.server.connectionCount() === 42, { message: 'ten sockets closed' });
      const again = await openOffender(scene.server, { localAddress: OTHER_ADDRESS });
      expect(again.socket.readyState).toBe(again.socket.OPEN);
      await expectStoredIntact(scene, options);
    },
  );

  it('refuses connections over the total cap, keeping the ones already open', async () => {
    const options = { limits: { maxConnections: 20 } };
    const scene = await openScene(options);
    const sockets = await Promise.all(
      Array.from({ length: 40 }, () =>
        openOffender(scene.server, { localAddress: OTHER_ADDRESS, waitForSync: false }),
      ),
    );
    const closes = await Promise.all(sockets.slice(18).map((socket) => socket.closed));
    expect(closes.every(({ code }) => code === CloseCode.tryAgainLater)).toBe(true);
    expect(closes[0].reason).toMatch(/connection limit/);
    await expectOthersServed(scene, 'AFTER THE TOTAL CAP');
    await expectStoredIntact(scene, options);
  });

  it('unloads idle documents to make room, and refuses a new one when every slot is held', async () => {
    // Documents nobody uses stay loaded a minute, unless room is needed.
    const options = { maxLoadedDocuments: 2, unloadDelayMs: 60_000 };
    const scene = await openScene(options);
    const [, second, third] = CORPUS_IDS;

    const visitor = await openOffender(scene.server, { article: second });
    visitor.socket.close();
    await visitor.closed;
    expect(scene.server.loadedDocumentCount()).toBe(2);

    // The idle second article makes room for the third.
    const holder = await openOffender(scene.server, { article: third });
    expect(scene.server.loadedDocumentCount()).toBe(2);

    // Both slots are held now: the second article cannot load.
    const refused = await openOffender(scene.server, { article: second, waitForSync: false });
    await expectRefused(refused, CloseCode.tryAgainLater, /articles open, its limit/);
    expect(holder.socket.readyState).toBe(holder.socket.OPEN);
    await expectOthersServed(scene, 'AFTER THE DOCUMENT CAP');
    await expectStoredIntact(scene, options);
  });
});

import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode, DEFAULT_SYNC_LIMITS } from '@factcheck/server';
import {
  awarenessFrame,
  expectOthersServed,
  expectRefused,
  expectStoredIntact,
  openOffender,
  openScene,
} from '../helpers/hostile-scene.js';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { waitFor } from '../helpers/wait-for.js';

/** An awareness message whose update is raw bytes. */
function rawAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

const OVERSIZED_STATE = JSON.stringify({
  user: { name: 'x'.repeat(DEFAULT_SYNC_LIMITS.maxAwarenessStateBytes) },
});

const CASES: { name: string; frame: Uint8Array; code: number; reason: RegExp }[] = [
  {
    name: 'presence bytes that are not an awareness update',
    frame: rawAwareness(Uint8Array.from([3, 1, 2])),
    code: CloseCode.badMessage,
    reason: /truncated presence update/,
  },
  {
    name: 'a presence state that is not JSON',
    frame: awarenessFrame([[1, 1, '{"user": {"name": "Eve"']]),
    code: CloseCode.badMessage,
    reason: /not JSON/,
  },
  {
    name: 'a presence state that is a string, not an object',
    frame: awarenessFrame([[1, 1, '"I am everyone"']]),
    code: CloseCode.badMessage,
    reason: /not an object/,
  },
  {
    name: `a presence state over ${DEFAULT_SYNC_LIMITS.maxAwarenessStateBytes} bytes`,
    frame: awarenessFrame([[1, 1, OVERSIZED_STATE]]),
    code: CloseCode.tooLarge,
    reason: /presence state over/,
  },
  {
    name: '1,000 presence entries in one message',
    frame: awarenessFrame(
      Array.from({ length: 1_000 }, (_, i) => [i + 1, 1, '{"user":{"name":"bot"}}'] as const),
    ),
    code: CloseCode.tooLarge,
    reason: /introduced more than \d+ presence clients/,
  },
];

describe('hostile presence (awareness) messages', () => {
  it.each(CASES)('refuses $name, and serves everyone else', async ({ name, frame, code, reason }) => {
    const scene = await openScene();
    const offender = await openOffender(scene.server);
    offender.socket.send(frame);
    await expectRefused(offender, code, reason);
    // The refused presence never reached the others.
    expect([...scene.reader.provider.awareness.getStates().keys()]).not.toContain(1);
    await expectOthersServed(scene, `AFTER ${name.toUpperCase()}`);
    await expectStoredIntact(scene);
  });

  it('refuses a connection that speaks for more and more presence clients, one message at a time', async () => {
    const scene = await openScene();
    const offender = await openOffender(scene.server);
    for (let client = 1; client <= DEFAULT_SYNC_LIMITS.maxAwarenessClients + 1; client++) {
      offender.socket.send(awarenessFrame([[client, 1, '{"user":{"name":"sock puppet"}}']]));
    }
    await expectRefused(offender, CloseCode.tooLarge, /introduced more than \d+ presence clients/);
    // The puppets it had announced leave with it.
    await waitFor(() => scene.reader.provider.awareness.getStates().size <= 2, {
      message: 'the puppets are gone from presence',
    });
    await expectOthersServed(scene, 'AFTER SOCK PUPPETS');
  });

  it('keeps a crowded article working: stock clients echo everyone’s presence, which is no attack', async () => {
    const scene = await openScene();
    const crowd = await Promise.all(
      Array.from({ length: 3 * DEFAULT_SYNC_LIMITS.maxAwarenessClients }, () =>
        connectSyncedClient(scene.server.syncUrl, scene.writer.provider.roomname),
      ),
    );
    // A fresh client's first presence has clock 0, which y-protocols ignores; naming oneself publishes it.
    const everyone = [scene.writer, scene.reader, ...crowd];
    everyone.forEach((client, i) => client.provider.awareness.setLocalStateField('user', { name: `R${i}` }));
    await waitFor(
      () => everyone.every((client) => client.provider.awareness.getStates().size === everyone.length),
      {
        message: 'everyone sees everyone',
      },
    );
    await expectOthersServed(scene, 'CROWDED');
    expect(crowd.flatMap((client) => client.closes)).toEqual([]);
  });
});

import { describe, it } from 'vitest';
import { CloseCode, type StartServerOptions } from '@factcheck/server';
import {
  awarenessFrame,
  expectOthersServed,
  expectRefused,
  expectStoredIntact,
  openOffender,
  openScene,
  syncFrame,
  type Offender,
} from '../helpers/hostile-scene.js';

/** What an offender sends, once or as a flood. */
interface FrameCase {
  readonly name: string;
  readonly send: (offender: Offender) => void;
  readonly code: number;
  readonly reason: RegExp;
  readonly options?: StartServerOptions;
}

const once = (frame: Uint8Array | string) => (offender: Offender) => offender.socket.send(frame);

const CASES: FrameCase[] = [
  { name: 'a text frame', send: once('{"type":"sync"}'), code: CloseCode.unsupportedData, reason: /text/ },
  {
    name: 'an empty binary frame',
    send: once(new Uint8Array()),
    code: CloseCode.badMessage,
    reason: /unreadable/,
  },
  {
    name: 'garbage bytes',
    send: once(Uint8Array.from([0x42, 0xde, 0xad, 0xbe, 0xef])),
    code: CloseCode.badMessage,
    reason: /unknown message type/,
  },
  {
    name: 'a varint that never ends',
    send: once(new Uint8Array(64).fill(0xff)),
    code: CloseCode.badMessage,
    reason: /unreadable/,
  },
  {
    name: 'an unknown sync message type',
    send: once(Uint8Array.from([0, 9, 1, 0])),
    code: CloseCode.badMessage,
    reason: /unknown sync message type/,
  },
  {
    name: 'a sync message whose payload is shorter than it claims',
    send: once(Uint8Array.from([0, 2, 100, 1, 2, 3])),
    code: CloseCode.badMessage,
    reason: /truncated message/,
  },
  {
    name: 'a malformed state vector',
    send: once(syncFrame(Uint8Array.from([5, 1]), 0)),
    code: CloseCode.badMessage,
    reason: /state vector/,
  },
  {
    name: 'a frame over the 2 MiB limit',
    send: once(syncFrame(new Uint8Array(2 * 1024 * 1024 + 1))),
    code: 1009,
    reason: /.*/,
  },
  {
    name: 'a flood of 5,000 presence messages',
    send: (offender) => {
      const frame = awarenessFrame([[1, 1, '{}']]);
      for (let i = 0; i < 5_000; i++) offender.socket.send(frame);
    },
    code: CloseCode.rateLimited,
    reason: /rate limit: more than \d+ messages per second/,
  },
  {
    name: 'a flood of 1 MiB messages (bytes per second)',
    send: (offender) => {
      // A presence query padded to 1 MiB: each alone is answered, forty in a row are too many bytes.
      const frame = new Uint8Array(1024 * 1024);
      frame[0] = 3;
      for (let i = 0; i < 40; i++) offender.socket.send(frame);
    },
    code: CloseCode.rateLimited,
    reason: /rate limit: more than \d+ bytes per second/,
  },
];

describe('hostile frames on the sync endpoint', () => {
  it.each(CASES)('refuses $name, and serves everyone else', async ({ name, send, code, reason, options }) => {
    const scene = await openScene(options);
    const offender = await openOffender(scene.server);
    send(offender);
    await expectRefused(offender, code, reason);
    await expectOthersServed(scene, `AFTER ${name.toUpperCase()}`);
    await expectStoredIntact(scene, options);
  });
});

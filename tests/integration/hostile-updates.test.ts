import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, DEFAULT_SYNC_LIMITS, type StartServerOptions } from '@factcheck/server';
import { tagQuote } from '../helpers/articles.js';
import {
  clientListedTwice,
  clockOutOfRange,
  countBomb,
  deeplyNested,
  dependsOnMissing,
  formatNotJson,
  manyClients,
  manyRootTypes,
  manyStructs,
  ownFutureOrigin,
  rleBomb,
  subdocument,
  unknownStructKind,
  unknownTypeRef,
} from '../helpers/crafted-updates.js';
import {
  expectOthersServed,
  expectRefused,
  expectStoredIntact,
  openOffender,
  openScene,
  syncFrame,
} from '../helpers/hostile-scene.js';

/** A real update (a tag written by a stock client's code) to cut and extend. */
function realTagUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Ali Zafar refuted the accusations')]);
  doc.getXmlFragment('content').insert(0, [paragraph]);
  const before = Y.encodeStateVector(doc);
  tagQuote(doc, 'refuted', 'denial');
  return Y.encodeStateAsUpdate(doc, before);
}

interface UpdateCase {
  readonly name: string;
  readonly frame: () => Uint8Array;
  readonly code: number;
  readonly reason: RegExp;
  readonly options?: StartServerOptions;
}

const CASES: UpdateCase[] = [
  {
    name: 'an update that is garbage',
    frame: () => syncFrame(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9])),
    code: CloseCode.badMessage,
    reason: /update/,
  },
  {
    name: 'a real tag update cut in half',
    frame: () => {
      const update = realTagUpdate();
      return syncFrame(update.subarray(0, update.length >> 1));
    },
    code: CloseCode.badMessage,
    reason: /truncated update|update claims/,
  },
  {
    name: 'a real update with bytes after its end',
    frame: () => syncFrame(Uint8Array.from([...realTagUpdate(), 0, 0, 0])),
    code: CloseCode.badMessage,
    reason: /trailing bytes/,
  },
  {
    name: 'an update claiming two billion structs in eight bytes',
    frame: () => syncFrame(countBomb()),
    code: CloseCode.badMessage,
    reason: /claims more/,
  },
  {
    name: 'a sync step 2 carrying a subdocument',
    frame: () => syncFrame(subdocument(), 1),
    code: CloseCode.badMessage,
    reason: /subdocuments/,
  },
  {
    name: 'an item whose origin is its own future',
    frame: () => syncFrame(ownFutureOrigin()),
    code: CloseCode.badMessage,
    reason: /later change of the same client/,
  },
  {
    name: 'an unknown struct kind',
    frame: () => syncFrame(unknownStructKind()),
    code: CloseCode.badMessage,
    reason: /unknown struct type/,
  },
  {
    name: 'an unknown shared type',
    frame: () => syncFrame(unknownTypeRef()),
    code: CloseCode.badMessage,
    reason: /unknown shared type/,
  },
  {
    name: 'a client listed twice',
    frame: () => syncFrame(clientListedTwice()),
    code: CloseCode.badMessage,
    reason: /client twice/,
  },
  {
    name: 'a clock beyond any real client',
    frame: () => syncFrame(clockOutOfRange()),
    code: CloseCode.badMessage,
    reason: /out of range/,
  },
  {
    name: 'a format value that is not JSON',
    frame: () => syncFrame(formatNotJson()),
    code: CloseCode.badMessage,
    reason: /not JSON/,
  },
  {
    name: 'the v2 run-length bomb of yjs issue #687',
    frame: () => syncFrame(rleBomb()),
    code: CloseCode.badMessage,
    reason: /update/,
  },
  {
    name: 'values nested 100,000 arrays deep',
    frame: () => syncFrame(deeplyNested(100_000)),
    code: CloseCode.tooLarge,
    reason: /nested too deeply/,
  },
  {
    name: '40 new root types',
    frame: () => syncFrame(manyRootTypes(40)),
    code: CloseCode.tooLarge,
    reason: /root types/,
  },
  {
    name: `${DEFAULT_SYNC_LIMITS.maxUpdateStructs + 50_000} two-byte structs`,
    frame: () => syncFrame(manyStructs(DEFAULT_SYNC_LIMITS.maxUpdateStructs + 50_000)),
    code: CloseCode.tooLarge,
    reason: /more than \d+ changes/,
  },
  {
    name: `items from ${DEFAULT_SYNC_LIMITS.maxUpdateClients + 1} client ids`,
    frame: () => syncFrame(manyClients(DEFAULT_SYNC_LIMITS.maxUpdateClients + 1)),
    code: CloseCode.tooLarge,
    reason: /client ids/,
  },
  {
    name: 'text built on changes the server never received, over the pending limit',
    frame: () => syncFrame(dependsOnMissing(4_000)),
    code: CloseCode.tooLarge,
    reason: /never received/,
    options: { limits: { maxPendingBytes: 1_024 } },
  },
];

describe('hostile Yjs updates', () => {
  it.each(CASES)(
    'refuses $name, and serves everyone else',
    async ({ name, frame, code, reason, options }) => {
      const scene = await openScene(options);
      const offender = await openOffender(scene.server);
      offender.socket.send(frame());
      await expectRefused(offender, code, reason);
      expect(scene.server.logsMatching('closing the connection').length).toBeGreaterThan(0);
      await expectOthersServed(scene, `AFTER ${name.toUpperCase()}`);
      await expectStoredIntact(scene, options);
    },
  );

  it('applies updates from 2,000 client ids at once (the limit) without refusing them', async () => {
    const scene = await openScene();
    const offender = await openOffender(scene.server);
    offender.socket.send(syncFrame(manyClients(DEFAULT_SYNC_LIMITS.maxUpdateClients)));
    await expectOthersServed(scene, 'MANY CLIENTS');
    expect(offender.socket.readyState).toBe(offender.socket.OPEN);
  });
});

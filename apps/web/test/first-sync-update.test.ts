import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { syncStep2Update } from '../src/article/shared/first-sync-update.js';

/** A sync message as y-websocket sends it: its message type (0, sync), then the sync message. */
function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('syncStep2Update', () => {
  it('reads the update of a sync step 2 as sent, without moving past the message type', () => {
    const doc = new Y.Doc();
    // Long enough that its length takes several bytes.
    doc.getText('t').insert(0, 'x'.repeat(70_000));
    const message = syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, doc));
    const update = syncStep2Update(message, 1);
    expect(update).toEqual(Y.encodeStateAsUpdate(doc));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, update!);
    expect(copy.getText('t').length).toBe(70_000);
  });

  it('gives null for other sync messages and cut-off ones', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    expect(
      syncStep2Update(
        syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc)),
        1,
      ),
    ).toBeNull();
    expect(
      syncStep2Update(
        syncMessage((encoder) => syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))),
        1,
      ),
    ).toBeNull();
    const step2 = syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, doc));
    expect(syncStep2Update(step2.slice(0, step2.length - 1), 1)).toBeNull();
  });
});

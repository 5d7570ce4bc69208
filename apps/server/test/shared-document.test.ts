import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STORAGE_ORIGIN } from '@factcheck/core';
import { createLogger } from '../src/logger.js';
import { MemoryDocumentStore } from '../src/storage/memory-store.js';
import { SharedDocument, type DocumentPeer } from '../src/sync/shared-document.js';
import { waitFor } from '../../../tests/helpers/wait-for.js';

/** A memory store whose appends finish (or fail) only when the test says so. */
class HeldStore extends MemoryDocumentStore {
  readonly held: { update: Uint8Array; finish: () => void; fail: (error: Error) => void }[] = [];
  failNext = 0;
  override appendUpdate(name: string, update: Uint8Array): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('disk full'));
    }
    return new Promise((resolve, reject) => {
      this.held.push({
        update,
        finish: () => void super.appendUpdate(name, update).then(resolve, reject),
        fail: reject,
      });
    });
  }
}

class RecordingPeer implements DocumentPeer {
  readonly received: Uint8Array[] = [];
  constructor(readonly id: string) {}
  send(message: Uint8Array): void {
    this.received.push(message);
  }
  close(): void {}
}

const documents: SharedDocument[] = [];
afterEach(() => {
  for (const document of documents.splice(0)) document.destroy();
});

const silentLog = createLogger('silent');

function setUp(store: MemoryDocumentStore) {
  const shared = new SharedDocument('article', new Y.Doc(), store, silentLog);
  documents.push(shared);
  const writer = new RecordingPeer('writer');
  const reader = new RecordingPeer('reader');
  shared.addPeer(writer);
  shared.addPeer(reader);
  const client = new Y.Doc();
  /** Types on the writer's copy and applies the change to the server as it would arrive. */
  const type = (text: string) => {
    let update: Uint8Array = new Uint8Array();
    client.once('update', (u: Uint8Array) => (update = u));
    client.getText('t').insert(client.getText('t').length, text);
    shared.applyPeerUpdate(update, writer);
  };
  return { shared, writer, reader, type };
}

const turns = async (count: number) => {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** A document built from the y-websocket sync messages (type 0, sync update) a peer received. */
function replicaOf(messages: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(0);
    expect(decoding.readVarUint(decoder)).toBe(2);
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc;
}

function textOf(messages: readonly Uint8Array[]): string {
  return replicaOf(messages).getText('t').toString();
}

async function storedText(store: MemoryDocumentStore): Promise<string> {
  const doc = new Y.Doc();
  const state = await store.loadDocument('article');
  if (state) Y.applyUpdate(doc, state, STORAGE_ORIGIN);
  return doc.getText('t').toString();
}

describe('a shared document', () => {
  it('broadcasts nothing before it is stored, then in arrival order, never a writer’s lone changes back to it', async () => {
    const store = new HeldStore();
    const { writer, reader, type } = setUp(store);
    type('one ');
    type('two ');
    await turns(5);
    expect(store.held).toHaveLength(2);
    expect(reader.received).toHaveLength(0);

    // The second write finishing first releases nothing: the first change is not stored yet.
    store.held[1].finish();
    await turns(5);
    expect(reader.received).toHaveLength(0);

    store.held[0].finish();
    await waitFor(() => reader.received.length > 0);
    expect(textOf(reader.received)).toBe('one two ');
    expect(await storedText(store)).toBe('one two ');
    expect(writer.received).toHaveLength(0);
  });

  it('sends the changes stored together as one message per peer; a writer’s big changes do not come back to it', async () => {
    const store = new HeldStore();
    const { shared, writer, reader, type } = setUp(store);
    const second = new RecordingPeer('second writer');
    shared.addPeer(second);
    const secondCopy = new Y.Doc();
    const typeSecond = (text: string) => {
      let update: Uint8Array = new Uint8Array();
      secondCopy.once('update', (u: Uint8Array) => (update = u));
      secondCopy.getText('s').insert(secondCopy.getText('s').length, text);
      shared.applyPeerUpdate(update, second);
    };
    type('a');
    const big = 'B'.repeat(5_000);
    typeSecond(big);
    type('c');
    await waitFor(() => store.held.length === 3);
    for (const held of store.held) held.finish();
    await waitFor(
      () => reader.received.length > 0 && writer.received.length > 0 && second.received.length > 0,
    );
    await turns(5);
    expect(reader.received).toHaveLength(1);
    expect(writer.received).toHaveLength(1);
    expect(second.received).toHaveLength(1);
    const readerCopy = replicaOf(reader.received);
    expect([readerCopy.getText('t').toString(), readerCopy.getText('s').toString()]).toEqual(['ac', big]);
    // Small own changes ride along in the one merged message (Yjs skips what the writer has).
    const writerCopy = replicaOf(writer.received);
    expect([writerCopy.getText('t').toString(), writerCopy.getText('s').toString()]).toEqual(['ac', big]);
    const secondsView = replicaOf(second.received);
    expect([secondsView.getText('t').toString(), secondsView.getText('s').toString()]).toEqual(['ac', '']);
  });

  it('sends a message queued behind pending writes only once they are stored', async () => {
    const store = new HeldStore();
    const { shared, reader, type } = setUp(store);
    type('typed ');
    shared.sendAfterWrites(reader, new Uint8Array([9]));
    await turns(5);
    expect(reader.received).toHaveLength(0);
    store.held[0].finish();
    await waitFor(() => reader.received.length === 2);
    expect(reader.received[1]).toEqual(new Uint8Array([9]));
  });

  it('after a failed write keeps the change in memory, stores the whole state again and is saved', async () => {
    const store = new HeldStore();
    const { shared, reader, type } = setUp(store);
    store.failNext = 1;
    type('lost at first ');
    await waitFor(() => shared.hasUnsavedChanges);
    // Peers stay in step with the document in memory.
    await waitFor(() => reader.received.length === 1);

    // The retry (after a pause) stores the whole state, which includes the failed change.
    await waitFor(() => store.held.length === 1, { timeout: 5_000, message: 'a retry' });
    store.held[0].finish();
    await waitFor(() => !shared.hasUnsavedChanges);
    expect(await storedText(store)).toBe('lost at first ');
  });

  it('stores the whole state with the next change after a failure, and is saved once that succeeds', async () => {
    const store = new HeldStore();
    const { shared, type } = setUp(store);
    store.failNext = 1;
    type('lost ');
    await waitFor(() => shared.hasUnsavedChanges);
    type('next');
    await waitFor(() => store.held.length === 1);
    expect(shared.hasUnsavedChanges).toBe(true);
    store.held[0].finish();
    await waitFor(() => !shared.hasUnsavedChanges);
    expect(await storedText(store)).toBe('lost next');
    expect(await shared.saveUnsaved()).toBe(true);
  });
});

import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { summarizeArticle } from '@factcheck/core';
import { drawReadingCopy, prepareDrawing, type CopyRequest } from './reading-copy.js';
import type { SummaryWorkerReply, SummaryWorkerRequest } from './summary-messages.js';

/**
 * The summary worker's body: a replica of every followed document, kept current from the changes
 * the main thread forwards, summarized on request. It never stores anything.
 */

const replicas = new Map<number, Y.Doc>();

function reply(message: SummaryWorkerReply): void {
  parentPort?.postMessage(message);
}

function applyUpdates(key: number, updates: readonly Uint8Array[]): void {
  const doc = replicas.get(key);
  if (doc && updates.length > 0)
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
}

function summarize(key: number, request: number, copyRequest: CopyRequest | null): void {
  const doc = replicas.get(key);
  if (!doc) {
    reply({ request, failed: `no replica of document ${key}` });
    return;
  }
  try {
    const started = performance.now();
    const serialized = JSON.stringify(summarizeArticle(doc));
    const copy = copyRequest ? drawReadingCopy(doc, copyRequest) : null;
    reply({ request, serialized, copy, computeMs: performance.now() - started });
  } catch (error) {
    reply({ request, failed: error instanceof Error ? error.message : String(error) });
  }
}

async function handle(message: SummaryWorkerRequest): Promise<void> {
  switch (message.kind) {
    case 'open': {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, message.state);
      replicas.get(message.key)?.destroy();
      replicas.set(message.key, doc);
      break;
    }
    case 'updates':
      applyUpdates(message.key, message.updates);
      break;
    case 'summarize':
      // The first copy asked for loads the drawing code (not counted as drawing); a failure shows in the copy.
      if (message.copy) await prepareDrawing().catch(() => undefined);
      applyUpdates(message.key, message.updates);
      summarize(message.key, message.request, message.copy);
      break;
    case 'close':
      replicas.get(message.key)?.destroy();
      replicas.delete(message.key);
      break;
  }
}

/** Messages handled one after another, in order, even while one waits for the drawing code. */
let handling: Promise<void> = Promise.resolve();

parentPort?.on('message', (message: SummaryWorkerRequest) => {
  handling = handling
    .then(() => handle(message))
    .catch((error: unknown) => {
      // A message that breaks the worker ends it, as a thrown error would: the main thread starts another.
      process.nextTick(() => {
        throw error;
      });
    });
});

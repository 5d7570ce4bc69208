import { Worker } from 'node:worker_threads';
import type { ImportInput } from './import-article.js';
import { ImportError } from './import-error.js';
import type { ImportedArticle } from './imported-article.js';
import type { WorkerReply, WorkerRequest } from './worker/worker-messages.js';

/**
 * `importArticle` on a worker thread, for servers: reading a large page takes seconds of CPU
 * (parsing, Readability, sanitizing), which must not stall the sync of every other reviewer. One
 * worker reads files one after another; a file that takes too long or too much memory ends the
 * worker (a new one starts for the next file) and is refused.
 */

/** Longest a file may take to read. */
const READ_TIMEOUT_MS = 60_000;
/** Heap a worker may use; past it the worker dies and the file is refused. */
const WORKER_HEAP_MB = 1024;

interface Pending {
  readonly resolve: (article: ImportedArticle) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const [id, job] of pending) {
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
}

function startWorker(): Worker {
  const started = new Worker(new URL('./worker/import-worker-entry.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // Idle workers do not keep the process alive.
  started.unref();
  started.on('message', (reply: WorkerReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    clearTimeout(job.timer);
    if ('article' in reply) job.resolve(reply.article);
    else if ('refused' in reply) job.reject(new ImportError(reply.refused.failure, reply.refused.message));
    else job.reject(new Error(`The import worker failed: ${reply.crashed}`));
    if (pending.size === 0) started.unref();
  });
  started.on('error', (error) => {
    if (worker === started) worker = null;
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    failAll(
      outOfMemory
        ? new ImportError('unreadable', 'The file needs too much memory to read.')
        : new Error(`The import worker failed: ${error.message}`),
    );
  });
  started.on('exit', () => {
    if (worker === started) worker = null;
    failAll(new Error('The import worker stopped.'));
  });
  return started;
}

/** Reads a file into an article on the import worker thread; rejects as `importArticle` does. */
export function importArticleInWorker(input: ImportInput): Promise<ImportedArticle> {
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  return new Promise<ImportedArticle>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A file that keeps the worker busy this long is refused, and the worker with it.
      if (worker === current) worker = null;
      pending.delete(id);
      reject(new ImportError('unreadable', `The file took more than ${READ_TIMEOUT_MS / 1000} s to read.`));
      void current.terminate();
    }, READ_TIMEOUT_MS);
    timer.unref();
    pending.set(id, { resolve, reject, timer });
    current.ref();
    const request: WorkerRequest = { id, input };
    current.postMessage(request);
  });
}

/** Stops the worker (tests, shutdown); the next import starts a new one. */
export async function stopImportWorker(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}

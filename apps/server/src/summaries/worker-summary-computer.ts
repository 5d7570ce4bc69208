import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import type { ServerLogger } from '../logger.js';
import {
  computeSummaryHere,
  type ComputedSummary,
  type SummaryComputer,
  type SummarySource,
} from './summary-computer.js';
import type { SummaryWorkerReply, SummaryWorkerRequest } from './summary-messages.js';
import type { CopyRequest } from './reading-copy.js';

/** The worker stopped (crashed, or the computer closed) before it answered. */
class WorkerStopped extends Error {
  override readonly name = 'WorkerStopped';
}

/** Workers in a row that may die before answering anything; then summaries are computed here. */
const MAX_FAILED_STARTS = 3;
/** Parent flags a worker takes over: profiling, source maps and export conditions. */
const INHERITED_FLAGS = ['--cpu-prof', '--heap-prof', '--enable-source-maps', '--conditions', '-C'];

/**
 * The parent's Node flags a worker thread should run with. Not all of them: workers refuse V8
 * and process-wide flags (`--expose-gc`), and preloaded modules (`--import`, say a benchmark's
 * probe) are not the worker's business; its entry loads what it needs.
 */
export function workerFlags(flags: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const name = flags[i].split('=')[0];
    if (!INHERITED_FLAGS.some((inherited) => name.startsWith(inherited))) continue;
    kept.push(flags[i]);
    // A value given as the next argument goes with its flag.
    if ((name === '--conditions' || name === '-C') && !flags[i].includes('=')) kept.push(flags[++i]);
  }
  return kept;
}

/** What the server logs once an idle summary worker has been replaced and its memory freed. */
export const SUMMARY_WORKER_RECYCLED = 'summary worker replaced: no article was loaded';

/** How long no document must be followed before the worker is replaced by a fresh one. */
const IDLE_RECYCLE_MS = 10_000;

/** Changes of one document held back before they go to the worker anyway (bounds the memory they take). */
const FORWARD_BYTES = 64 * 1024;

interface PendingRequest {
  readonly resolve: (summary: ComputedSummary) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Library summaries computed on a worker thread, so the sync path never waits for them (on a
 * news article that reviewers keep changing, one summary takes 10–30 ms: long enough to delay
 * every broadcast queued behind it). The worker keeps a replica of each followed document. A
 * document's changes wait on the main thread and go to the worker with its next summary request
 * (or once they exceed 64 KB): each message wakes the worker, and a woken thread competes with
 * the sync path for the cores, so one message per summary beats one per change. A request is
 * answered from the replica after every change made before it. If the worker dies, a new one starts and each
 * document's replica is opened again from its current state on its next request; if workers keep
 * dying before they answer anything, summaries are computed on the main thread from then on.
 */
export class WorkerSummaryComputer implements SummaryComputer {
  private worker: Worker | null = null;
  /** Counts workers started; a document whose replica lives in an older one opens it again. */
  private generation = 0;
  private nextKey = 1;
  private nextRequest = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private closed = false;
  /** Whether the current worker has answered anything yet. */
  private workerAnswered = false;
  /** Workers in a row that died before answering. */
  private failedStarts = 0;
  /** Set once workers keep failing: summaries are computed on the main thread. */
  private computeHere = false;
  /** Documents followed now; once none has been for a while, the worker is replaced (`recycle`). */
  private readonly followed = new Set<FollowedDocument>();
  private recycleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: ServerLogger,
    private readonly entry: URL = new URL('./summary-worker-entry.mjs', import.meta.url),
    /** How long no document must be followed before the worker is replaced. */
    private readonly idleRecycleMs = IDLE_RECYCLE_MS,
  ) {}

  /** How many worker threads have started so far (restarts and replacements included). */
  get workersStarted(): number {
    return this.generation;
  }

  /** Starts the worker now rather than on the first document (it takes a moment to load). */
  start(): void {
    this.currentWorker();
  }

  follow(doc: Y.Doc, state?: Uint8Array): SummarySource {
    if (this.closed) throw new Error('the summary computer is closed');
    const followed = new FollowedDocument(this, doc, this.nextKey++);
    this.followed.add(followed);
    this.cancelRecycle();
    this.open(followed, state);
    return followed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelRecycle();
    const worker = this.worker;
    this.worker = null;
    this.failPending(new WorkerStopped('the summary computer closed'));
    if (worker) await worker.terminate();
  }

  /** Records a followed document's change: it waits for the next request, unless too much waits. */
  changed(followed: FollowedDocument): void {
    if (followed.queuedBytes < FORWARD_BYTES) return;
    const updates = followed.takeQueued();
    // A replica in a worker that died is opened again from the whole state on its next request.
    if (this.worker && followed.generation === this.generation)
      this.post({ kind: 'updates', key: followed.key, updates });
  }

  /** Answers a document's summary (and reading copy) from its replica (opened again first if the worker restarted). */
  summarize(followed: FollowedDocument, copy: CopyRequest | null): Promise<ComputedSummary> {
    if (this.closed) return Promise.reject(new WorkerStopped('the summary computer closed'));
    if (this.computeHere) return computeSummaryHere(followed.doc, copy);
    if (followed.generation !== this.generation || !this.worker) this.open(followed);
    // No worker could be started: this request, and every later one, is computed here.
    if (this.computeHere) return computeSummaryHere(followed.doc, copy);
    const request = this.nextRequest++;
    const answer = new Promise<ComputedSummary>((resolve, reject) =>
      this.pending.set(request, { resolve, reject }),
    );
    this.post({ kind: 'summarize', key: followed.key, request, updates: followed.takeQueued(), copy });
    // A worker with a request open keeps the process alive until it answers; idle, it does not.
    this.worker?.ref();
    return answer;
  }

  /** Forgets a document: its replica is dropped. */
  unfollow(followed: FollowedDocument): void {
    followed.takeQueued();
    this.followed.delete(followed);
    if (this.worker && followed.generation === this.generation)
      this.post({ kind: 'close', key: followed.key });
    this.recycleWhenIdle();
  }

  /** Whether a request failed only because the worker stopped, so asking again may succeed. */
  static isRetryable(error: unknown): boolean {
    return error instanceof WorkerStopped;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Replaces the worker with a fresh one once no document has been followed for a while and
   * nothing is asked of it. A worker that drops replicas keeps them as garbage until its next
   * collection, which an idle thread never runs: after 2,000 reviewers left 200 articles, the
   * server held 600–900 MB, a third of it the idle worker's heap. The fresh worker starts at once,
   * as at startup, so the next article loaded does not wait for one.
   */
  private recycleWhenIdle(): void {
    if (this.recycleTimer || this.closed || !this.worker) return;
    if (this.followed.size > 0 || this.pending.size > 0) return;
    this.recycleTimer = setTimeout(() => {
      this.recycleTimer = null;
      void this.recycle();
    }, this.idleRecycleMs);
    this.recycleTimer.unref();
  }

  private async recycle(): Promise<void> {
    const worker = this.worker;
    if (!worker || this.closed || this.followed.size > 0 || this.pending.size > 0) return;
    this.worker = null;
    await worker.terminate();
    this.log.info(SUMMARY_WORKER_RECYCLED);
    // A document followed meanwhile has started one already.
    if (!this.closed) this.currentWorker();
  }

  private cancelRecycle(): void {
    if (this.recycleTimer) clearTimeout(this.recycleTimer);
    this.recycleTimer = null;
  }

  private open(followed: FollowedDocument, state?: Uint8Array): void {
    const worker = this.currentWorker();
    if (!worker) return;
    followed.generation = this.generation;
    // The whole state holds every change queued so far.
    followed.takeQueued();
    worker.postMessage({
      kind: 'open',
      key: followed.key,
      state: state ?? Y.encodeStateAsUpdate(followed.doc),
    } satisfies SummaryWorkerRequest);
  }

  private post(message: SummaryWorkerRequest): void {
    this.currentWorker()?.postMessage(message);
  }

  /** The running worker, started if needed; null once summaries are computed on the main thread. */
  private currentWorker(): Worker | null {
    if (this.worker || this.computeHere) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.entry, { execArgv: workerFlags(process.execArgv) });
    } catch (error) {
      this.computeHere = true;
      this.log.error(
        { err: error },
        'no summary worker could start; summaries are computed on the main thread',
      );
      return null;
    }
    this.worker = worker;
    this.workerAnswered = false;
    this.generation += 1;
    worker.unref();
    worker.on('message', (reply: SummaryWorkerReply) => this.answer(worker, reply));
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`the summary worker exited with code ${code}`)));
    return worker;
  }

  private answer(worker: Worker, reply: SummaryWorkerReply): void {
    if (worker === this.worker) {
      this.workerAnswered = true;
      this.failedStarts = 0;
    }
    const request = this.pending.get(reply.request);
    if (!request) return;
    this.pending.delete(reply.request);
    if (this.pending.size === 0) worker.unref();
    this.recycleWhenIdle();
    if ('serialized' in reply)
      request.resolve({ serialized: reply.serialized, copy: reply.copy, computeMs: reply.computeMs });
    else request.reject(new Error(`the summary could not be computed: ${reply.failed}`));
  }

  private lose(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (!this.workerAnswered) this.failedStarts += 1;
    if (!this.closed) {
      this.computeHere = this.failedStarts >= MAX_FAILED_STARTS;
      this.log.error(
        { err: error, failedStarts: this.failedStarts },
        this.computeHere
          ? 'the summary worker keeps failing; summaries are computed on the main thread from now on'
          : 'the summary worker stopped; a new one starts on demand',
      );
    }
    this.failPending(new WorkerStopped(error.message));
  }

  private failPending(error: Error): void {
    const requests = [...this.pending.values()];
    this.pending.clear();
    for (const request of requests) request.reject(error);
  }
}

/** One document followed by the worker: its changes queue here until forwarded. */
class FollowedDocument implements SummarySource {
  /** The worker generation holding this document's replica. */
  generation = 0;
  /** Changes not yet sent to the worker, and their size. */
  private queued: Uint8Array[] = [];
  queuedBytes = 0;
  stopped = false;

  constructor(
    private readonly computer: WorkerSummaryComputer,
    readonly doc: Y.Doc,
    readonly key: number,
  ) {
    doc.on('update', this.onUpdate);
  }

  async summarize(copy: CopyRequest | null = null): Promise<ComputedSummary> {
    if (this.stopped) throw new Error('the summary source was stopped');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.computer.summarize(this, copy);
      } catch (error) {
        // The worker died under this request: a new one (or, after repeated failures, the main
        // thread) gets this document's current state.
        const retry = WorkerSummaryComputer.isRetryable(error) && !this.computer.isClosed && !this.stopped;
        if (!retry || attempt > MAX_FAILED_STARTS) throw error;
      }
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.doc.off('update', this.onUpdate);
    this.computer.unfollow(this);
  }

  /** The changes waiting for the worker, which are no longer queued. */
  takeQueued(): Uint8Array[] {
    const updates = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    return updates;
  }

  private readonly onUpdate = (update: Uint8Array): void => {
    this.queued.push(update);
    this.queuedBytes += update.byteLength;
    this.computer.changed(this);
  };
}

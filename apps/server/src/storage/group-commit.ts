/** Writes a batch of operations at once; resolves when all of them are durable, rejects if none is. */
export type BatchWriter<Operation> = (operations: readonly Operation[]) => Promise<void>;

interface OpenBatch<Operation> {
  readonly operations: Operation[];
  /** Settles with the batch's write. */
  written: Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const ignore = () => undefined;

/**
 * Group commit: every operation added in the same turn of the event loop, or while the previous
 * batch is being written, goes into one batch, written with one call. So a disk round trip is
 * shared by every document that changed meanwhile instead of being paid per change. Batches and
 * exclusive tasks run one at a time in the order they were opened: an operation is never durable
 * before one added earlier.
 */
export class GroupCommit<Operation> {
  /** The batch collecting operations, not yet being written; null when none is open. */
  private open: OpenBatch<Operation> | null = null;
  /** Settles when every batch and task queued so far has finished (never rejects). */
  private tail: Promise<void> = Promise.resolve();

  /** When the latest batch began to be written (performance.now()). */
  private lastWriteAt = -Infinity;

  constructor(
    private readonly write: BatchWriter<Operation>,
    /** Least time between the starts of two batches (0: one per turn at most); fewer, larger batches. */
    private readonly spacingMs = 0,
  ) {}

  /** Queues an operation for the next batch; resolves when that batch is written, rejects if it failed. */
  add(operation: Operation): Promise<void> {
    this.open ??= this.openBatch();
    this.open.operations.push(operation);
    return this.open.written;
  }

  /** Runs a task alone: after every batch opened before it, before any operation added after it. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    this.open = null;
    const result = this.tail.then(task);
    this.tail = result.then(ignore, ignore);
    return result;
  }

  /** Resolves once nothing is queued or being written, including work queued while waiting. */
  async idle(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  private openBatch(): OpenBatch<Operation> {
    const batch: OpenBatch<Operation> = { operations: [], written: Promise.resolve() };
    // Waiting one turn after the previous write lets everything that arrived meanwhile join in.
    batch.written = this.tail
      .then(() => this.pause())
      .then(() => {
        if (this.open === batch) this.open = null;
        this.lastWriteAt = performance.now();
        return this.write(batch.operations);
      });
    this.tail = batch.written.then(ignore, ignore);
    return batch;
  }

  private pause(): Promise<void> {
    const wait = this.lastWriteAt + this.spacingMs - performance.now();
    if (wait <= 0) return nextTurn();
    // Timers count whole milliseconds from the event loop's cached clock and may fire a little
    // early by performance.now(): wait again for what is left.
    return new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(wait))).then(() => this.pause());
  }
}

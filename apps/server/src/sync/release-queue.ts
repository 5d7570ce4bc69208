/** A place in a release queue, marked ready once what it waits for (its change being stored) is done. */
export interface QueuedRelease {
  markReady(): void;
}

interface Entry<T> extends QueuedRelease {
  readonly item: T;
  ready: boolean;
}

/**
 * Holds deliveries in arrival order until each is ready, then hands over every ready one at the
 * head at once, right after the code that made them ready: so the changes one storage batch made
 * durable go out together (and can be sent as one message per peer), never one before an
 * earlier one that is still waiting.
 */
export class ReleaseQueue<T> {
  private entries: Entry<T>[] = [];
  private scheduled = false;
  private emptyWaiters: (() => void)[] = [];

  constructor(private readonly release: (items: T[]) => void) {}

  /** Number of deliveries not released yet. */
  get size(): number {
    return this.entries.length;
  }

  /** Queues a delivery; one that is ready behind nothing is released at once. */
  push(item: T, ready = false): QueuedRelease {
    if (ready && this.entries.length === 0) {
      this.release([item]);
      return { markReady: () => undefined };
    }
    const entry: Entry<T> = {
      item,
      ready,
      markReady: () => {
        entry.ready = true;
        this.schedule();
      },
    };
    this.entries.push(entry);
    if (ready) this.schedule();
    return entry;
  }

  /** Resolves once every delivery queued so far, and any queued meanwhile, has been released. */
  whenEmpty(): Promise<void> {
    if (this.entries.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.emptyWaiters.push(resolve));
  }

  /** Drops every waiting delivery (the document is going away). */
  clear(): void {
    this.entries = [];
    this.notifyEmpty();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // A microtask: the writes one storage batch finished all resolve in this same microtask run,
    // so they are released together, without waiting for another turn of the event loop.
    queueMicrotask(() => {
      this.scheduled = false;
      this.releaseReady();
    });
  }

  private releaseReady(): void {
    let count = 0;
    while (count < this.entries.length && this.entries[count].ready) count++;
    if (count === 0) return;
    const released = this.entries.splice(0, count).map((entry) => entry.item);
    try {
      this.release(released);
    } finally {
      if (this.entries.length === 0) this.notifyEmpty();
    }
  }

  private notifyEmpty(): void {
    const waiters = this.emptyWaiters;
    this.emptyWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../src/storage/group-commit.js';

/** A batch writer whose writes finish when the test says so, recording every batch. */
function controlledWriter() {
  const batches: string[][] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const write = (operations: readonly string[]) => {
    batches.push([...operations]);
    return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
  };
  /** Resolves once the writer has been called `count` times in all. */
  const written = async (count: number) => {
    for (let turns = 0; batches.length < count; turns++) {
      if (turns > 1000) throw new Error(`only ${batches.length} of ${count} batches were written`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, pending, write, written };
}

/** Records the order in which promises settle. */
function settleOrder(promises: Record<string, Promise<unknown>>): string[] {
  const order: string[] = [];
  for (const [name, promise] of Object.entries(promises)) {
    promise.then(
      () => order.push(`${name} ok`),
      () => order.push(`${name} failed`),
    );
  }
  return order;
}

describe('group commit', () => {
  it('writes every operation added in one turn in one batch, in the order added', async () => {
    const writer = controlledWriter();
    const commits = new GroupCommit(writer.write);
    const done = Promise.all(['doc-a:1', 'doc-b:1', 'doc-a:2', 'doc-c:1'].map((op) => commits.add(op)));
    await writer.written(1);
    expect(writer.batches).toEqual([['doc-a:1', 'doc-b:1', 'doc-a:2', 'doc-c:1']]);
    writer.pending[0].resolve();
    await done;
  });

  it('collects what arrives during a write into the next batch, written only after the first', async () => {
    const writer = controlledWriter();
    const commits = new GroupCommit(writer.write);
    const first = commits.add('a1');
    await writer.written(1);
    const second = commits.add('a2');
    const third = commits.add('b1');
    const order = settleOrder({ first, second, third });
    // However long the first write takes, the second batch waits for it.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(writer.batches).toEqual([['a1']]);
    expect(order).toEqual([]);

    writer.pending[0].resolve();
    await first;
    await writer.written(2);
    expect(writer.batches).toEqual([['a1'], ['a2', 'b1']]);
    expect(order).toEqual(['first ok']);
    writer.pending[1].resolve();
    await Promise.all([second, third]);
    expect(order).toEqual(['first ok', 'second ok', 'third ok']);
  });

  it('rejects every operation of a failed batch and goes on with the next one', async () => {
    const writer = controlledWriter();
    const commits = new GroupCommit(writer.write);
    const failed = [commits.add('a1'), commits.add('b1')];
    const order = settleOrder({ a1: failed[0], b1: failed[1] });
    await writer.written(1);
    const later = commits.add('a2');
    writer.pending[0].reject(new Error('disk full'));
    await expect(failed[0]).rejects.toThrow('disk full');
    await expect(failed[1]).rejects.toThrow('disk full');
    expect(order).toEqual(['a1 failed', 'b1 failed']);

    await writer.written(2);
    expect(writer.batches[1]).toEqual(['a2']);
    writer.pending[1].resolve();
    await expect(later).resolves.toBeUndefined();
  });

  it('runs an exclusive task after the batches before it and before operations added after it', async () => {
    const writer = controlledWriter();
    const commits = new GroupCommit(writer.write);
    const events: string[] = [];
    const before = commits.add('before');
    const task = commits.exclusive(async () => {
      events.push(`task after ${writer.batches.length} batch(es)`);
      return 'task result';
    });
    const after = commits.add('after');
    await writer.written(1);
    expect(writer.batches).toEqual([['before']]);
    expect(events).toEqual([]);
    writer.pending[0].resolve();
    await expect(task).resolves.toBe('task result');
    expect(events).toEqual(['task after 1 batch(es)']);
    await writer.written(2);
    expect(writer.batches[1]).toEqual(['after']);
    writer.pending[1].resolve();
    await Promise.all([before, after]);
  });

  it('is idle only once every queued batch, including ones queued while waiting, is written', async () => {
    const writer = controlledWriter();
    const commits = new GroupCommit(writer.write);
    void commits.add('a1');
    let idle = false;
    const waiting = commits.idle().then(() => (idle = true));
    await writer.written(1);
    void commits.add('a2');
    writer.pending[0].resolve();
    await writer.written(2);
    expect(idle).toBe(false);
    writer.pending[1].resolve();
    await waiting;
    expect(idle).toBe(true);
  });
});

describe('group commit with spacing', () => {
  it('starts batches no closer together than the spacing, collecting what arrives meanwhile', async () => {
    const starts: number[] = [];
    const batches: string[][] = [];
    const commits = new GroupCommit<string>(async (operations) => {
      starts.push(performance.now());
      batches.push([...operations]);
    }, 40);
    await commits.add('a1');
    const later = [commits.add('a2'), commits.add('b1')];
    // A later turn of the event loop, always before the spacing's timer can fire.
    await new Promise((resolve) => setImmediate(resolve));
    later.push(commits.add('a3'));
    await Promise.all(later);
    expect(batches).toEqual([['a1'], ['a2', 'b1', 'a3']]);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(39);
  });
});

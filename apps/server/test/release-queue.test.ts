import { describe, expect, it } from 'vitest';
import { ReleaseQueue } from '../src/sync/release-queue.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the release queue', () => {
  it('releases in arrival order, never one before an earlier one that still waits', async () => {
    const released: string[][] = [];
    const queue = new ReleaseQueue<string>((items) => released.push(items));
    const first = queue.push('first');
    const second = queue.push('second');
    second.markReady();
    await nextTurn();
    expect(released).toEqual([]);
    first.markReady();
    await nextTurn();
    expect(released).toEqual([['first', 'second']]);
  });

  it('hands over everything that became ready in one turn at once', async () => {
    const released: string[][] = [];
    const queue = new ReleaseQueue<string>((items) => released.push(items));
    const places = ['a', 'b', 'c'].map((item) => queue.push(item));
    for (const place of places) place.markReady();
    const later = queue.push('d');
    await nextTurn();
    expect(released).toEqual([['a', 'b', 'c']]);
    expect(queue.size).toBe(1);
    later.markReady();
    await nextTurn();
    expect(released).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('releases a ready item behind nothing at once, and one behind waiting items after them', async () => {
    const released: string[][] = [];
    const queue = new ReleaseQueue<string>((items) => released.push(items));
    queue.push('alone', true);
    expect(released).toEqual([['alone']]);
    const waiting = queue.push('waiting');
    queue.push('ready behind', true);
    await nextTurn();
    expect(released).toEqual([['alone']]);
    waiting.markReady();
    await nextTurn();
    expect(released).toEqual([['alone'], ['waiting', 'ready behind']]);
  });

  it('is empty only once everything queued, including while waiting, is released', async () => {
    const queue = new ReleaseQueue<string>(() => undefined);
    const first = queue.push('first');
    let empty = false;
    const waiting = queue.whenEmpty().then(() => (empty = true));
    const second = queue.push('second');
    first.markReady();
    await nextTurn();
    expect(empty).toBe(false);
    second.markReady();
    await waiting;
    expect(empty).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { runOrder, scheduleFor } from '../bench/sync-benchmark.js';

const base = { intervalMs: 100, warmupMs: 2_000, windowMs: 5_000, windows: 5 };

describe('sync benchmark windows', () => {
  it('stretches a window until it holds the deliveries a p99 needs', () => {
    // 2 clients, ten changes a second each: 20 deliveries a second, so 500 take 25 s.
    expect(scheduleFor(base, 2, 500).windowMs).toBe(25_000);
  });

  it('keeps the set length when it already holds enough', () => {
    // 10 clients: 900 deliveries a second.
    expect(scheduleFor(base, 10, 500)).toEqual(base);
    expect(scheduleFor(base, 2, 0)).toEqual(base);
  });
});

describe('sync benchmark runs', () => {
  it('has the two servers take turns, each round starting with the one that ended the last', () => {
    expect(runOrder(1)).toEqual(['ours', 'reference']);
    expect(runOrder(3)).toEqual(['ours', 'reference', 'reference', 'ours', 'ours', 'reference']);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { SummaryPace } from '../src/sync/summary-refresh.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the summary pace', () => {
  it('leaves delays alone while summaries take little time', () => {
    const pace = new SummaryPace();
    for (let summary = 0; summary < 10; summary++) pace.record(5);
    expect(pace.stretch()).toBe(1);
  });

  it('stretches delays in proportion to how far summaries exceed their share, and relaxes as they stop', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const pace = new SummaryPace();
    // 200 articles each taking 10 ms: two seconds of work at once.
    for (let article = 0; article < 200; article++) pace.record(10);
    const busy = pace.stretch();
    expect(busy).toBeGreaterThan(5);

    vi.advanceTimersByTime(3_000);
    const calmer = pace.stretch();
    expect(calmer).toBeLessThan(busy);
    expect(calmer).toBeGreaterThan(1);

    vi.advanceTimersByTime(30_000);
    expect(pace.stretch()).toBe(1);
  });
});

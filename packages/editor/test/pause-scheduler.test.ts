import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseScheduler } from '../src/annotations/pause-scheduler.js';

/** Deferred work (quote refreshes) waits for a pause in the pokes, but never longer than the longest wait. */
describe('pauseScheduler', () => {
  afterEach(() => vi.useRealTimers());
  const timing = { pauseMs: 300, maxWaitMs: 2000 };

  it('runs once pokes pause, once for many pokes', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    const scheduler = pauseScheduler(work, timing);
    for (let i = 0; i < 5; i++) {
      scheduler.poke();
      vi.advanceTimersByTime(100);
    }
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    vi.runOnlyPendingTimers(); // the idle callback (a timer outside the browser)
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at the longest wait while pokes never pause', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    const scheduler = pauseScheduler(work, timing);
    let elapsed = 0;
    while (work.mock.calls.length === 0 && elapsed <= timing.maxWaitMs + 200) {
      scheduler.poke();
      vi.advanceTimersByTime(100);
      elapsed += 100;
    }
    expect(elapsed).toBeGreaterThanOrEqual(timing.maxWaitMs);
    expect(elapsed).toBeLessThanOrEqual(timing.maxWaitMs + 100);
  });

  it('runs pending work on flush, and nothing after cancel', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    const scheduler = pauseScheduler(work, timing);
    scheduler.flush();
    expect(work).not.toHaveBeenCalled();
    scheduler.poke();
    scheduler.flush();
    expect(work).toHaveBeenCalledTimes(1);
    scheduler.poke();
    scheduler.cancel();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledTimes(1);
  });
});

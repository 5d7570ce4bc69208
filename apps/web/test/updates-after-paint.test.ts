import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  afterPaintAtMostEvery,
  deferUntilPainted,
  type AfterPaint,
  type WaitsForPaint,
} from '../src/article/shared/updates-after-paint.js';

/**
 * A document whose updates reach a deferred listener that records them with their origins, and a
 * stand-in for the next paint that the test triggers by hand.
 */
function deferredDoc(waits: WaitsForPaint = () => true) {
  const waiting = new Set<() => void>();
  const afterPaint: AfterPaint = (run) => {
    waiting.add(run);
    return () => waiting.delete(run);
  };
  const paint = () => {
    const runs = [...waiting];
    waiting.clear();
    for (const run of runs) run();
  };
  const doc = new Y.Doc();
  const updates: { update: Uint8Array; origin: unknown }[] = [];
  const deferred = deferUntilPainted((update, origin) => updates.push({ update, origin }), waits, afterPaint);
  return { doc, text: doc.getText('t'), updates, deferred, paint, scheduled: () => waiting.size };
}

describe('deferUntilPainted', () => {
  it('hands the changes made before a paint over after it, merged into one update', () => {
    const { doc, text, updates, deferred, paint, scheduled } = deferredDoc();
    doc.on('update', deferred.listener);
    for (const character of 'abc') doc.transact(() => text.insert(text.length, character), 'keyboard');
    expect(updates).toHaveLength(0);
    expect(scheduled()).toBe(1);
    paint();
    expect(updates).toHaveLength(1);
    expect(updates[0].origin).toBe('keyboard');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0].update);
    expect(copy.getText('t').toString()).toBe('abc');
    paint();
    expect(updates).toHaveLength(1);
  });

  it('keeps each origin apart and in order, so a provider can still skip its own changes', () => {
    const { doc, text, updates, deferred, paint } = deferredDoc();
    doc.on('update', deferred.listener);
    doc.transact(() => text.insert(0, 'a'), 'local');
    doc.transact(() => text.insert(1, 'b'), 'local');
    doc.transact(() => text.insert(2, 'c'), 'provider');
    doc.transact(() => text.insert(3, 'd'), 'local');
    // Each run went as soon as a change of another origin came; the last one waits.
    expect(updates.map((entry) => entry.origin)).toEqual(['local', 'provider']);
    paint();
    expect(updates.map((entry) => entry.origin)).toEqual(['local', 'provider', 'local']);
    const copy = new Y.Doc();
    for (const { update } of updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('abcd');
  });

  it('passes changes of other origins on at once, after the held ones', () => {
    const { doc, text, updates, deferred, paint } = deferredDoc((origin) => origin === 'typing');
    doc.on('update', deferred.listener);
    doc.transact(() => text.insert(0, 'a'), 'typing');
    expect(updates).toHaveLength(0);
    doc.transact(() => text.insert(1, 'b'), 'tagging');
    expect(updates.map((entry) => entry.origin)).toEqual(['typing', 'tagging']);
    doc.transact(() => text.insert(2, 'c'), 'typing');
    expect(updates).toHaveLength(2);
    paint();
    expect(updates.map((entry) => entry.origin)).toEqual(['typing', 'tagging', 'typing']);
  });

  it('flushes at once when asked (the page is hidden or closing) and then waits for nothing', () => {
    const { doc, text, updates, deferred, paint, scheduled } = deferredDoc();
    deferred.flush();
    expect(updates).toHaveLength(0);
    doc.on('update', deferred.listener);
    doc.transact(() => text.insert(0, 'x'), 'local');
    deferred.flush();
    expect(updates).toHaveLength(1);
    expect(scheduled()).toBe(0);
    paint();
    expect(updates).toHaveLength(1);
  });
});

describe('deferUntilPainted with origins merged (the local copy)', () => {
  it('merges every origin into one write, but lets a change that does not wait go after the held ones', () => {
    const waiting = new Set<() => void>();
    const afterPaint: AfterPaint = (run) => {
      waiting.add(run);
      return () => waiting.delete(run);
    };
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const updates: { update: Uint8Array; origin: unknown }[] = [];
    const deferred = deferUntilPainted(
      (update, origin) => updates.push({ update, origin }),
      (origin) => origin !== 'store-itself',
      afterPaint,
      false,
    );
    doc.on('update', deferred.listener);
    doc.transact(() => text.insert(0, 'a'), 'local');
    doc.transact(() => text.insert(1, 'b'), 'provider');
    doc.transact(() => text.insert(2, 'c'), 'local');
    expect(updates).toHaveLength(0);
    doc.transact(() => text.insert(3, 'd'), 'store-itself');
    expect(updates.map((entry) => entry.origin)).toEqual(['local', 'store-itself']);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0].update);
    expect(copy.getText('t').toString()).toBe('abc');
    expect(waiting.size).toBe(0);
  });
});

describe('afterPaintAtMostEvery', () => {
  it('runs after the next paint, then waits out the interval before asking for a paint again', () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const paints = new Set<() => void>();
      const paint = () => {
        const runs = [...paints];
        paints.clear();
        for (const run of runs) run();
      };
      const schedule = afterPaintAtMostEvery(
        1_000,
        (run) => {
          paints.add(run);
          return () => paints.delete(run);
        },
        () => clock,
      );
      const runs: number[] = [];
      schedule(() => runs.push(clock));
      clock = 16;
      paint();
      expect(runs).toEqual([16]);

      // Within the interval: no paint is asked for until it has passed.
      clock = 300;
      schedule(() => runs.push(clock));
      expect(paints.size).toBe(0);
      clock = 1_016;
      vi.advanceTimersByTime(716);
      expect(paints.size).toBe(1);
      clock = 1_030;
      paint();
      expect(runs).toEqual([16, 1_030]);

      // Cancelled while waiting out the interval: it never runs.
      clock = 1_100;
      const cancel = schedule(() => runs.push(clock));
      cancel();
      vi.advanceTimersByTime(2_000);
      paint();
      expect(runs).toEqual([16, 1_030]);
    } finally {
      vi.useRealTimers();
    }
  });
});

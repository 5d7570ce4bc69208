import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deferUntilPainted, type AfterPaint } from '../src/article/shared/updates-after-paint.js';

/** A stand-in for the next paint that the test triggers by hand. */
function manualPaint() {
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
  return { afterPaint, paint, scheduled: () => waiting.size };
}

/** A document whose updates are recorded with their origins. */
function typingDoc() {
  const doc = new Y.Doc();
  const updates: { update: Uint8Array; origin: unknown }[] = [];
  return { doc, text: doc.getText('t'), updates };
}

describe('deferUntilPainted', () => {
  it('hands the changes made before a paint over after it, merged into one update', () => {
    const { afterPaint, paint, scheduled } = manualPaint();
    const { doc, text, updates } = typingDoc();
    const deferred = deferUntilPainted(
      (update, origin) => updates.push({ update, origin }),
      () => true,
      afterPaint,
    );
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
    const { afterPaint, paint } = manualPaint();
    const { doc, text, updates } = typingDoc();
    const deferred = deferUntilPainted(
      (update, origin) => updates.push({ update, origin }),
      () => true,
      afterPaint,
    );
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
    const { afterPaint, paint } = manualPaint();
    const { doc, text, updates } = typingDoc();
    const deferred = deferUntilPainted(
      (update, origin) => updates.push({ update, origin }),
      (origin) => origin === 'typing',
      afterPaint,
    );
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
    const { afterPaint, paint, scheduled } = manualPaint();
    const { doc, text, updates } = typingDoc();
    const deferred = deferUntilPainted(
      (update, origin) => updates.push({ update, origin }),
      () => true,
      afterPaint,
    );
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

import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeArticle } from '@factcheck/core';
import { createLogger } from '../src/logger.js';
import { MemoryDocumentStore } from '../src/storage/memory-store.js';
import { computeSummaryHere, type SummarySource } from '../src/summaries/summary-computer.js';
import { SummaryPace, SummaryRefresh } from '../src/sync/summary-refresh.js';

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

describe('the summary refresh', () => {
  it('counts the time storing a summary takes on this thread toward the pace, not only computing it', async () => {
    const doc = new Y.Doc();
    writeArticle(doc, { title: 'Paced', titleDerived: false, paragraphs: ['Some text.'] });
    const store = new MemoryDocumentStore();
    // Storing blocks this thread for 40 ms (as encoding a big summary does); computing costs nothing.
    const slowStore = new Proxy(store, {
      get(target, key) {
        if (key !== 'writeSummary') return Reflect.get(target, key, target) as unknown;
        return (...args: Parameters<MemoryDocumentStore['writeSummary']>) => {
          const until = performance.now() + 40;
          while (performance.now() < until);
          return target.writeSummary(...args);
        };
      },
    });
    const source: SummarySource = {
      summarize: async () => ({ ...computeSummaryHere(doc), computeMs: 0 }),
      stop: () => undefined,
    };
    const pace = new SummaryPace();
    const recorded: number[] = [];
    const record = pace.record.bind(pace);
    pace.record = (ms) => {
      recorded.push(ms);
      record(ms);
    };
    const refresh = new SummaryRefresh(
      'paced',
      doc,
      source,
      slowStore,
      createLogger('silent'),
      500,
      null,
      pace,
    );
    await refresh.flush();
    refresh.stop();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toBeGreaterThanOrEqual(40);
    expect(await store.readSummary('paced')).toMatchObject({ title: 'Paced' });
  });
});

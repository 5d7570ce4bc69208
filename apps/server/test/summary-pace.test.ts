import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createAnchor,
  getAnnotationsMap,
  getContent,
  getMeta,
  projectFragment,
  refreshTagQuotes,
  TAGGING_ORIGIN,
  writeAnnotation,
  writeArticle,
} from '@factcheck/core';
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

  it('stretches delays at once after a burst of summaries, and relaxes once they stop', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const pace = new SummaryPace();
    // 200 articles each taking 10 ms: two seconds of work at once.
    for (let article = 0; article < 200; article++) pace.record(10);
    expect(pace.stretch()).toBeGreaterThan(5);

    for (let second = 0; second < 30; second++) {
      vi.advanceTimersByTime(1_000);
      pace.stretch();
    }
    expect(pace.stretch()).toBe(1);
  });

  it('keeps summaries of many changing articles to about a twentieth of the time', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const pace = new SummaryPace();
    // 200 articles that keep changing; each summary takes 10 ms (one worker, one at a time), and
    // each article's next one waits 500 ms times the stretch, as `SummaryRefresh` schedules them.
    // A stretch in proportion to the measured share alone settled at summaries taking 45% of the time.
    const SUMMARY_MS = 10;
    const due = Array.from({ length: 200 }, (_, article) => article * 2.5);
    const simulatedMs = 300_000;
    let now = 0;
    let workInLastMinute = 0;
    while (now < simulatedMs) {
      const article = due.indexOf(Math.min(...due));
      const wait = Math.max(0, due[article] - now);
      vi.advanceTimersByTime(wait + SUMMARY_MS);
      now += wait + SUMMARY_MS;
      pace.record(SUMMARY_MS);
      if (now > simulatedMs - 60_000) workInLastMinute += SUMMARY_MS;
      due[article] = now + 500 * pace.stretch();
    }
    const share = workInLastMinute / 60_000;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.08);
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
      summarize: async () => ({ ...(await computeSummaryHere(doc)), computeMs: 0 }),
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

describe('when a summary refresh comes', () => {
  const DELAY_MS = 500;

  function watchedArticle() {
    const doc = new Y.Doc();
    writeArticle(doc, { title: 'Timed', titleDerived: false, paragraphs: ['Some text.'] });
    let summaries = 0;
    let copies = 0;
    const source: SummarySource = {
      summarize: async (copy) => {
        summaries += 1;
        if (copy) copies += 1;
        return { ...(await computeSummaryHere(doc, copy ?? null)), computeMs: 0 };
      },
      stop: () => undefined,
    };
    const store = new MemoryDocumentStore();
    const refresh = new SummaryRefresh('timed', doc, source, store, createLogger('silent'), DELAY_MS, null);
    const paragraph = getContent(doc).get(0) as Y.XmlElement;
    const text = () => paragraph.get(0) as Y.XmlText;
    return {
      refresh,
      summaries: () => summaries,
      copies: () => copies,
      storedCopy: async () => (await store.readReadingCopy('timed'))?.nodes ?? null,
      type: () => doc.transact(() => text().insert(0, 'x'), 'reviewer'),
      retitle: () => doc.transact(() => getMeta(doc).set('title', 'Retitled'), 'reviewer'),
      /** Tags "Some text" (counts as a tag change), then returns what types inside it and refreshes its quote. */
      tag: () => {
        const anchor = createAnchor(projectFragment(getContent(doc)), 0, 9)!;
        doc.transact(() => {
          writeAnnotation(doc, 'tag-1', {
            label: 'allegation',
            ...anchor,
            author: { id: 'r1', name: 'Reviewer One' },
            now: new Date('2024-05-01T10:00:00Z'),
          });
        }, TAGGING_ORIGIN);
        return () => {
          doc.transact(() => text().insert(2, 'y'), 'reviewer');
          expect(refreshTagQuotes(doc, new Date('2024-05-01T11:00:00Z'))).toBe(1);
        };
      },
      relabel: () =>
        doc.transact(() => getAnnotationsMap(doc).get('tag-1')!.set('label', 'denial'), 'reviewer'),
    };
  }

  it('computes nothing on a flush when the article did not change since the last summary', async () => {
    const article = watchedArticle();
    // After loading, the stored summary is checked once.
    await article.refresh.flush();
    expect(article.summaries()).toBe(1);
    // An article closed after reviewers only read it.
    await article.refresh.flush();
    expect(article.summaries()).toBe(1);
    article.retitle();
    await article.refresh.flush();
    expect(article.summaries()).toBe(2);
    await article.refresh.flush();
    expect(article.summaries()).toBe(2);
    article.refresh.stop();
  });

  it('tries again at the next flush when a summary failed', async () => {
    const doc = new Y.Doc();
    writeArticle(doc, { title: 'Flaky', titleDerived: false, paragraphs: ['Some text.'] });
    const store = new MemoryDocumentStore();
    let failures = 1;
    const source: SummarySource = {
      summarize: async () => {
        if (failures-- > 0) throw new Error('the worker stopped');
        return { ...(await computeSummaryHere(doc)), computeMs: 0 };
      },
      stop: () => undefined,
    };
    const refresh = new SummaryRefresh('flaky', doc, source, store, createLogger('silent'), 500, null);
    await refresh.flush();
    expect(await store.readSummary('flaky')).toBeNull();
    await refresh.flush();
    expect(await store.readSummary('flaky')).toMatchObject({ title: 'Flaky' });
    refresh.stop();
  });

  it('waits four times as long when only the text changed (typing)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const article = watchedArticle();
    article.type();
    await vi.advanceTimersByTimeAsync(DELAY_MS * 3);
    article.type();
    expect(article.summaries()).toBe(0);
    await vi.advanceTimersByTimeAsync(DELAY_MS + 10);
    expect(article.summaries()).toBe(1);
    article.refresh.stop();
  });

  it('refreshes after the short delay for anything else, and brings a waiting refresh forward', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const article = watchedArticle();
    article.retitle();
    await vi.advanceTimersByTimeAsync(DELAY_MS + 10);
    expect(article.summaries()).toBe(1);

    article.type();
    await vi.advanceTimersByTimeAsync(DELAY_MS);
    article.retitle();
    await vi.advanceTimersByTimeAsync(DELAY_MS + 10);
    // Typing alone would have waited until 2,000 ms; the title change had it come at 1,000.
    expect(article.summaries()).toBe(2);
    await vi.advanceTimersByTimeAsync(DELAY_MS * 4);
    expect(article.summaries()).toBe(2);
    article.refresh.stop();
  });

  it("counts the quote a colleague's typing refreshes as typing, and a label change as a tag change", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const article = watchedArticle();
    const typeInsideTheTag = article.tag();
    await vi.advanceTimersByTimeAsync(DELAY_MS + 10);
    expect(article.summaries()).toBe(1);

    typeInsideTheTag();
    await vi.advanceTimersByTimeAsync(DELAY_MS * 3);
    expect(article.summaries()).toBe(1);
    await vi.advanceTimersByTimeAsync(DELAY_MS + 10);
    expect(article.summaries()).toBe(2);

    article.relabel();
    await vi.advanceTimersByTimeAsync(DELAY_MS + 10);
    expect(article.summaries()).toBe(3);
    article.refresh.stop();
  });

  it('draws the reading copy at most once a minute while the article changes, and at the final flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const article = watchedArticle();
    // Loading checks the copy once: none was stored, so it is drawn.
    await article.refresh.flush();
    expect(article.copies()).toBe(1);
    expect(await article.storedCopy()).toContain('Some text.');

    article.type();
    await vi.advanceTimersByTimeAsync(DELAY_MS * 4 + 10);
    // The summary follows the typing; the copy waits out its interval.
    expect(article.summaries()).toBe(2);
    expect(article.copies()).toBe(1);
    // Once the interval is over it is drawn, though nothing changed since.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(article.copies()).toBe(2);
    expect(await article.storedCopy()).toContain('xSome text.');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(article.copies()).toBe(2);

    // Closing the article draws a changed copy at once, and nothing when it did not change.
    article.type();
    await article.refresh.flush();
    expect(article.copies()).toBe(3);
    expect(await article.storedCopy()).toContain('xxSome text.');
    await article.refresh.flush();
    expect(article.copies()).toBe(3);
    article.refresh.stop();
  });

  it('keeps the stored copy and the summary when drawing the copy fails, and draws it at the next flush', async () => {
    const doc = new Y.Doc();
    writeArticle(doc, { title: 'Undrawable', titleDerived: false, paragraphs: ['Some text.'] });
    const store = new MemoryDocumentStore();
    await store.writeReadingCopy('undrawable', { mark: 'older', nodes: '["older copy"]' });
    let failures = 1;
    const source: SummarySource = {
      summarize: async (copy) => {
        const computed = { ...(await computeSummaryHere(doc, copy ?? null)), computeMs: 0 };
        if (!copy || failures-- <= 0) return computed;
        return { ...computed, copy: { mark: 'x', nodes: null, failed: 'the drawing broke' } };
      },
      stop: () => undefined,
    };
    const log = createLogger('silent');
    const refresh = new SummaryRefresh('undrawable', doc, source, store, log, 500, null, undefined, 'older');
    await refresh.flush();
    expect(await store.readSummary('undrawable')).toMatchObject({ title: 'Undrawable' });
    expect((await store.readReadingCopy('undrawable'))?.nodes).toBe('["older copy"]');
    await refresh.flush();
    expect((await store.readReadingCopy('undrawable'))?.nodes).toContain('Some text.');
    refresh.stop();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createAnchor,
  getContent,
  getMeta,
  LABELS,
  parsePlainTextArticle,
  projectFragment,
  writeAnnotation,
  writeArticle,
} from '@factcheck/core';
import { createRandom, seedsToRun, type Random } from '../../../packages/core/test/helpers/seeded-random.js';
import { createLogger } from '../src/logger.js';
import { computeSummaryHere } from '../src/summaries/summary-computer.js';
import { workerFlags, WorkerSummaryComputer } from '../src/summaries/worker-summary-computer.js';

/** Seeds that once failed; they run first. Replay one with `SEED=<n>`. */
const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = seedsToRun(REGRESSION_SEEDS, 4, 1);

const ARTICLE = [
  'Singer accuses colleague of harassment',
  'The singer said on Thursday that the colleague had harassed her on several occasions.',
  'The colleague denied every allegation and called them a smear campaign.',
  'People close to the case say a settlement was discussed, but nobody confirmed it.',
  'The court will hear the defamation case next month.',
].join('\n\n');

const computers: WorkerSummaryComputer[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const computer of computers.splice(0)) await computer.close();
});

function newComputer(): WorkerSummaryComputer {
  const computer = new WorkerSummaryComputer(createLogger('silent'));
  computers.push(computer);
  return computer;
}

function newArticle(): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(doc, parsePlainTextArticle(ARTICLE));
  return doc;
}

/** One change a reviewer could make: typing, deleting, tagging, retitling. */
function randomChange(doc: Y.Doc, random: Random): void {
  const content = getContent(doc);
  const paragraph = content.get(random.int(content.length));
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  const roll = random.int(4);
  if (roll === 0 && text instanceof Y.XmlText) {
    text.insert(random.int(text.length + 1), random.pick(['a', ' the ', 'é', '😀']));
  } else if (roll === 1 && text instanceof Y.XmlText && text.length > 5) {
    text.delete(random.int(text.length - 3), random.between(1, 3));
  } else if (roll === 2) {
    const projection = projectFragment(content);
    const from = random.int(Math.max(1, projection.text.length - 40));
    const anchor = createAnchor(projection, from, from + random.between(5, 35));
    if (anchor) {
      writeAnnotation(doc, `tag-${random.int(1_000_000)}`, {
        label: random.pick(LABELS),
        author: { id: `r${random.int(3)}`, name: 'Reviewer' },
        ...anchor,
      });
    }
  } else {
    getMeta(doc).set('outlet', `Outlet ${random.int(100)}`);
  }
}

describe('summaries on the worker thread', () => {
  it.each(SEEDS)('equal summaries computed on the main thread after any changes (seed %i)', async (seed) => {
    const random = createRandom(seed);
    const context = `seed ${seed} (replay with SEED=${seed})`;
    const computer = newComputer();
    const doc = newArticle();
    const source = computer.follow(doc, Y.encodeStateAsUpdate(doc));
    for (let round = 0; round < 12; round++) {
      // Some changes reach the worker in an earlier turn, the last ones in the same turn as the request.
      for (let change = random.int(6); change > 0; change--) randomChange(doc, random);
      if (random.chance(0.5)) await new Promise((resolve) => setImmediate(resolve));
      for (let change = random.int(4); change > 0; change--) randomChange(doc, random);
      const answered = await source.summarize();
      expect(answered.serialized, context).toBe((await computeSummaryHere(doc)).serialized);
    }
    source.stop();
  });

  it('follows several documents apart, from their state or from scratch', async () => {
    const computer = newComputer();
    const first = newArticle();
    const second = newArticle();
    getMeta(second).set('title', 'Another article');
    const fromState = computer.follow(first, Y.encodeStateAsUpdate(first));
    const fromScratch = computer.follow(second);
    getMeta(first).set('outlet', 'Dawn');
    const [one, two] = await Promise.all([fromState.summarize(), fromScratch.summarize()]);
    expect(JSON.parse(one.serialized)).toMatchObject({
      title: 'Singer accuses colleague of harassment',
      outlet: 'Dawn',
    });
    expect(JSON.parse(two.serialized)).toMatchObject({ title: 'Another article' });
    expect(one.computeMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps the replica right when changes too large to hold back go to the worker early', async () => {
    const computer = newComputer();
    const doc = newArticle();
    const source = computer.follow(doc);
    const first = getContent(doc).get(1) as Y.XmlElement;
    // 20 changes of 8 KB: past the 64 KB the main thread holds back before forwarding.
    for (let round = 0; round < 20; round++) (first.get(0) as Y.XmlText).insert(0, `${round} `.repeat(2_000));
    expect((await source.summarize()).serialized).toBe((await computeSummaryHere(doc)).serialized);
  });

  it('starts a new worker when the worker dies, with every change since', async () => {
    const computer = newComputer();
    const doc = newArticle();
    const source = computer.follow(doc);
    await source.summarize();
    // What a crash of the worker thread looks like from the main thread.
    const worker = (computer as unknown as { worker: { terminate(): Promise<number> } }).worker;
    const random = createRandom(11);
    for (let change = 0; change < 20; change++) randomChange(doc, random);
    const pending = source.summarize();
    await worker.terminate();
    expect((await pending).serialized).toBe((await computeSummaryHere(doc)).serialized);
    randomChange(doc, random);
    expect((await source.summarize()).serialized).toBe((await computeSummaryHere(doc)).serialized);
  });

  it('computes summaries on the main thread when workers keep failing to start', async () => {
    const lines: string[] = [];
    const computer = new WorkerSummaryComputer(
      createLogger('error', { write: (line: string) => void lines.push(line) }),
      new URL('./fixtures/failing-summary-worker.mjs', import.meta.url),
    );
    computers.push(computer);
    const doc = newArticle();
    const source = computer.follow(doc);
    getMeta(doc).set('outlet', 'Geo');
    expect((await source.summarize()).serialized).toBe((await computeSummaryHere(doc)).serialized);
    expect(lines.join('')).toContain('summaries are computed on the main thread from now on');
  });

  it("starts workers with the server's profiling flags but not its preloads or V8 flags", () => {
    const serverFlags = [
      '--expose-gc',
      '--cpu-prof',
      '--cpu-prof-dir=/tmp/p',
      '--import',
      'tsx',
      '--import=./probe.ts',
    ];
    expect(workerFlags([...serverFlags, '-C', 'development', '--max-old-space-size=512'])).toEqual([
      '--cpu-prof',
      '--cpu-prof-dir=/tmp/p',
      '-C',
      'development',
    ]);
  });

  it('replaces its worker with a fresh one once no document is followed, after open requests', async () => {
    const computer = new WorkerSummaryComputer(createLogger('silent'), undefined, 0);
    computers.push(computer);
    const first = newArticle();
    const firstSource = computer.follow(first);
    const second = computer.follow(newArticle());
    const started = computer.workersStarted;
    second.stop();
    // A request still open when the last document goes is answered by the worker that has it.
    const answer = firstSource.summarize();
    firstSource.stop();
    expect((await answer).serialized).toBe((await computeSummaryHere(first)).serialized);
    await vi.waitFor(() => expect(computer.workersStarted).toBe(started + 1), { timeout: 10_000 });

    const next = newArticle();
    randomChange(next, createRandom(7));
    const nextSource = computer.follow(next);
    expect((await nextSource.summarize()).serialized).toBe((await computeSummaryHere(next)).serialized);
    expect(computer.workersStarted).toBe(started + 1);
  });

  it('keeps its worker when a document is followed again within the idle wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const computer = new WorkerSummaryComputer(createLogger('silent'), undefined, 1_000);
    computers.push(computer);
    const first = computer.follow(newArticle());
    const started = computer.workersStarted;
    first.stop();
    vi.advanceTimersByTime(500);
    const doc = newArticle();
    const source = computer.follow(doc);
    vi.advanceTimersByTime(5_000);
    vi.useRealTimers();
    expect((await source.summarize()).serialized).toBe((await computeSummaryHere(doc)).serialized);
    expect(computer.workersStarted).toBe(started);
  });

  it('refuses summaries once stopped or closed', async () => {
    const computer = newComputer();
    const doc = newArticle();
    const stopped = computer.follow(doc);
    stopped.stop();
    await expect(stopped.summarize()).rejects.toThrow(/stopped/);
    const open = computer.follow(newArticle());
    await computer.close();
    await expect(open.summarize()).rejects.toThrow(/closed/);
    expect(() => computer.follow(doc)).toThrow(/closed/);
  });
});

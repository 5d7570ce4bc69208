import * as Y from 'yjs';
import { getAnnotationsMap } from '@factcheck/core';
import { waitFor } from '../helpers/wait-for.js';
import { buildBigArticle, type BigArticleSize } from './big-article.js';
import { openClient, pushArticle, type BenchClient } from './bench-client.js';
import { startOurServer, startReferenceServer, type BenchServer } from './bench-servers.js';
import { summarize, type Measurement } from './measure.js';

/** Issue 7, workload 2: the article and how many joins make a figure. */
export interface JoinBenchmarkOptions {
  readonly article: BigArticleSize;
  readonly runs: number;
  readonly warmup: number;
}

const ROOM = 'bench-join';

/** Milliseconds from creating a stock provider to its first sync, checking the whole article came. */
async function timeJoin(syncUrl: string, expectedTags: number): Promise<number> {
  const started = performance.now();
  const client: BenchClient = openClient(syncUrl, ROOM);
  try {
    await new Promise<void>((resolve) =>
      client.provider.on('sync', (synced: boolean) => {
        if (synced) resolve();
      }),
    );
    const elapsed = performance.now() - started;
    const tags = getAnnotationsMap(client.doc).size;
    if (tags !== expectedTags) throw new Error(`joined with ${tags} tags, expected ${expectedTags}`);
    return elapsed;
  } finally {
    client.close();
  }
}

async function repeat(times: number, task: () => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await task());
  return samples;
}

function unloadCount(server: BenchServer): number {
  return server.logs().filter((record) => record.msg === 'document unloaded' && record.article === ROOM)
    .length;
}

/**
 * Join: time from connecting a stock client to synced for the big article (20,000 words, 5,000
 * tags from 10 reviewers). Warm: the article is already in the server's memory (someone is in
 * it), ours and the reference. Cold (ours only): the server loads it from LevelDB first.
 */
export async function runJoinBenchmark(options: JoinBenchmarkOptions): Promise<Measurement[]> {
  const article = buildBigArticle(options.article);
  const tags = getAnnotationsMap(article).size;
  const label = `${options.article.words.toLocaleString('en')} words, ${tags.toLocaleString('en')} tags`;

  const ours = await startOurServer({ articles: new Map([[ROOM, article]]) });
  let cold: number[];
  let warm: number[];
  try {
    const coldJoin = async () => {
      const unloaded = unloadCount(ours);
      const elapsed = await timeJoin(ours.syncUrl, tags);
      // The next cold join starts once the server has unloaded the article again.
      await waitFor(() => unloadCount(ours) > unloaded, { timeout: 30_000, message: 'article unloaded' });
      return elapsed;
    };
    await repeat(options.warmup, coldJoin);
    cold = await repeat(options.runs, coldJoin);
    warm = await joinsWhileHeld(ours, tags, options);
  } finally {
    await ours.stop();
  }

  const reference = await startReferenceServer();
  let referenceWarm: number[];
  try {
    await pushArticle(reference.syncUrl, ROOM, article);
    referenceWarm = await joinsWhileHeld(reference, tags, options);
  } finally {
    await reference.stop();
  }

  return [
    summarize(`join, ${label}, article in memory`, 'ms', warm, { reference: referenceWarm }),
    summarize(`join, ${label}, loaded from disk`, 'ms', cold, {
      note: 'ours only: the reference keeps nothing on disk',
    }),
  ];
}

/** Joins while another client holds the article open, so it stays in memory. */
async function joinsWhileHeld(
  server: BenchServer,
  tags: number,
  options: JoinBenchmarkOptions,
): Promise<number[]> {
  const holder = openClient(server.syncUrl, ROOM, new Y.Doc());
  try {
    await waitFor(() => getAnnotationsMap(holder.doc).size === tags, {
      timeout: 60_000,
      message: 'holder synced',
    });
    await repeat(options.warmup, () => timeJoin(server.syncUrl, tags));
    return await repeat(options.runs, () => timeJoin(server.syncUrl, tags));
  } finally {
    holder.close();
  }
}

import * as Y from 'yjs';
import {
  createAnchor,
  getContent,
  LABELS,
  projectFragment,
  TAGGING_ORIGIN,
  writeAnnotation,
  writeArticle,
} from '@factcheck/core';
import { seededRandom } from './seeded-random.js';

/** Size of a generated benchmark article. */
export interface BigArticleSize {
  readonly words: number;
  readonly tags: number;
  readonly reviewers: number;
}

/** The benchmark article of issue 7: 20,000 words, 5,000 tags from 10 reviewers. */
export const FULL_SIZE: BigArticleSize = { words: 20_000, tags: 5_000, reviewers: 10 };
/** A long news report, for the sync and capacity benchmarks: 1,000 words, 50 tags from 3 reviewers. */
export const NEWS_SIZE: BigArticleSize = { words: 1_000, tags: 50, reviewers: 3 };
/** A small article that proves the benchmarks run, for CI. */
export const SMOKE_SIZE: BigArticleSize = { words: 2_000, tags: 200, reviewers: 4 };

const VOCABULARY =
  'the court said singer actress accused denied alleged claims statement defamation harassment rumours report tweet lawyer hearing case media 😀 میشا شفیع'.split(
    ' ',
  );

/** Builds a Y.Doc holding a generated article of the given size with overlapping tags. */
export function buildBigArticle(size: BigArticleSize, seed = 7): Y.Doc {
  const next = seededRandom(seed);
  const doc = new Y.Doc();
  const paragraphs: string[] = [];
  let words: string[] = [];
  for (let i = 0; i < size.words; i++) {
    words.push(VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
    if (words.length >= 80 || i === size.words - 1) {
      paragraphs.push(`${words.join(' ')}.`);
      words = [];
    }
  }
  writeArticle(doc, { title: `Benchmark article (${size.words} words)`, titleDerived: false, paragraphs });
  const projection = projectFragment(getContent(doc));
  const length = projection.text.length;
  doc.transact(() => {
    for (let i = 0; i < size.tags; i++) {
      const from = Math.floor(next() * (length - 200));
      const anchor = createAnchor(projection, from, from + 10 + Math.floor(next() * 120));
      if (!anchor) continue;
      const reviewer = Math.floor(next() * size.reviewers);
      writeAnnotation(doc, `bench-${i}`, {
        label: LABELS[i % LABELS.length],
        author: { id: `reviewer-${reviewer}`, name: `Reviewer ${reviewer}` },
        ...anchor,
      });
    }
  }, TAGGING_ORIGIN);
  return doc;
}

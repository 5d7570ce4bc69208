import path from 'node:path';
import * as Y from 'yjs';
import {
  createAnchor,
  getContent,
  projectFragment,
  summarizeArticle,
  TAGGING_ORIGIN,
  writeAnnotation,
  writeArticle,
  LABELS,
  type ArticleSummary,
  type Label,
} from '@factcheck/core';
import { LeveldbDocumentStore } from '@factcheck/server';
import { mulberry32 as seededRandom } from '../../packages/core/test/helpers/seeded-random.js';

/** A generated library for search tests: articles written straight into a data directory. */

/** Words the articles are made of; a search for one of them finds a fair share of articles. */
export const VOCABULARY = [
  'court',
  'singer',
  'harassment',
  'defamation',
  'tribunal',
  'lawyer',
  'statement',
  'denied',
  'accused',
  'witness',
  'hearing',
  'appeal',
  'Lahore',
  'Karachi',
  'festival',
  'album',
  'concert',
  'petition',
  'social',
  'media',
  'campaign',
  'rumour',
  'evidence',
  'verdict',
  'judge',
  'Zafar',
  'Shafi',
  'colleague',
  'industry',
  'interview',
] as const;

export const OUTLETS = ['Dawn', 'The Express Tribune', 'Geo News', 'BBC Urdu', 'Images', ''] as const;
const REVIEWERS = [
  { id: 'r-amna', name: 'Amna' },
  { id: 'r-bilal', name: 'Bilal' },
  { id: 'r-chen', name: 'Chen' },
] as const;

/** What the test knows about one generated article, to compute the expected answers itself. */
export interface GeneratedArticle {
  readonly id: string;
  readonly title: string;
  readonly outlet: string;
  readonly authors: string;
  readonly publishedAt: string;
  readonly text: string;
  readonly labels: ReadonlySet<Label>;
}

/** How a generated article's summary is stored: current, missing, or of the older layout. */
type StoredSummary = 'current' | 'missing' | 'old';

/**
 * Writes `count` articles with random titles, outlets, dates, text and tags into `dataDir`
 * (LevelDB, as the server keeps it); a third of them with no stored summary and a third with a
 * summary of the older layout, which the server must rebuild.
 */
export async function writeGeneratedLibrary(
  dataDir: string,
  count: number,
  seed: number,
): Promise<GeneratedArticle[]> {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');

  const store = await LeveldbDocumentStore.open(path.join(dataDir, 'documents'));
  const articles: GeneratedArticle[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const id = `gen-${String(index).padStart(4, '0')}`;
      const title = `${words(2 + int(4))} ${index}`;
      const outlet = pick(OUTLETS);
      const authors =
        random() < 0.5 ? '' : `${pick(['Sana', 'Omar', 'Hina'])} ${pick(['Malik', 'Butt', 'Rizvi'])}`;
      const year = 2016 + int(9);
      const month = String(1 + int(12)).padStart(2, '0');
      const day = String(1 + int(28)).padStart(2, '0');
      const dated = random();
      const publishedAt =
        dated < 0.15
          ? ''
          : dated < 0.3
            ? `${year}-${month}-${day}T0${int(9)}:30:00Z`
            : `${year}-${month}-${day}`;
      const paragraphs = Array.from({ length: 2 + int(4) }, () => `${words(8 + int(20))}.`);
      // A phrase only a few articles carry, sometimes capitalised differently.
      if (random() < 0.08)
        paragraphs.push(random() < 0.5 ? 'The Defamation Suit was filed.' : 'a defamation suit followed');

      const doc = new Y.Doc();
      writeArticle(
        doc,
        { title, titleDerived: false, paragraphs },
        { outlet, authors, publishedAt, language: 'en' },
      );
      const labels = new Set<Label>();
      const projection = projectFragment(getContent(doc));
      for (let tag = int(4); tag > 0; tag--) {
        const from = int(projection.text.length - 12);
        const anchor = createAnchor(projection, from, from + 5 + int(6));
        if (!anchor || anchor.quote.trim() === '') continue;
        const label = pick(LABELS);
        labels.add(label);
        doc.transact(
          () => writeAnnotation(doc, `t-${index}-${tag}`, { label, ...anchor, author: pick(REVIEWERS) }),
          TAGGING_ORIGIN,
        );
      }
      await store.appendUpdate(id, Y.encodeStateAsUpdate(doc));
      const summary = summarizeArticle(doc);
      const stored: StoredSummary = (['current', 'missing', 'old'] as const)[index % 3];
      if (stored === 'current') await store.writeSummary(id, summary);
      if (stored === 'old') {
        const older = { title: summary.title, counts: summary.counts };
        await store.writeSummary(id, older as unknown as ArticleSummary);
      }
      articles.push({ id, title, outlet, authors, publishedAt, text: projection.text, labels });
      doc.destroy();
    }
  } finally {
    await store.close();
  }
  return articles;
}

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { parsePlainTextArticle, writeArticle } from '../../src/index.js';
import type { Random } from './seeded-random.js';

/** The built-in corpus in /articles, read as raw text. */

const articlesDir = fileURLToPath(new URL('../../../../articles/', import.meta.url));

/** Raw text of the corpus article whose file name starts with `prefix` (e.g. `000_`). */
export function corpusArticle(prefix: string): string {
  const name = readdirSync(articlesDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no article ${prefix}* in ${articlesDir}`);
  return readFileSync(articlesDir + name, 'utf8');
}

/** Raw text of every corpus article. */
export function corpusArticles(): string[] {
  return readdirSync(articlesDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(articlesDir + file, 'utf8'));
}

let corpusParagraphs: (readonly string[])[] | undefined;

/**
 * A short article doc cut from the corpus (client id 1): a few consecutive paragraphs, each cut
 * to at most 160 code points, so random edits and tags collide often.
 */
export function randomCorpusExcerpt(random: Random): Y.Doc {
  corpusParagraphs ??= corpusArticles().map((raw) => parsePlainTextArticle(raw).paragraphs);
  const source = random.pick(corpusParagraphs);
  const first = random.int(source.length);
  const paragraphs = source
    .slice(first, first + random.between(2, 4))
    .map((paragraph) => [...paragraph].slice(0, random.between(20, 160)).join(''));
  const doc = new Y.Doc();
  doc.clientID = 1;
  writeArticle(doc, { title: 'Corpus excerpt', titleDerived: false, paragraphs });
  return doc;
}

import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import {
  createAnchor,
  getContent,
  newAnnotationId,
  projectFragment,
  TAGGING_ORIGIN,
  writeAnnotation,
  type Label,
  type Reviewer,
} from '@factcheck/core';

/** Ids of the built-in corpus, sorted. */
export const CORPUS_IDS = ['000_b05564db9c0361cb', '001_3252a6d8875c329f', '002_7f6c6d7fc6f2c3a9'] as const;

/** The raw text of a built-in article. */
export function readCorpusArticle(id: string): string {
  return readFileSync(new URL(`../../articles/${id}.txt`, import.meta.url), 'utf8');
}

/** The article text of a document as everything outside the editor sees it. */
export function articleText(doc: Y.Doc): string {
  return projectFragment(getContent(doc)).text;
}

/** Tags the first occurrence of `quote` like a reviewer would; returns the annotation id. */
export function tagQuote(
  doc: Y.Doc,
  quote: string,
  label: Label,
  author: Reviewer = { id: 'tester', name: 'Tester' },
): string {
  const projection = projectFragment(getContent(doc));
  const from = projection.text.indexOf(quote);
  if (from < 0) throw new Error(`quote not in the article: ${quote}`);
  const anchor = createAnchor(projection, from, from + quote.length);
  if (!anchor) throw new Error('could not anchor the quote');
  const id = newAnnotationId();
  doc.transact(() => writeAnnotation(doc, id, { label, ...anchor, author }), TAGGING_ORIGIN);
  return id;
}

/** Inserts text at the start of the first paragraph, as a typing reviewer would. */
export function typeAtStart(doc: Y.Doc, text: string): void {
  const paragraph = getContent(doc).get(0) as Y.XmlElement;
  doc.transact(() => (paragraph.get(0) as Y.XmlText).insert(0, text), 'test:typing');
}

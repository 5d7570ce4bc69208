import * as Y from 'yjs';
import { readAnnotations } from './annotation.js';
import { getTitle } from './document-layout.js';
import { emptyLabelCounts, type Label } from './labels.js';

/** What the library lists for an article. */
export interface ArticleSummary {
  readonly title: string;
  readonly counts: Record<Label, number>;
}

/** Title and tag counts per label of an article document (invalid entries are not counted). */
export function summarizeArticle(doc: Y.Doc): ArticleSummary {
  const counts = emptyLabelCounts();
  for (const annotation of readAnnotations(doc).valid) counts[annotation.label] += 1;
  return { title: getTitle(doc), counts };
}

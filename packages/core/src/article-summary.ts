import * as Y from 'yjs';
import { readAnnotations } from './annotation.js';
import { getTitle } from './document-layout.js';
import { emptyLabelCounts, type Label } from './labels.js';
import { readAdjudications, tagsForView } from './review/adjudication.js';

/** What the library lists for an article. */
export interface ArticleSummary {
  readonly title: string;
  readonly counts: Record<Label, number>;
}

/**
 * Title and tag counts per label of an article document, counted as exports show it by default:
 * a decided tag instead of the reviewer tags it settled (invalid entries are not counted).
 */
export function summarizeArticle(doc: Y.Doc): ArticleSummary {
  const counts = emptyLabelCounts();
  const shown = tagsForView(readAnnotations(doc).valid, readAdjudications(doc), 'adjudicated');
  for (const annotation of shown) counts[annotation.label] += 1;
  return { title: getTitle(doc), counts };
}

import type * as Y from 'yjs';
import { LABEL_NAMES, LABELS, readAnnotations } from '@factcheck/core';
import type { TagFilter } from '@factcheck/editor';
import type { ExportQueryFilter } from '../../api/export-api.js';

/** The sidebar's filter as export query parameters; `hidesEverything` when no label is shown. */
export function exportQueryOf(filter: TagFilter): { query: ExportQueryFilter; hidesEverything: boolean } {
  const labels = LABELS.filter((label) => filter.labels.has(label));
  const query: ExportQueryFilter = {
    ...(labels.length < LABELS.length ? { labels } : {}),
    ...(filter.authors ? { authors: [...filter.authors] } : {}),
  };
  return { query, hidesEverything: labels.length === 0 };
}

/** A short description of what the sidebar's filter keeps, for the export menu. */
export function describeFilter(filter: TagFilter, ydoc: Y.Doc): string {
  const labels = LABELS.filter((label) => filter.labels.has(label));
  if (labels.length === 0) return 'No labels are shown in the sidebar';
  const which =
    labels.length < LABELS.length ? `${labels.map((label) => LABEL_NAMES[label]).join(', ')} tags` : 'tags';
  if (!filter.authors) return which === 'tags' ? 'No filter set: every tag' : `Only ${which}`;
  const names = new Map<string, string>();
  for (const { author } of readAnnotations(ydoc).valid) names.set(author.id, author.name);
  const shown = [...filter.authors].map((id) => names.get(id) || 'an unknown reviewer');
  return `Only ${which} by ${shown.join(', ')}`;
}

import { emptyLabelCounts, LABEL_NAMES, LABELS, type Label } from '@factcheck/core';
import type { ExportModel, ExportTag } from '../export-model.js';

/**
 * How times, anchor statuses, filters and tallies read for people in the `html`, `md` and `brat`
 * exports, so every format words them the same way.
 */

/** An ISO 8601 time as `2024-05-01 10:00 UTC` (the stored text when it does not parse). */
export function readableTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What a reader is told about a placed tag's anchoring; empty for a cleanly anchored tag. */
export function statusNote(status: ExportTag['status']): string {
  switch (status) {
    case 'reanchored':
      return 're-anchored: found again from its quote after the text moved';
    case 'drifted':
      return 'drifted: the tagged text was edited after tagging';
    default:
      return '';
  }
}

/** The filter applied to the export, in words: labels by name, reviewers by name where known. */
export function describeFilter(model: ExportModel): string {
  const { labels, authors } = model.filter;
  if (!labels && !authors) return 'All tags';
  const names = new Map<string, string>();
  for (const tag of [...model.tags, ...model.orphans]) names.set(tag.author.id, tag.author.name);
  const parts: string[] = [];
  if (labels) parts.push(`labels: ${labels.map((label) => LABEL_NAMES[label]).join(', ') || 'none'}`);
  if (authors) {
    const who = authors.map((id) => (names.get(id) ? `${names.get(id)} (${id})` : id));
    parts.push(`reviewers: ${who.join(', ') || 'none'}`);
  }
  return `Only ${parts.join('; ')}`;
}

/** Placed tags per label, in toolbar order. */
export function countTagsByLabel(model: ExportModel): { label: Label; name: string; count: number }[] {
  const counts = emptyLabelCounts();
  for (const tag of model.tags) counts[tag.label] += 1;
  return LABELS.map((label) => ({ label, name: LABEL_NAMES[label], count: counts[label] }));
}

import {
  ARTICLE_META_FIELDS,
  ARTICLE_META_LABELS,
  emptyLabelCounts,
  LABEL_NAMES,
  LABELS,
  type EvidenceStance,
  type Label,
  type Reviewer,
} from '@factcheck/core';
import type { ExportModel, ExportTag } from '../export-model.js';
import type { ExportComment, ExportEvidence, ExportReviewFields } from '../review-fields.js';

/**
 * How times, anchor statuses, filters, tallies, reviews and the article's metadata read for people
 * in the `html`, `md`, `docx` and `brat` exports, so every format words them the same way.
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

/** Which tags the export's view took, in words. */
export function describeView(model: ExportModel): string {
  return model.view === 'all'
    ? "Every reviewer's tags (decisions on disputed passages not applied)"
    : "Decided tags where a lead settled a passage, every reviewer's tags elsewhere";
}

/** Placed tags per label, in toolbar order. */
export function countTagsByLabel(model: ExportModel): { label: Label; name: string; count: number }[] {
  const counts = emptyLabelCounts();
  for (const tag of model.tags) counts[tag.label] += 1;
  return LABELS.map((label) => ({ label, name: LABEL_NAMES[label], count: counts[label] }));
}

/** How each evidence stance reads. */
export const STANCE_NAMES: Readonly<Record<EvidenceStance, string>> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};

function nameOf(reviewer: Reviewer): string {
  return reviewer.name.trim() || reviewer.id;
}

/**
 * The review of a tag as short lines of plain text, in reading order: who decided it, its status
 * or verdict, its claimant and subject, the tags it responds to. Empty for an open tag with none
 * of these. Each format escapes the lines its own way; evidence and comments are rendered apart.
 */
export function reviewLines(tag: ExportReviewFields): string[] {
  const lines: string[] = [];
  if (tag.adjudicated) {
    lines.push(
      tag.decidedBy
        ? `Decided by ${nameOf(tag.decidedBy)}${tag.decidedAt ? `, ${readableTime(tag.decidedAt)}` : ''}`
        : 'Decided tag',
    );
  }
  if (tag.reviewStatus === 'resolved') {
    const by = tag.resolvedBy ? ` by ${nameOf(tag.resolvedBy)}` : '';
    const when = tag.resolvedAt ? `, ${readableTime(tag.resolvedAt)}` : '';
    lines.push(tag.verdict ? `Verdict: ${tag.verdict} (resolved${by}${when})` : `Resolved${by}${when}`);
  } else if (tag.reviewStatus === 'disputed') {
    lines.push('Status: disputed');
  }
  const claim = [
    ...(tag.claimant ? [`Claimant: ${tag.claimant}`] : []),
    ...(tag.subject ? [`Subject: ${tag.subject}`] : []),
  ];
  if (claim.length > 0) lines.push(claim.join(' · '));
  if (tag.respondsTo.length > 0) {
    const targets = tag.respondsTo.map((link) =>
      link.number === undefined ? 'an unanchored tag' : `tag ${link.number}`,
    );
    lines.push(`Responds to ${targets.join(', ')}`);
  }
  return lines;
}

/** Who wrote a comment and when, as a comment heading: `Ayesha · 2024-05-01 10:00 UTC · edited …`. */
export function commentHeading(comment: ExportComment, thread: readonly ExportComment[]): string {
  const parent = comment.replyTo ? thread.find((entry) => entry.id === comment.replyTo) : undefined;
  return [
    nameOf(comment.author),
    readableTime(comment.createdAt),
    ...(comment.editedAt ? [`edited ${readableTime(comment.editedAt)}`] : []),
    ...(comment.replyTo ? [parent ? `in reply to ${nameOf(parent.author)}` : 'reply'] : []),
  ].join(' · ');
}

/** Who added a piece of evidence and when: `Ayesha, 2024-05-01 10:00 UTC`. */
export function evidenceByline(evidence: ExportEvidence): string {
  return `${nameOf(evidence.author)}, ${readableTime(evidence.createdAt)}`;
}

/** Keys of `meta` the app keeps for itself, never shown as metadata. */
const INTERNAL_META_KEYS: ReadonlySet<string> = new Set(['title', 'titleDerived']);

/** One line of an article's metadata as a reader sees it. */
export interface MetadataEntry {
  /** The key in `meta` (`sourceUrl`, `outlet`, … or another). */
  readonly key: string;
  readonly label: string;
  /** The value as shown: a language reads as its name with its tag, `Urdu (ur)`. */
  readonly value: string;
}

/** A BCP 47 language tag in its canonical form, or undefined when the value is not one. */
export function languageTag(value: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    return Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    return undefined;
  }
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A language tag as people read it: `Urdu (ur)`; the value as given when it is not a tag. */
export function languageName(value: string): string {
  const tag = languageTag(value);
  const name = tag ? languageNames.of(tag) : undefined;
  return tag && name && name !== tag ? `${name} (${tag})` : value.trim();
}

/**
 * The article's metadata in reading order, empty fields left out: source URL, outlet, authors,
 * publication date and language under their labels, then any other text kept in `meta` under its
 * own key. The title is not among them: every format shows it as its heading.
 */
export function metadataEntries(model: ExportModel): MetadataEntry[] {
  const known: MetadataEntry[] = ARTICLE_META_FIELDS.filter((field) => field !== 'title')
    .filter((field) => model.articleMeta[field].trim() !== '')
    .map((field) => ({
      key: field,
      label: ARTICLE_META_LABELS[field],
      value: field === 'language' ? languageName(model.articleMeta[field]) : model.articleMeta[field].trim(),
    }));
  const knownKeys: ReadonlySet<string> = new Set(ARTICLE_META_FIELDS);
  const others = Object.entries(model.meta)
    .filter(([key, value]) => !knownKeys.has(key) && !INTERNAL_META_KEYS.has(key) && value.trim() !== '')
    .map(([key, value]) => ({ key, label: key, value }));
  return [...known, ...others];
}

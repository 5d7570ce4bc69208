import { stringify } from 'csv-stringify/sync';
import type { ExportModel } from '../export-model.js';
import type { ExportFormat } from '../format.js';
import type { ExportReviewFields } from '../review-fields.js';

/**
 * The `csv` export: one row per tag, RFC 4180 (CRLF line ends, fields with commas, quotes or line
 * breaks quoted, quotes doubled), written by csv-stringify. Placed tags come first in document
 * order, then the unanchored ones with status `orphaned` and empty `start` and `end`. After the
 * tag's own fields come its review: status and verdict, claimant and subject, who resolved it and
 * when, whether a lead decided it (and who, when), how many comments and pieces of evidence it has,
 * and the ids of the tags it responds to.
 *
 * Formula injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a CR (or their full-width
 * forms) gets a leading `'`, the OWASP advice, so a spreadsheet shows a reviewer named
 * `=cmd|' /C calc'!A0` as text instead of running it. Only text cells can start that way (ids,
 * quotes, names); offsets and times never do. Tools reading the file as data should drop one
 * leading `'` before those characters. A UTF-8 byte order mark leads the file so spreadsheets read
 * non-Latin text (Urdu, emoji) as UTF-8; csv parsers skip it (`bom: true` in csv-parse).
 */

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'id',
  'label',
  'quote',
  'start',
  'end',
  'author',
  'author_id',
  'created',
  'updated',
  'status',
  'review_status',
  'verdict',
  'claimant',
  'subject',
  'resolved_by',
  'resolved_by_id',
  'resolved_at',
  'adjudicated',
  'decided_by',
  'decided_by_id',
  'decided_at',
  'comments',
  'evidence',
  'responds_to',
] as const;

/** The review cells of a tag, in `CSV_COLUMNS` order after `status`. */
function reviewCells(tag: ExportReviewFields): (string | number)[] {
  return [
    tag.reviewStatus,
    tag.verdict ?? '',
    tag.claimant ?? '',
    tag.subject ?? '',
    tag.resolvedBy?.name ?? '',
    tag.resolvedBy?.id ?? '',
    tag.resolvedAt ?? '',
    tag.adjudicated ? 'true' : 'false',
    tag.decidedBy?.name ?? '',
    tag.decidedBy?.id ?? '',
    tag.decidedAt ?? '',
    tag.thread.length,
    tag.evidence.length,
    tag.respondsTo.map((link) => link.id).join(' '),
  ];
}

/** One row per tag, cells in `CSV_COLUMNS` order. */
function tagRows(model: ExportModel): (string | number)[][] {
  const placed = model.tags.map((tag) => [
    tag.id,
    tag.label,
    tag.quote,
    tag.start,
    tag.end,
    tag.author.name,
    tag.author.id,
    tag.createdAt,
    tag.updatedAt,
    tag.status,
    ...reviewCells(tag),
  ]);
  const orphans = model.orphans.map((tag) => [
    tag.id,
    tag.label,
    tag.quote,
    '',
    '',
    tag.author.name,
    tag.author.id,
    tag.createdAt,
    tag.updatedAt,
    'orphaned',
    ...reviewCells(tag),
  ]);
  return [...placed, ...orphans];
}

/**
 * A table as CSV text with this export's conventions (header row, CRLF, byte order mark, formula
 * cells prefixed with `'`); also the unanchored list of the `brat` bundle.
 */
export function stringifyCsvTable(columns: readonly string[], rows: readonly (string | number)[][]): string {
  return stringify(rows as (string | number)[][], {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}

/** The tags of the article as CSV text, header row first. */
export function renderCsv(model: ExportModel): string {
  return stringifyCsvTable(CSV_COLUMNS, tagRows(model));
}

/** The `csv` export format. */
export const csvFormat: ExportFormat = {
  name: 'csv',
  description: 'Spreadsheet of tags (CSV)',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  render: (model) => new TextEncoder().encode(renderCsv(model)),
};

import { isLabel, LABELS, type Label, type TagView } from '@factcheck/core';
import {
  EXPORT_FORMATS,
  EXPORT_VIEWS,
  getExportFormat,
  isExportView,
  type ExportFilter,
  type ExportFormat,
} from '@factcheck/export';

/**
 * The query of an export request: `format`, `label` / `author` filters (repeated or
 * comma-separated) and `view` (`adjudicated`, the default, or `all`).
 */
export interface ExportQuery {
  readonly format?: string | string[];
  readonly label?: string | string[];
  readonly author?: string | string[];
  readonly view?: string | string[];
}

/** A parsed export request, or the 400 answer for a bad one. */
export type ParsedExportQuery =
  | {
      readonly ok: true;
      readonly format: ExportFormat;
      readonly filter: ExportFilter;
      readonly view: TagView;
    }
  | { readonly ok: false; readonly body: { readonly error: string; readonly [key: string]: unknown } };

function values(raw: string | string[] | undefined): string[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** Reads the format and filters of an export request. */
export function parseExportQuery(query: ExportQuery): ParsedExportQuery {
  const formats = values(query.format);
  const format = formats.length === 1 ? getExportFormat(formats[0]) : undefined;
  if (!format) {
    const error =
      formats.length === 0
        ? 'Missing export format: add ?format=<name>.'
        : formats.length > 1
          ? 'Give exactly one export format.'
          : `Unknown export format "${formats[0]}".`;
    return { ok: false, body: { error, formats: [...EXPORT_FORMATS] } };
  }
  const labelValues = values(query.label);
  const unknown = labelValues.find((label) => !isLabel(label));
  if (unknown !== undefined) {
    return { ok: false, body: { error: `Unknown label "${unknown}".`, labels: [...LABELS] } };
  }
  const labels = [...new Set(labelValues)] as Label[];
  const authors = [...new Set(values(query.author))];
  const views = [...new Set(values(query.view))];
  // A `view=` given but empty is as wrong as an unknown one: only an absent view means the default.
  if (query.view !== undefined && (views.length !== 1 || !isExportView(views[0]))) {
    const error =
      views.length > 1
        ? 'Give exactly one view.'
        : `Unknown view "${views[0] ?? ''}": use adjudicated or all.`;
    return { ok: false, body: { error, views: [...EXPORT_VIEWS] } };
  }
  return {
    ok: true,
    format,
    view: (views[0] as TagView | undefined) ?? 'adjudicated',
    filter: {
      ...(labels.length > 0 ? { labels } : {}),
      ...(authors.length > 0 ? { authors } : {}),
    },
  };
}

import type { ExportModel } from '../export-model.js';
import type { ExportFormat } from '../format.js';

/**
 * The `txt` export: the article's plain text, blocks separated by one blank line. It is the
 * reference every published offset (W3C, brat, csv) counts code points in.
 */

/** The article's plain text, exactly as the export model projects it. */
export function renderTxt(model: ExportModel): string {
  return model.text;
}

/** The `txt` export format. */
export const txtFormat: ExportFormat = {
  name: 'txt',
  description: 'Plain text (the reference for all offsets)',
  contentType: 'text/plain; charset=utf-8',
  extension: 'txt',
  render: (model) => new TextEncoder().encode(renderTxt(model)),
};

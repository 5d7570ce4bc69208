import type { ExportModel } from './export-model.js';

/** The export formats, in the order menus list them. */
export const EXPORT_FORMATS = ['txt', 'html', 'md', 'docx', 'pdf', 'w3c', 'brat', 'csv'] as const;

/** One of the export format names. */
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** One export format: how to name, label and render a file of it. */
export interface ExportFormat {
  readonly name: ExportFormatName;
  /** What users read in menus. */
  readonly description: string;
  readonly contentType: string;
  /** File extension without the dot. */
  readonly extension: string;
  /** Renders the article; pure except `pdf`, which drives a headless browser. */
  render(model: ExportModel): Uint8Array | Promise<Uint8Array>;
}

/** Whether a string names an export format. */
export function isExportFormatName(value: unknown): value is ExportFormatName {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

import type { ExportModel } from './export-model.js';

/** The export formats, in the order menus list them. */
export const EXPORT_FORMATS = [
  'txt',
  'html',
  'md',
  'docx',
  'pdf',
  'w3c',
  'brat',
  'csv',
  'claimreview',
] as const;

/** One of the export format names. */
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** Who publishes the fact checks when nobody configured it (`FACTCHECK_ORGANISATION`). */
export const DEFAULT_ORGANISATION = 'Fact-check desk';

/** The environment variable the server and the CLI read the reviewing organisation from. */
export const ORGANISATION_ENV = 'FACTCHECK_ORGANISATION';

/** The reviewing organisation to publish under: the configured name, else the default. */
export function reviewingOrganisation(configured: string | undefined): string {
  return configured?.trim() || DEFAULT_ORGANISATION;
}

/** Settings of a deployment that some formats print (none of them changes which tags are exported). */
export interface ExportRenderOptions {
  /** The organisation that publishes the fact checks (`claimreview`); default `DEFAULT_ORGANISATION`. */
  readonly organisation?: string;
}

/** One export format: how to name, label and render a file of it. */
export interface ExportFormat {
  readonly name: ExportFormatName;
  /** What users read in menus. */
  readonly description: string;
  readonly contentType: string;
  /** File extension without the dot. */
  readonly extension: string;
  /** Renders the article; pure except `pdf`, which drives a headless browser. */
  render(model: ExportModel, options?: ExportRenderOptions): Uint8Array | Promise<Uint8Array>;
}

/** Whether a string names an export format. */
export function isExportFormatName(value: unknown): value is ExportFormatName {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

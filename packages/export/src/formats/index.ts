import { EXPORT_FORMATS, isExportFormatName, type ExportFormat, type ExportFormatName } from '../format.js';
import { bratFormat } from './brat-bundle.js';
import { claimReviewFormat } from './claimreview.js';
import { csvFormat } from './csv.js';
import { docxFormat } from './docx.js';
import { htmlFormat } from './html.js';
import { mdFormat } from './md.js';
import { pdfFormat } from './pdf.js';
import { txtFormat } from './txt.js';
import { w3cFormat } from './w3c.js';

/** Every export format by name. */
export const exportFormats: Readonly<Record<ExportFormatName, ExportFormat>> = {
  txt: txtFormat,
  html: htmlFormat,
  md: mdFormat,
  docx: docxFormat,
  pdf: pdfFormat,
  w3c: w3cFormat,
  brat: bratFormat,
  csv: csvFormat,
  claimreview: claimReviewFormat,
};

/** The export formats in menu order. */
export function listExportFormats(): ExportFormat[] {
  return EXPORT_FORMATS.map((name) => exportFormats[name]);
}

/** The export format of a name, or undefined when there is no such format. */
export function getExportFormat(name: string): ExportFormat | undefined {
  return isExportFormatName(name) ? exportFormats[name] : undefined;
}

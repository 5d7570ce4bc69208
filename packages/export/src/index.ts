/** @factcheck/export: annotated copies of an article in the formats newsrooms and tools read. */
export * from './export-model.js';
export * from './review-fields.js';
export * from './format.js';
export * from './file-name.js';
export * from './formats/index.js';
export { txtFormat, renderTxt } from './formats/txt.js';
export { htmlFormat, renderHtml, type HtmlRenderOptions } from './formats/html.js';
export { mdFormat, renderMarkdown, TAG_OPEN, TAG_CLOSE } from './formats/md.js';
export { docxFormat, renderDocx } from './formats/docx.js';
export {
  CHROMIUM_ARGS,
  PLAYWRIGHT_DISABLED_FEATURES,
  TOP_CHROME_WEBUI_FEATURES,
} from './formats/chromium-args.js';
export {
  closePdfRenderer,
  defaultChromiumPath,
  pdfFormat,
  PdfRendererUnavailableError,
  printHtmlToPdf,
  renderPdf,
  type PdfOptions,
} from './formats/pdf.js';
export { w3cFormat, renderW3c } from './formats/w3c.js';
export {
  BRAT_UNANCHORED_COLUMNS,
  bratFragments,
  renderBrat,
  renderBratUnanchored,
  type BratFragment,
} from './formats/brat.js';
export {
  BRAT_ANNOTATION_CONF,
  BRAT_VISUAL_CONF,
  bratBundleFiles,
  bratBundleNames,
  bratFormat,
  renderBratBundle,
  renderBratMetadata,
  type BratBundleNames,
} from './formats/brat-bundle.js';
export { csvFormat, renderCsv, CSV_COLUMNS } from './formats/csv.js';
export {
  claimReviewFormat,
  renderClaimReview,
  shortenClaim,
  CLAIM_REVIEWED_MAX,
  type SchemaAppearance,
  type SchemaClaim,
  type SchemaClaimReview,
  type SchemaPerson,
} from './formats/claimreview.js';
export * from './w3c-vocabulary.js';
export * from './selectors.js';
export * from './w3c-import.js';

/**
 * The export formats as the menus offer them, readable first. The names are those of
 * `@factcheck/export` (not imported here: its index brings the docx and pdf renderers along).
 */

/** One export format of the server, as the web app lists it. */
export interface WebExportFormat {
  readonly name: 'txt' | 'html' | 'md' | 'docx' | 'pdf' | 'w3c' | 'brat' | 'csv' | 'claimreview';
  /** What a user picks. */
  readonly title: string;
  /** One line on what it is for. */
  readonly detail: string;
}

/** Every format, in menu order. */
export const WEB_EXPORT_FORMATS: readonly WebExportFormat[] = [
  { name: 'html', title: 'Readable page (HTML)', detail: 'One page with every tag highlighted and noted' },
  { name: 'pdf', title: 'Printable PDF', detail: 'The readable page, ready to print or send' },
  { name: 'docx', title: 'Word with comments (DOCX)', detail: 'A comment on each tag, for the legal desk' },
  { name: 'md', title: 'Markdown', detail: 'Tagged spans marked inline, details as footnotes' },
  { name: 'txt', title: 'Plain text', detail: 'The article text alone, the reference for offsets' },
  { name: 'w3c', title: 'W3C Web Annotation (JSON-LD)', detail: 'For annotation tools; imports back here' },
  {
    name: 'brat',
    title: 'brat standoff (zip)',
    detail: 'The text and its .ann side by side, ready for brat',
  },
  { name: 'csv', title: 'CSV', detail: 'One row per tag, for spreadsheets' },
  { name: 'claimreview', title: 'ClaimReview (JSON-LD)', detail: 'Verdicts as schema.org fact checks' },
];

import { ImportError } from './import-error.js';
import type { ImportFormat } from './imported-article.js';

/** Which format a file is, from its content type or, failing that, its file name. */

/** The DOCX content type. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The content type to send each format as. */
export const IMPORT_CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  docx: DOCX_CONTENT_TYPE,
};

const FORMAT_OF_MEDIA_TYPE: Readonly<Record<string, ImportFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  [DOCX_CONTENT_TYPE]: 'docx',
};

const FORMAT_OF_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
};

/** Content types that say nothing about the format, so the file name decides. */
const UNTYPED = new Set(['', 'application/octet-stream']);

/** The file name extensions we import, for pickers and messages. */
export const IMPORT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm', '.docx'];

/** A Content-Type header split into its media type (lower case) and charset parameter. */
export interface ParsedContentType {
  readonly mediaType: string;
  readonly charset: string | null;
}

/** Parses a Content-Type header value such as `text/html; charset=windows-1252`. */
export function parseContentType(header: string | null | undefined): ParsedContentType {
  const [type = '', ...parameters] = (header ?? '').split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/iu.exec(parameter);
    if (match) charset = match[1].toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** The format a file name's extension names, or null. */
export function formatOfFileName(fileName: string | null | undefined): ImportFormat | null {
  const match = /\.([A-Za-z0-9]+)$/u.exec(fileName ?? '');
  return match ? (FORMAT_OF_EXTENSION[match[1].toLowerCase()] ?? null) : null;
}

/**
 * The format of a file: its media type decides; a missing or generic one
 * (`application/octet-stream`) leaves it to the file name. Throws `unsupported-type` otherwise.
 */
export function detectFormat(mediaType: string, fileName?: string | null): ImportFormat {
  const byType = FORMAT_OF_MEDIA_TYPE[mediaType];
  if (byType) return byType;
  const byName = UNTYPED.has(mediaType) ? formatOfFileName(fileName) : null;
  if (byName) return byName;
  const what = mediaType ? `"${mediaType}"` : 'a file without a content type';
  throw new ImportError(
    'unsupported-type',
    `Cannot import ${what}${fileName ? ` (${fileName})` : ''}: send plain text (text/plain), Markdown (text/markdown), HTML (text/html) or a Word file (${DOCX_CONTENT_TYPE}).`,
  );
}

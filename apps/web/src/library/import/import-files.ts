/**
 * Which files the library imports and as what: the server decides from the Content-Type, and
 * browsers leave `File.type` empty for `.md` (and sometimes others), so the name's extension
 * names it here. Mirrors `@factcheck/import`'s file types, which is not imported: it brings the
 * HTML, Markdown and Word readers along.
 */

/** Largest file the server imports (it checks too; this only spares a useless upload). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const CONTENT_TYPE_OF_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The `accept` list of the file picker. */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html';

/** What the picker and the drop zone take, for people. */
export const IMPORT_FILE_KINDS = '.txt, .md, .html, .htm or .docx';

/** The content type to send a file as, or null when the desk does not import that kind of file. */
export function contentTypeOfFile(name: string): string | null {
  const match = /\.([A-Za-z0-9]+)$/u.exec(name);
  return match ? (CONTENT_TYPE_OF_EXTENSION[match[1].toLowerCase()] ?? null) : null;
}

/** A byte count for people: `4.2 MB`, `812 KB`. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Escaping for the text exports: everything a reviewer typed (names, quotes), the article's own
 * text and metadata land in HTML or Markdown as text, never as markup, and only http(s) and mailto
 * links are ever made clickable.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // The HTML parser turns a literal CR into LF; a reference keeps the text (and textContent) exact.
  '\r': '&#13;',
};

/** Escapes text for an HTML text node or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/gu, (character) => HTML_ESCAPES[character]);
}

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** The href as given when it is an absolute http(s) or mailto URL, otherwise undefined. */
export function safeLinkHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return LINK_PROTOCOLS.has(new URL(href).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * ASCII punctuation that Markdown (CommonMark plus GitHub's tables, strikethrough, footnotes and
 * math) may read as markup anywhere in a line; each becomes a backslash escape or an entity.
 */
const MARKDOWN_INLINE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '(': '\\(',
  ')': '\\)',
  '#': '\\#',
  '|': '\\|',
  '~': '\\~',
  $: '\\$',
  // Entities rather than backslashes, so not even the source holds a raw `<tag`.
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * What GitHub turns into a link by itself (`https://…`, `www.…`, `name@host`): escaping the `:`,
 * the `.` or the `@` keeps it text (its other escaped characters would break such a link anyway).
 */
function escapeAutolinkLiterals(text: string): string {
  return text
    .replace(/\b(https?|ftp|mailto|xmpp):/giu, '$1\\:')
    .replace(/\b(www)\./giu, '$1\\.')
    .replaceAll('@', '\\@');
}

/** Matches what starts a block when it opens a line: a list marker, a quote, a heading underline. */
const LINE_START_MARKUP = /^([ \t]*)(?:([-+=])|(\d{1,9})([.)]))/u;

/**
 * Escapes text so Markdown shows it as written. `atLineStart` also neutralises what only means
 * something at the start of a line (`- `, `+ `, `1. `, `===`, leading indentation).
 */
export function escapeMarkdown(text: string, atLineStart = false): string {
  const escaped = escapeAutolinkLiterals(
    text.replace(/[\\`*_[\]()#|~$&<>]/gu, (character) => MARKDOWN_INLINE_ESCAPES[character]),
  );
  return atLineStart ? escapeMarkdownLineStart(escaped) : escaped;
}

function escapeMarkdownLineStart(line: string): string {
  const match = LINE_START_MARKUP.exec(line);
  // Leading spaces would indent the line into a code block: entities keep them as text.
  const indent = (match ? match[1] : /^[ \t]*/u.exec(line)![0]).replace(/[ \t]/gu, (space) =>
    space === ' ' ? '&#32;' : '&#9;',
  );
  if (!match) return indent + line.replace(/^[ \t]*/u, '');
  const rest = line.slice(match[0].length);
  if (match[2]) return `${indent}\\${match[2]}${rest}`;
  return `${indent}${match[3]}\\${match[4]}${rest}`;
}

/** The URL as given when it is an absolute http(s) URL, otherwise undefined: evidence links only. */
export function safeHttpHref(url: string | undefined): string | undefined {
  const href = safeLinkHref(url);
  return href && new URL(href).protocol !== 'mailto:' ? href : undefined;
}

import * as Y from 'yjs';
import { getContent, getMeta, NODE_NAMES } from './document-layout.js';
import { IMPORT_ORIGIN } from './origins.js';

/**
 * Reading a plain-text news article: a paragraph per line, typography kept exactly, and a title
 * either from a headline line or derived from the opening words.
 */

/** A plain-text article split into its title and body paragraphs. */
export interface ParsedArticle {
  readonly title: string;
  /** True when the title was derived from the body rather than given as a headline. */
  readonly titleDerived: boolean;
  readonly paragraphs: readonly string[];
}

/** Longest line that can be a headline rather than the first paragraph. */
const HEADLINE_MAX_LENGTH = 140;
/** Length a derived title is cut to (at a word boundary). */
const DERIVED_TITLE_LENGTH = 60;

function looksLikeHeadline(line: string): boolean {
  return line.length <= HEADLINE_MAX_LENGTH && !/[.!?…:;,]["”’)\]]?$/u.test(line.trim());
}

/** A short title cut at a word boundary from the opening of a paragraph. */
export function deriveTitle(paragraph: string, maxLength = DERIVED_TITLE_LENGTH): string {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf(' ');
  const head = (boundary > maxLength / 2 ? cut.slice(0, boundary) : text.slice(0, maxLength)).replace(
    /[\s,;:–—-]+$/u,
    '',
  );
  return `${head}…`;
}

/** Splits raw article text into title and paragraphs. Throws on an article with no text. */
export function parsePlainTextArticle(raw: string): ParsedArticle {
  const lines = raw
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .filter((line) => line.trim().length > 0);
  if (lines.length === 0) throw new Error('The article has no text.');

  const [first, ...rest] = lines;
  if (rest.length > 0 && looksLikeHeadline(first)) {
    const body = rest[0].trim() === first.trim() ? rest.slice(1) : rest;
    if (body.length > 0) return { title: first.trim(), titleDerived: false, paragraphs: body };
  }
  return { title: deriveTitle(first), titleDerived: true, paragraphs: lines };
}

/** Fills an empty document with a parsed article: paragraphs into `content`, title into `meta`. */
export function writeArticle(
  doc: Y.Doc,
  article: ParsedArticle,
  extraMeta: Record<string, string> = {},
): void {
  doc.transact(() => {
    const content = getContent(doc);
    if (content.length > 0) throw new Error('The document already has content.');
    content.insert(
      0,
      article.paragraphs.map((text) => {
        const paragraph = new Y.XmlElement(NODE_NAMES.paragraph);
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
    const meta = getMeta(doc);
    meta.set('title', article.title);
    meta.set('titleDerived', article.titleDerived);
    for (const [key, value] of Object.entries(extraMeta)) meta.set(key, value);
  }, IMPORT_ORIGIN);
}

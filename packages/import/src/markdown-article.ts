import MarkdownIt from 'markdown-it';
import { splitFrontMatter } from './front-matter.js';
import { htmlToBlocks } from './html-blocks.js';
import type { ImportedBlock, ImportedMeta } from './imported-article.js';
import { sanitizeArticleHtml } from './sanitize-article-html.js';

/**
 * A Markdown file to an article: front matter into metadata, the body rendered by markdown-it
 * (CommonMark; no typographic replacements, so quotes stay as written), then the same sanitizer
 * and block reader as HTML, so raw HTML inside Markdown gets no further than a page's would.
 */

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** A Markdown file (already decoded) as blocks and metadata. */
export function readMarkdownArticle(text: string): { blocks: ImportedBlock[]; meta: ImportedMeta } {
  const { body, meta } = splitFrontMatter(text);
  const html = markdown.render(body);
  return { blocks: htmlToBlocks(sanitizeArticleHtml(html), meta.sourceUrl || null), meta };
}

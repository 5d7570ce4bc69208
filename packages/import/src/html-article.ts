import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parse as parseHtml5, serialize as serializeHtml5 } from 'parse5';
import { htmlToBlocks } from './html-blocks.js';
import { readHtmlMetadata, withoutOutletSuffix } from './html-metadata.js';
import type { ImportedBlock, ImportedMeta } from './imported-article.js';
import { cleanDate, cleanLanguage, cleanTitle, cleanUrl, cleanValue, joinAuthors } from './meta-values.js';
import { sanitizeArticleHtml } from './sanitize-article-html.js';

/**
 * A saved web page to an article: its metadata, then the article itself found by Readability
 * (Firefox's reader view) among the navigation, ads and banners around it, then sanitized.
 */

/**
 * Page furniture removed before Readability looks: it keeps some of these (a cookie notice next
 * to a short article) when it scores the page, and none of them is ever article text.
 */
const PAGE_FURNITURE = [
  'nav',
  'aside',
  'footer',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-modal="true"]',
  '[hidden]',
  '[id*="cookie" i]',
  '[class*="cookie" i]',
  '[id*="consent" i]',
  '[class*="consent" i]',
].join(', ');

/** The HTML of the article inside a page: Readability's pick, or the whole body when it finds none. */
function extractArticleHtml(document: Document): {
  html: string;
  readability: ReturnType<Readability['parse']>;
} {
  for (const element of [...document.querySelectorAll(PAGE_FURNITURE)]) element.remove();
  const body = document.body?.innerHTML ?? document.documentElement?.innerHTML ?? '';
  let readability: ReturnType<Readability['parse']> = null;
  try {
    readability = new Readability(document, { keepClasses: false }).parse();
  } catch {
    // A page Readability cannot walk is imported whole (still sanitized).
  }
  const picked = readability?.content && readability.textContent?.trim() ? readability.content : null;
  return { html: picked ?? body, readability };
}

/**
 * The page as a DOM. parse5 builds the tree as browsers do (implied `<html>`, `<head>`, `<body>`,
 * misnested tags), which linkedom alone does not; linkedom then gives Readability its DOM.
 */
function pageDocument(html: string): Document {
  return parseHTML(serializeHtml5(parseHtml5(html))).document;
}

/** An HTML page (already decoded) as blocks and metadata. */
export function readHtmlArticle(html: string): { blocks: ImportedBlock[]; meta: ImportedMeta } {
  const document = pageDocument(html);
  const own = readHtmlMetadata(document);
  const base = document.querySelector('base[href]')?.getAttribute('href');
  const baseUrl = own.sourceUrl || cleanUrl(base) || null;
  const { html: articleHtml, readability } = extractArticleHtml(document);
  const outlet = own.outlet || cleanValue(readability?.siteName);
  const meta: ImportedMeta = {
    title:
      own.title ||
      cleanTitle(withoutOutletSuffix(cleanTitle(readability?.title), outlet)) ||
      withoutOutletSuffix(own.documentTitle, outlet),
    sourceUrl: own.sourceUrl,
    outlet,
    authors: own.authors || joinAuthors([readability?.byline]),
    publishedAt: own.publishedAt || cleanDate(readability?.publishedTime),
    language: own.language || cleanLanguage(readability?.lang),
    description: own.description,
  };
  return { blocks: htmlToBlocks(sanitizeArticleHtml(articleHtml), baseUrl), meta };
}

import mammoth from 'mammoth';
import { readDocxProperties } from './docx-properties.js';
import { htmlToBlocks } from './html-blocks.js';
import { ImportError } from './import-error.js';
import type { ImportedBlock, ImportedMeta } from './imported-article.js';
import { sanitizeArticleHtml } from './sanitize-article-html.js';

/**
 * A Word file to an article: mammoth turns the body into semantic HTML (headings, lists, emphasis,
 * links; quotation styles into block quotes), which goes through the same sanitizer and block
 * reader as a web page; the core properties give the metadata.
 */

/** Paragraph styles Word and LibreOffice use for titles and quotations, beyond mammoth's defaults. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

/** A Word file as blocks and metadata; throws `unreadable` when mammoth cannot read it. */
export async function readDocxArticle(
  bytes: Uint8Array,
): Promise<{ blocks: ImportedBlock[]; meta: ImportedMeta }> {
  const meta = readDocxProperties(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Images are never imported: skip encoding them as data URIs only to drop them.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError('unreadable', `The Word file could not be read: ${(error as Error).message}`);
  }
  return { blocks: htmlToBlocks(sanitizeArticleHtml(html)), meta };
}

import { deriveTitle } from '@factcheck/core';
import { articlePlainText, textBlocksOf, textOfBlock } from './article-text.js';
import { decodeText } from './decode-text.js';
import { readDocxArticle } from './docx-article.js';
import { detectFormat, parseContentType } from './file-types.js';
import { readHtmlArticle } from './html-article.js';
import { ImportError } from './import-error.js';
import { checkFileSize, checkWordCount, countWords } from './import-limits.js';
import type { ImportedArticle, ImportedBlock, ImportedMeta, ImportFormat } from './imported-article.js';
import { readMarkdownArticle } from './markdown-article.js';
import { cleanTitle, cleanUrl, stripControlCharacters } from './meta-values.js';
import { readTextArticle } from './text-article.js';

/** One file to import, as it arrives (HTTP body, picked file, file on disk). */
export interface ImportInput {
  readonly bytes: Uint8Array;
  /** The Content-Type header value (a `charset` parameter counts); empty means "ask the file name". */
  readonly contentType?: string | null;
  readonly fileName?: string | null;
  /** A title that wins over what the file says. */
  readonly title?: string | null;
  /** The article's source URL, winning over what the file says (http or https). */
  readonly sourceUrl?: string | null;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** Text of a text file, decoded exactly and refused when it is binary. */
function readTextFile(bytes: Uint8Array, charset: string | null, format: ImportFormat): string {
  if (looksLikeZip(bytes)) {
    throw new ImportError(
      'unreadable',
      'The file is a zip archive (a Word file?), not text: import a .docx file as a Word document.',
    );
  }
  const text = decodeText(bytes, charset, format === 'html');
  if (text.includes('\u0000')) {
    throw new ImportError('unreadable', 'The file holds binary data, not text.');
  }
  return stripControlCharacters(text);
}

interface ReadBody {
  readonly blocks: readonly ImportedBlock[];
  readonly meta: ImportedMeta;
  /** The plain-text reader's title rules (headline line or derived), when they apply. */
  readonly textTitle?: { readonly title: string; readonly titleDerived: boolean };
}

async function readBody(input: ImportInput, format: ImportFormat, charset: string | null): Promise<ReadBody> {
  if (format === 'docx') return readDocxArticle(input.bytes);
  const text = readTextFile(input.bytes, charset, format);
  if (format === 'html') return readHtmlArticle(text);
  if (format === 'markdown') return readMarkdownArticle(text);
  const { blocks, title, titleDerived } = readTextArticle(text, cleanTitle(input.title ?? '') !== '');
  return { blocks, meta: {}, textTitle: { title, titleDerived } };
}

/** The title: the caller's, the file's, its first heading, else cut from the opening words. */
function chooseTitle(
  override: string,
  body: ReadBody,
  blocks: readonly ImportedBlock[],
): { title: string; titleDerived: boolean } {
  if (override) return { title: override, titleDerived: false };
  if (body.meta.title) return { title: body.meta.title, titleDerived: false };
  if (body.textTitle) return body.textTitle;
  const textBlocks = [...textBlocksOf(blocks)];
  const heading = textBlocks.find((block) => block.type === 'heading');
  const headingTitle = heading ? cleanTitle(textOfBlock(heading)) : '';
  if (headingTitle) return { title: headingTitle, titleDerived: false };
  return { title: deriveTitle(textOfBlock(textBlocks[0])), titleDerived: true };
}

function withoutEmptyFields(meta: ImportedMeta): ImportedMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value)) as ImportedMeta;
}

/**
 * Reads one file into an article: checks the size, finds the format (content type, else file
 * name), decodes text exactly, extracts blocks and metadata, and checks the length. Throws an
 * `ImportError` with a message for people on any bad input; it writes nothing anywhere.
 */
export async function importArticle(input: ImportInput): Promise<ImportedArticle> {
  const override = { title: cleanTitle(input.title ?? ''), sourceUrl: cleanUrl(input.sourceUrl ?? '') };
  if ((input.sourceUrl ?? '').trim() && !override.sourceUrl) {
    throw new ImportError('invalid-source', `The source must be an http(s) URL, got "${input.sourceUrl}".`);
  }
  checkFileSize(input.bytes);
  const { mediaType, charset } = parseContentType(input.contentType);
  const format = detectFormat(mediaType, input.fileName);
  const body = await readBody(input, format, charset);
  const blocks = body.blocks;
  const text = articlePlainText(blocks);
  if (text.trim() === '') {
    throw new ImportError(
      'empty',
      format === 'html' ? 'No article text was found in the page.' : 'The file has no article text.',
    );
  }
  const wordCount = countWords(text);
  checkWordCount(wordCount);
  const { title, titleDerived } = chooseTitle(override.title, body, blocks);
  const { title: _fileTitle, ...fileMeta } = body.meta;
  const meta = withoutEmptyFields({
    ...fileMeta,
    ...(override.sourceUrl ? { sourceUrl: override.sourceUrl } : {}),
  });
  return { format, title, titleDerived, meta, blocks, wordCount };
}

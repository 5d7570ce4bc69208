import { parsePlainTextArticle } from '@factcheck/core';
import type { ImportedBlock } from './imported-article.js';

/**
 * A plain-text file to an article, as the built-in corpus has always been read (core's
 * `parsePlainTextArticle`): a paragraph per non-blank line, the first line the title when it
 * reads as a headline, else a title derived from the opening words. When the caller names the
 * title, every line is body text: a headline-like first line is not swallowed.
 */
export function readTextArticle(
  text: string,
  titleGiven = false,
): { blocks: ImportedBlock[]; title: string; titleDerived: boolean } {
  if (text.trim() === '') return { blocks: [], title: '', titleDerived: true };
  const parsed = parsePlainTextArticle(text);
  const paragraphs = titleGiven
    ? text.split(/\r\n|\r|\n/u).filter((line) => line.trim() !== '')
    : parsed.paragraphs;
  return {
    blocks: paragraphs.map((line) => ({ type: 'paragraph', content: [{ text: line, marks: {} }] })),
    title: parsed.title,
    titleDerived: parsed.titleDerived,
  };
}

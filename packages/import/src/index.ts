/** @factcheck/import: articles in from text, Markdown, HTML and DOCX files. */
export * from './imported-article.js';
export * from './import-error.js';
export * from './import-limits.js';
export * from './file-types.js';
export { decodeText, sniffHtmlCharset } from './decode-text.js';
export { importArticle, type ImportInput } from './import-article.js';
export { importArticleInWorker, stopImportWorker } from './import-in-worker.js';
export { articlePlainText } from './article-text.js';
export { writeImportedArticle, blockElement } from './write-imported-article.js';

/** @factcheck/core: the domain of the fact-check editor, free of DOM and network code. */
export * from './labels.js';
export * from './origins.js';
export * from './document-layout.js';
export * from './annotation.js';
export * from './text-projection.js';
export * from './quote-search.js';
export * from './anchoring.js';
export * from './quote-refresh.js';
export * from './segments.js';
export * from './code-points.js';
export * from './plain-text-article.js';
export * from './article-summary.js';
export * from './review/agreement.js';
export * from './review/passages.js';
export * from './review/text-agreement.js';

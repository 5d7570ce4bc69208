/** @factcheck/export: annotated copies of an article in the formats newsrooms and tools read. */
export * from './export-model.js';
export * from './format.js';

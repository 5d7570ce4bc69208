/** @factcheck/editor: the ProseMirror side of the article editor, free of React. */
export * from './schema.js';
export * from './text-positions.js';
export * from './annotations/placed-tags.js';
export * from './annotations/tag-filter.js';
export * from './annotations/tag-decorations.js';
export * from './annotations/annotation-plugin.js';
export { QUOTE_REFRESH_TIMING, type PauseTiming } from './annotations/pause-scheduler.js';
export * from './tagging-commands.js';
export * from './formatting-commands.js';
export * from './review-mode.js';
export * from './presence.js';
export * from './undo.js';
export * from './keymaps.js';
export * from './article-editor-state.js';
export { undo, redo } from 'y-prosemirror';
export * from './article-copy.js';

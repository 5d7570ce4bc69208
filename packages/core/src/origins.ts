/**
 * Transaction origins. Every change we make runs in `doc.transact(fn, origin)` with one of these,
 * so observers can tell a reviewer's tagging from an import, a migration or the server.
 */

/** A reviewer tagging, relabelling or removing a tag in this client (tracked by undo). */
export const TAGGING_ORIGIN = 'factcheck:tagging';
/** The client refreshing a tag's quote after its own edit of the tagged text. */
export const QUOTE_REFRESH_ORIGIN = 'factcheck:quote-refresh';
/** Importing an article into a fresh document. */
export const IMPORT_ORIGIN = 'factcheck:import';
/** A reviewer editing article metadata such as the title (tracked by undo). */
export const META_ORIGIN = 'factcheck:meta';
/** Loading stored updates into a document on the server. */
export const STORAGE_ORIGIN = 'factcheck:storage';
/** Upgrading stored records to the current layout (run by the server when it loads a document). */
export const MIGRATION_ORIGIN = 'factcheck:migration';
/** The server starting or revealing a blind review (forking and merging reviewers' tags). */
export const BLIND_REVIEW_ORIGIN = 'factcheck:blind-review';

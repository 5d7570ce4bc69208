import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { drawSharedArticle } from '@factcheck/editor/article-copy';

/**
 * The article's reading copy: the article drawn as the editor draws it with every tag shown, kept
 * in storage so a browser that has never opened the article can show it while its editor is built
 * (see `docs/architecture.md`, "Reading copies"). It is drawn beside the library summary, on the
 * summary worker, and marked with the document state it shows.
 */

/** Ask for a reading copy unless the document is still in the state `unlessMark` names. */
export interface CopyRequest {
  readonly unlessMark: string | null;
}

/** A reading copy as drawn: the state it shows, and its nodes as JSON text (null: the state is `unlessMark`). */
export interface DrawnCopy {
  readonly mark: string;
  readonly nodes: string | null;
}

/**
 * Names the document's state: a digest of its state vector and delete set (a deletion adds no
 * clock, so the state vector alone would miss it). Equal for equal states, however they were built.
 */
export function copyMarkOf(doc: Y.Doc): string {
  return createHash('sha256')
    .update(Y.encodeSnapshot(Y.snapshot(doc)))
    .digest('base64url');
}

/** Draws the document's reading copy, unless it is still in the state the request names. */
export function drawReadingCopy(doc: Y.Doc, request: CopyRequest): DrawnCopy {
  const mark = copyMarkOf(doc);
  if (mark === request.unlessMark) return { mark, nodes: null };
  return { mark, nodes: JSON.stringify(drawSharedArticle(doc)) };
}

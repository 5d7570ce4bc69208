import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { StoredReadingCopy } from '../storage/document-store.js';

/**
 * The article's reading copy: the article drawn as the editor draws it with every tag shown, kept
 * in storage so a browser that has never opened the article can show it while its editor is built
 * (see `docs/architecture.md`, "Reading copy"). It is drawn beside the library summary, on the
 * summary worker, and marked with the document state it shows. The drawing code (ProseMirror and
 * the editor's drawing) is loaded on first use, so a worker or server that draws nothing never
 * spends the ~0.3 s it takes to load.
 */

type Drawing = typeof import('@factcheck/editor/article-copy');

let drawing: Drawing | null = null;
let loading: Promise<void> | null = null;

/** Loads the drawing code once; `drawReadingCopy` needs it. */
export function prepareDrawing(): Promise<void> {
  loading ??= import('@factcheck/editor/article-copy').then((module) => {
    drawing = module;
  });
  return loading;
}

/** Ask for a reading copy unless the document is still in the state `unlessMark` names. */
export interface CopyRequest {
  readonly unlessMark: string | null;
}

/**
 * A reading copy as drawn: the state it shows, and its nodes as JSON text (null: the state is
 * `unlessMark`, or drawing failed and `failed` says why).
 */
export interface DrawnCopy {
  readonly mark: string;
  readonly nodes: string | null;
  readonly failed?: string;
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

/**
 * Draws the document's reading copy, unless it is still in the state the request names (after
 * `prepareDrawing`). A failure is answered, not thrown: the summary asked for with it must not fail
 * with it.
 */
export function drawReadingCopy(doc: Y.Doc, request: CopyRequest): DrawnCopy {
  const mark = copyMarkOf(doc);
  if (mark === request.unlessMark) return { mark, nodes: null };
  try {
    if (!drawing) throw new Error('the drawing code is not loaded (prepareDrawing)');
    return { mark, nodes: JSON.stringify(drawing.drawSharedArticle(doc)) };
  } catch (error) {
    return { mark, nodes: null, failed: error instanceof Error ? error.message : String(error) };
  }
}

/** The reading copy of a document being stored for the first time (created, seeded, restored); null if drawing failed. */
export async function firstReadingCopy(doc: Y.Doc): Promise<StoredReadingCopy | null> {
  await prepareDrawing();
  const { mark, nodes } = drawReadingCopy(doc, { unlessMark: null });
  return nodes === null ? null : { mark, nodes };
}

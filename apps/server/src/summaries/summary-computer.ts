import type * as Y from 'yjs';
import { summarizeArticle } from '@factcheck/core';
import { drawReadingCopy, prepareDrawing, type CopyRequest, type DrawnCopy } from './reading-copy.js';

/** A library summary as computed: its JSON text, the reading copy if asked for, and how long computing took. */
export interface ComputedSummary {
  /** The `ArticleSummary` as JSON text (what the store keeps). */
  readonly serialized: string;
  /** The reading copy, when the request asked for one (see `reading-copy.ts`). */
  readonly copy: DrawnCopy | null;
  /** Milliseconds spent computing and serializing both (on whichever thread did). */
  readonly computeMs: number;
}

/** Summaries of one followed document. */
export interface SummarySource {
  /**
   * The document's summary, holding every change made before the call, with its reading copy
   * when `copy` is given.
   */
  summarize(copy?: CopyRequest | null): Promise<ComputedSummary>;
  /** Stops following the document; later `summarize` calls reject. */
  stop(): void;
}

/** Computes library summaries of the loaded documents. */
export interface SummaryComputer {
  /**
   * Follows a document from now on. `state`, when the caller has it, is the document's whole
   * current state encoded as an update (saves encoding it again).
   */
  follow(doc: Y.Doc, state?: Uint8Array): SummarySource;
  /** Stops the computer; followed documents' summaries reject afterwards. */
  close(): Promise<void>;
}

/** The summary of a document (and its reading copy when asked for) computed on the calling thread. */
export async function computeSummaryHere(
  doc: Y.Doc,
  copyRequest: CopyRequest | null = null,
): Promise<ComputedSummary> {
  // Loading the drawing code once is not drawing: it is not counted. A failure shows in the copy.
  if (copyRequest) await prepareDrawing().catch(() => undefined);
  const started = performance.now();
  const serialized = JSON.stringify(summarizeArticle(doc));
  const copy = copyRequest ? drawReadingCopy(doc, copyRequest) : null;
  return { serialized, copy, computeMs: performance.now() - started };
}

/**
 * Summaries computed on the main thread, blocking it meanwhile: for embedding the server where
 * no worker thread may start, and the reference the worker's summaries are tested against.
 */
export class InlineSummaryComputer implements SummaryComputer {
  follow(doc: Y.Doc): SummarySource {
    let stopped = false;
    return {
      summarize: async (copy) => {
        if (stopped) throw new Error('the summary source was stopped');
        return computeSummaryHere(doc, copy ?? null);
      },
      stop: () => {
        stopped = true;
      },
    };
  }

  async close(): Promise<void> {}
}

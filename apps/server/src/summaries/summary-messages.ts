import type { CopyRequest, DrawnCopy } from './reading-copy.js';

/**
 * Messages between the server's main thread and its summary worker. Documents are named by a key
 * the main thread hands out per followed document (a reloaded article gets a new key).
 */

/** What the main thread asks of the summary worker. */
export type SummaryWorkerRequest =
  /** Start a replica of a document from its whole state (an empty update for an empty document). */
  | { readonly kind: 'open'; readonly key: number; readonly state: Uint8Array }
  /** Changes made to the document since, in order. */
  | { readonly kind: 'updates'; readonly key: number; readonly updates: readonly Uint8Array[] }
  /**
   * Apply these last changes, compute the replica's summary (and its reading copy, when `copy` is
   * given) and answer them under `request`.
   */
  | {
      readonly kind: 'summarize';
      readonly key: number;
      readonly request: number;
      readonly updates: readonly Uint8Array[];
      readonly copy: CopyRequest | null;
    }
  /** Forget the replica. */
  | { readonly kind: 'close'; readonly key: number };

/** What the summary worker answers to a `summarize` request. */
export type SummaryWorkerReply =
  /** The summary as JSON text, the reading copy if asked for, and how long computing both took. */
  | {
      readonly request: number;
      readonly serialized: string;
      readonly copy: DrawnCopy | null;
      readonly computeMs: number;
    }
  /** Why it could not be computed. */
  | { readonly request: number; readonly failed: string };

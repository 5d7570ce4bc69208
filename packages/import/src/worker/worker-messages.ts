import type { ImportInput } from '../import-article.js';
import type { ImportFailure } from '../import-error.js';
import type { ImportedArticle } from '../imported-article.js';

/** A file sent to the import worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly input: ImportInput;
}

/** The worker's answer: the article, a refusal (an ImportError), or an unexpected error. */
export type WorkerReply =
  | { readonly id: number; readonly article: ImportedArticle }
  | { readonly id: number; readonly refused: { readonly failure: ImportFailure; readonly message: string } }
  | { readonly id: number; readonly crashed: string };

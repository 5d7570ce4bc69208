import { apiFetch } from '../../session/session-token.js';

/**
 * How long a first open waits for the server's reading copy before it builds the editor without
 * one: the document is loaded only once the copy is settled, and the big test article's editor is
 * ready about 1.8 s after the page starts, so a later copy would not be worth showing.
 */
const SERVER_COPY_WAIT_MS = 1_000;

/** The server's reading copy, asked for early and read only if wanted. */
export interface ServerReadingCopyRequest {
  /** The copy's nodes, or null when there is none (blind review, not drawn yet), it failed or came too late. */
  take(): Promise<unknown[] | null>;
  /** Drops the request: a kept copy was found, so the server's is never read. */
  cancel(): void;
}

/**
 * Asks the server for its reading copy of an article (see `reading-copy-tree.ts`): the article
 * drawn as the editor draws it with every tag shown. The answer downloads meanwhile, but is parsed
 * only when taken, so a reopen that finds its kept copy spends nothing on it.
 */
export function requestServerReadingCopy(articleId: string): ServerReadingCopyRequest {
  const cancelled = new AbortController();
  const signal = AbortSignal.any([cancelled.signal, AbortSignal.timeout(SERVER_COPY_WAIT_MS)]);
  const response = apiFetch(`/api/articles/${encodeURIComponent(articleId)}/reading-copy`, { signal }).catch(
    () => null,
  );
  return {
    async take() {
      try {
        const answer = await response;
        if (!answer?.ok) return null;
        const body = (await answer.json()) as { nodes?: unknown };
        return Array.isArray(body.nodes) ? body.nodes : null;
      } catch {
        return null;
      }
    },
    cancel: () => cancelled.abort(),
  };
}

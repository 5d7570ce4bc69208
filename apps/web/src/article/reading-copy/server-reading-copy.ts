import { apiFetch } from '../../session/session-token.js';

/**
 * How long a first open waits for the server's reading copy before it builds the editor without
 * one: the document is loaded only once the copy is settled, and the big test article's editor is
 * ready about 1.8 s after the page starts, so a later copy would not be worth showing.
 */
const SERVER_COPY_WAIT_MS = 1_000;

/**
 * The server's reading copy of an article (see `reading-copy-tree.ts`): the article drawn as the
 * editor draws it with every tag shown. Null when there is none (blind review, not drawn yet), the
 * server cannot be reached, it is slower than `SERVER_COPY_WAIT_MS` or `signal` aborts.
 */
export async function fetchServerReadingCopy(
  articleId: string,
  signal: AbortSignal,
): Promise<unknown[] | null> {
  const timeout = AbortSignal.timeout(SERVER_COPY_WAIT_MS);
  try {
    const response = await apiFetch(`/api/articles/${encodeURIComponent(articleId)}/reading-copy`, {
      signal: AbortSignal.any([signal, timeout]),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { nodes?: unknown };
    return Array.isArray(body.nodes) ? body.nodes : null;
  } catch {
    return null;
  }
}

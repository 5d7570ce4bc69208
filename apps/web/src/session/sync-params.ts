import { sessionToken } from './session-token.js';

/**
 * URL parameters of the sync connection: the tab's token in protected mode; in open mode the
 * reviewer id, which the server needs to serve a blind review copy.
 */
export function syncParams(reviewerId: string | null): Record<string, string> {
  const token = sessionToken();
  if (token) return { token };
  return reviewerId ? { reviewer: reviewerId } : {};
}

/** Close code: the copy in this tab comes from a finished blind review and must be replaced. */
export const STALE_COPY_CLOSE_CODE = 4410;

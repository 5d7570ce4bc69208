import { useEffect, useState } from 'react';
import { apiFetch } from './session-token.js';

/** What the server says about this tab: open or protected mode, and whether the token is accepted. */
export type ServerSession =
  | { readonly state: 'loading' }
  | { readonly state: 'open' }
  | { readonly state: 'signed-in' }
  | { readonly state: 'refused'; readonly reason: string };

/** Asks `GET /api/session` once; a server without that route (or unreachable) counts as open. */
export function useServerSession(): ServerSession {
  const [session, setSession] = useState<ServerSession>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    apiFetch('/api/session', { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as { protected?: boolean; error?: string };
        if (response.status === 401)
          setSession({ state: 'refused', reason: body.error ?? 'A token is required.' });
        else setSession({ state: body.protected ? 'signed-in' : 'open' });
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setSession({ state: 'open' });
      });
    return () => controller.abort();
  }, []);
  return session;
}

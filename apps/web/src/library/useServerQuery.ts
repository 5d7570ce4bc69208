import { useCallback, useEffect, useRef, useState } from 'react';

/** A server answer as it loads: the last good answer is kept while the next one loads. */
export interface ServerQueryState<T> {
  readonly data: T | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** Asks again now (after a change made here, such as archiving). */
  readonly reload: () => void;
}

/** Wait after the last change before asking, so typing sends one request, not one per key. */
const TYPING_DELAY_MS = 150;

/**
 * Asks the server whenever `key` changes (after a short pause; at once the first time), aborting
 * the question it replaces, and again when the page becomes visible so counts stay fresh.
 * The latest `load` is used; `key` alone decides when to ask.
 */
export function useServerQuery<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): ServerQueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const first = useRef(true);

  useEffect(() => {
    if (key === null) {
      setData(null);
      setLoading(false);
      setError(null);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    const run = () =>
      loadRef
        .current(controller.signal)
        .then((answer) => {
          setData(answer);
          setError(null);
        })
        .catch((reason: unknown) => {
          if (controller.signal.aborted) return;
          setError(reason instanceof Error ? reason.message : String(reason));
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    const delay = first.current ? 0 : TYPING_DELAY_MS;
    first.current = false;
    const timer = window.setTimeout(() => void run(), delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [reload]);

  return { data, loading, error, reload };
}

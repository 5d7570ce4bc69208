import { useCallback, useEffect, useState } from 'react';
import { libraryParamsSearch, parseLibraryParams, type LibraryParams } from './library-params.js';

/** A change to the library's state. */
export type LibraryParamsUpdate = (previous: LibraryParams) => LibraryParams;

/**
 * The library's search and filters, read from the address and written back to it (replacing the
 * history entry, so typing does not fill the back button) on every change.
 */
export function useLibraryParams(): readonly [LibraryParams, (update: LibraryParamsUpdate) => void] {
  const [params, setParams] = useState(() => parseLibraryParams(window.location.search));

  useEffect(() => {
    const search = libraryParamsSearch(params);
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      window.history.replaceState(window.history.state, '', url);
    }
  }, [params]);

  useEffect(() => {
    const onPopState = () => setParams(parseLibraryParams(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback((change: LibraryParamsUpdate) => setParams(change), []);
  return [params, update] as const;
}

import { useEffect } from 'react';

/** Sets the browser tab title to `<page> · Fact-check desk` (just the product name without a page). */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} · Fact-check desk` : 'Fact-check desk';
  }, [page]);
}

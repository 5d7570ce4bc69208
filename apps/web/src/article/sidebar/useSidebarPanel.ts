import { useCallback, useMemo, useState } from 'react';

/** The sidebar's tabs. */
export type SidebarTab = 'tags' | 'review';

/** What the sidebar shows: a tab, or one tag's details opened from it (or from the popover). */
export interface SidebarPanel {
  readonly tab: SidebarTab;
  /** The tag whose details are open, or null. */
  readonly detailsId: string | null;
  readonly setTab: (tab: SidebarTab) => void;
  readonly openDetails: (id: string) => void;
  readonly closeDetails: () => void;
}

/** The URL query parameter naming the open tab (`?panel=review`), so a link can open the review. */
const PANEL_PARAMETER = 'panel';

function tabFromUrl(): SidebarTab {
  return new URLSearchParams(window.location.search).get(PANEL_PARAMETER) === 'review' ? 'review' : 'tags';
}

/** Keeps the open tab in the address (replacing, not adding, a history entry) so a reload keeps it. */
function keepTabInUrl(tab: SidebarTab): void {
  const url = new URL(window.location.href);
  if (tab === 'review') url.searchParams.set(PANEL_PARAMETER, 'review');
  else url.searchParams.delete(PANEL_PARAMETER);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/** The sidebar's tab (starting from `?panel=`) and the tag whose details are open. */
export function useSidebarPanel(): SidebarPanel {
  const [tab, setTabState] = useState<SidebarTab>(tabFromUrl);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const setTab = useCallback((next: SidebarTab) => {
    setTabState(next);
    setDetailsId(null);
    keepTabInUrl(next);
  }, []);
  const openDetails = useCallback((id: string) => setDetailsId(id), []);
  const closeDetails = useCallback(() => setDetailsId(null), []);
  return useMemo(
    () => ({ tab, detailsId, setTab, openDetails, closeDetails }),
    [tab, detailsId, setTab, openDetails, closeDetails],
  );
}

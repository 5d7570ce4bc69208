import { useSyncExternalStore } from 'react';

/**
 * A tiny history-API router: two pages, so a path matcher and a navigate function are enough.
 * Page state that should survive a reload or the back button (library filters, the tag an article
 * opens at) lives in the query string.
 */

/** The pages of the app, as matched from the URL path. */
export type Route =
  | { readonly page: 'library' }
  | { readonly page: 'article'; readonly articleId: string }
  | { readonly page: 'not-found'; readonly path: string };

const NAVIGATE_EVENT = 'factcheck:navigate';

/** Which page a URL path shows. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'library' };
  const article = /^\/articles\/([^/]+)\/?$/u.exec(pathname);
  if (article) return { page: 'article', articleId: decodeURIComponent(article[1]) };
  return { page: 'not-found', path: pathname };
}

/** The URL path of an article's editor page. */
export function articlePath(articleId: string): string {
  return `/articles/${encodeURIComponent(articleId)}`;
}

/** The query parameter naming a tag to open an article at (`?tag=<id>`). */
export const TAG_PARAMETER = 'tag';

/** The editor page of an article opened at one tag: its text selected, scrolled into view and outlined. */
export function articleTagPath(articleId: string, tagId: string): string {
  return `${articlePath(articleId)}?${new URLSearchParams({ [TAG_PARAMETER]: tagId })}`;
}

/** The tag the address asks to open the article at, or null. */
export function tagInAddress(search: string = window.location.search): string | null {
  return new URLSearchParams(search).get(TAG_PARAMETER) || null;
}

/** The editor page of an article with its Review tab open. */
export function articleReviewPath(articleId: string): string {
  return `${articlePath(articleId)}?panel=review`;
}

/** Goes to a path inside the app without reloading the page. */
export function navigate(path: string): void {
  if (path === `${window.location.pathname}${window.location.search}`) return;
  window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current route, re-rendering on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return matchRoute(pathname);
}

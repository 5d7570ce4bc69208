// Keeps the app's page and files so a reload works offline; articles come from IndexedDB
// (y-indexeddb), and the API and sync endpoint are never cached.
//
// The page itself is network first: a connected browser always gets the current build, the cache
// answers only when the network does not. The built files under /assets/ carry a hash of their
// content in their names, so a cached one is never out of date: it is answered from the cache and
// fetched (and stored) only the first time. Nothing waits for the cache to be written: storing the
// ~840 KB bundle again before answering held up every page load (its bundle arrived 100-150 ms later).
const CACHE = 'factcheck-shell-v2';

/** Same-origin files the page references (the hashed bundle and styles). */
function assetsIn(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch('/', { cache: 'no-cache' });
      if (!page.ok) return;
      const html = await page.clone().text();
      await cache.put('/', page);
      await cache.addAll(assetsIn(html));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function isAppFile(url, request) {
  return (
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    !url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/sync/')
  );
}

/** A built file: from the cache, or from the network once and then kept. */
async function builtFile(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(cache.put(request, response.clone()));
  return response;
}

/**
 * Keeps a fresh copy of the page and lets go of the built files it no longer references (earlier
 * builds'): the bundle is the page's only script, so every file the app needs is named in it.
 */
async function keepPage(cache, page) {
  const html = await page.clone().text();
  await cache.put('/', page);
  const current = new Set(assetsIn(html));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !current.has(path)) await cache.delete(request);
  }
}

/** The page (every page of the app is the same page, which routes on the client) and other files. */
async function networkFirst(event, request) {
  const navigation = request.mode === 'navigate';
  const key = navigation ? '/' : request;
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(
        caches.open(CACHE).then((cache) => (navigation ? keepPage(cache, copy) : cache.put(key, copy))),
      );
    }
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (!isAppFile(url, request)) return;
  event.respondWith(
    url.pathname.startsWith('/assets/') ? builtFile(event, request) : networkFirst(event, request),
  );
});

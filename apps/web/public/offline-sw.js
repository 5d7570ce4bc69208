// Keeps the app's page and files so a reload works offline; articles come from IndexedDB
// (y-indexeddb), and the API and sync endpoint are never cached. Network first: a connected
// browser always gets the current build, the cache only answers when the network does not.
const CACHE = 'factcheck-shell-v1';

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

function isAppFile(request) {
  const url = new URL(request.url);
  return (
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    !url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/sync/')
  );
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!isAppFile(request)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request.mode === 'navigate' ? '/' : request, response.clone());
        return response;
      } catch (error) {
        // Every page of the app is the same page, which routes on the client.
        const cached = await cache.match(request.mode === 'navigate' ? '/' : request);
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});

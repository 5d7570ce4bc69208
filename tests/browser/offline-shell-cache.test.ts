import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

const environment = useBrowserEnvironment();
/** The worker's cache (`CACHE` in apps/web/public/offline-sw.js). */
const SHELL_CACHE = 'factcheck-shell-v2';

/**
 * The service worker that keeps the app for offline reloads answers the built files (hashed names,
 * never out of date) from its cache. It used to fetch each of them again on every page load and
 * store the ~840 KB bundle before answering, which held up every article's open.
 */
describe('the offline shell', () => {
  it('answers the built files of a page load from its cache, fetches only the page itself, and drops earlier builds', async () => {
    const { server, browser } = environment();
    const { context, page } = await openReviewer(browser, { id: 'reviewer-sw', name: 'Sana' });
    // What the service worker itself asked the network for (Chromium reports it to the context).
    const fetched: string[] = [];
    const record = (request: Request) => {
      const url = new URL(request.url());
      if (request.serviceWorker() && url.origin === server.url) fetched.push(url.pathname);
    };
    context.on('request', record);
    await page.goto(`${server.url}/`);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 })
      .toBe(true);
    // Installed: the page and its built files are in the worker's cache.
    const built = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const keys = await cache.keys();
      return keys
        .map((request) => new URL(request.url).pathname)
        .filter((path) => path.startsWith('/assets/'));
    }, SHELL_CACHE);
    expect(built.some((path) => path.endsWith('.js'))).toBe(true);
    expect(built.some((path) => path.endsWith('.css'))).toBe(true);

    // A file of an earlier build, still in the cache: the next page load lets go of it.
    await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      await cache.put('/assets/index-EARLIER.js', new Response('// an earlier build'));
    }, SHELL_CACHE);

    fetched.length = 0;
    const answers: { path: string; byWorker: boolean }[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/assets/')) answers.push({ path, byWorker: response.fromServiceWorker() });
    });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The page came from the network (network first); the built files from the worker's cache.
    expect(fetched).toContain('/');
    expect(fetched.filter((path) => path.startsWith('/assets/'))).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.filter((answer) => !answer.byWorker)).toEqual([]);
    const cachedFiles = () =>
      page.evaluate(async (name) => {
        const cache = await caches.open(name);
        return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
      }, SHELL_CACHE);
    await expect.poll(cachedFiles, { timeout: 10_000 }).toEqual(['/', ...built].sort());
    await context.close();
  });
});

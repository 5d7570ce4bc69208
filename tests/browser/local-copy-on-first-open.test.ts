import { expect, it } from 'vitest';
import { openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

const ARTICLE = '001_3252a6d8875c329f';

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

/** Bytes in the article's copy in this browser, read the moment the editor first shows text. */
interface CopyProbe {
  __copyBytesWhenShown?: number;
}

it('keeps the article in this browser by the time it is shown, so a tab closed at once still leaves a copy to open from', async () => {
  const { context, page } = await openReviewer(browser(), { id: 'reviewer-noor', name: 'Noor' });
  await page.addInitScript((database) => {
    const readCopy = async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
        const request = db.transaction('updates').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result as Uint8Array[]);
        request.onerror = () => reject(request.error);
      });
      db.close();
      (window as CopyProbe).__copyBytesWhenShown = updates.reduce(
        (sum, update) => sum + update.byteLength,
        0,
      );
    };
    // Read in the very task the editor's text appears: what is in the copy then, not a moment later.
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.ProseMirror p')?.textContent) return;
      observer.disconnect();
      void readCopy();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, `factcheck-article:${ARTICLE}`);

  await page.goto(`${server().url}/articles/${ARTICLE}`);
  const firstParagraph = await page.locator('.ProseMirror p').first().textContent();
  await expect.poll(() => page.evaluate(() => (window as CopyProbe).__copyBytesWhenShown)).toBeDefined();
  // The whole article, not the empty state y-indexeddb stores when it opens a new copy.
  expect(await page.evaluate(() => (window as CopyProbe).__copyBytesWhenShown)).toBeGreaterThan(1_000);
  await page.close();

  // A new tab that cannot reach the sync server opens the article from this browser's copy.
  await context.routeWebSocket(/\/sync\//u, (socket) => void socket.close({ code: 1001, reason: 'offline' }));
  const offline = await context.newPage();
  await offline.goto(`${server().url}/articles/${ARTICLE}`);
  await expect
    .poll(() => offline.locator('.ProseMirror p').first().textContent(), { timeout: 15_000 })
    .toBe(firstParagraph);
  await context.close();
});

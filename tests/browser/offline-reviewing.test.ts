import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
} from './browser-fixtures.js';

const ARTICLE = '001_3252a6d8875c329f';
const alice = { id: 'reviewer-alice', name: 'Alice Ahmed' };
const bilal = { id: 'reviewer-bilal', name: 'Bilal Khan' };

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

/**
 * A reviewer's network: the page, its API calls and its sync socket go through playwright, so the
 * test can cut all of them at once (`setOffline` alone does not close an open WebSocket).
 */
interface Network {
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
}

async function controllableNetwork(context: BrowserContext): Promise<Network> {
  let online = true;
  const sockets = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/sync\//u, (socket) => {
    if (!online) {
      void socket.close({ code: 1001, reason: 'offline' });
      return;
    }
    sockets.add(socket);
    socket.connectToServer();
  });
  return {
    async goOffline() {
      online = false;
      await context.setOffline(true);
      for (const socket of sockets) await socket.close({ code: 1001, reason: 'offline' });
      sockets.clear();
    },
    async goOnline() {
      online = true;
      await context.setOffline(false);
    },
  };
}

function connectionStatus(page: Page): Promise<string | null> {
  return page.locator('[data-testid="connection-status"]').getAttribute('data-status');
}

async function openArticle(page: Page): Promise<void> {
  await page.goto(`${server().url}/articles/${ARTICLE}`);
  await page.locator('.ProseMirror').waitFor();
  await expect.poll(() => connectionStatus(page), { timeout: 15_000 }).toBe('connected');
}

async function tag(page: Page, quote: string, key: '1' | '2' | '3'): Promise<void> {
  await selectTextInEditor(page, quote);
  await page.keyboard.press(key);
}

describe('reviewing offline', () => {
  it('keeps tags made offline, shows that it is offline, and merges both reviewers’ tags when the connection returns; a reload offline still shows them', async () => {
    const a = await openReviewer(browser(), alice);
    const b = await openReviewer(browser(), bilal);
    const network = await controllableNetwork(a.context);
    await openArticle(a.page);
    await openArticle(b.page);
    // The service worker has kept the page and its files, so a reload works without a network.
    await a.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => a.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await network.goOffline();
    await expect.poll(() => connectionStatus(a.page)).toBe('offline');
    const notice = a.page.locator('[data-testid="offline-notice"]');
    await expect.poll(() => notice.textContent()).toMatch(/offline.*kept in this browser/su);
    await a.page.screenshot({ path: '.tmp/offline-notice.png' });

    const offlineQuote = 'sexual harassment case';
    await tag(a.page, offlineQuote, '1');
    await expect.poll(() => highlightedText(a.page, 'allegation')).toContain(offlineQuote);

    // Meanwhile Bilal, online, tags another passage; Alice cannot see it yet.
    const onlineQuote = await b.page.locator('.ProseMirror p').nth(1).textContent();
    const bilalQuote = onlineQuote!.trim().split(/\s+/u).slice(0, 4).join(' ');
    await tag(b.page, bilalQuote, '2');
    await expect.poll(() => highlightedText(b.page, 'denial')).toContain(bilalQuote);
    expect(await highlightedText(a.page, 'denial')).toBe('');

    // A reload without any network: the page comes from the service worker, the article and the
    // offline tag from this browser's copy.
    await a.page.reload();
    await a.page.locator('.ProseMirror').waitFor({ timeout: 15_000 });
    await expect.poll(() => highlightedText(a.page, 'allegation')).toContain(offlineQuote);
    await expect.poll(() => notice.isVisible()).toBe(true);
    await a.page.screenshot({ path: '.tmp/offline-after-reload.png' });
    expect(await highlightedText(b.page, 'allegation')).not.toContain(offlineQuote);

    await network.goOnline();
    await expect.poll(() => connectionStatus(a.page), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => highlightedText(a.page, 'denial'), { timeout: 10_000 }).toContain(bilalQuote);
    await expect
      .poll(() => highlightedText(b.page, 'allegation'), { timeout: 10_000 })
      .toContain(offlineQuote);
    await expect.poll(() => notice.count()).toBe(0);
    expect(await a.page.locator('[data-testid="tag-item"]').count()).toBe(
      await b.page.locator('[data-testid="tag-item"]').count(),
    );

    await a.context.close();
    await b.context.close();
  });
});

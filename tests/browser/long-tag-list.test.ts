import { expect, it } from 'vitest';
import { writeManyTags } from '../helpers/bulk-tags.js';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

const ARTICLE = '001_3252a6d8875c329f';
const TAGS = 300;

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

it('lists 300 tags rendering only those in view, and keyboard and highlights reach every one', async () => {
  const client = await connectSyncedClient(server().syncUrl, ARTICLE);
  writeManyTags(client.doc, TAGS, 'many-', (i, length) => {
    const from = Math.floor((i * (length - 40)) / TAGS);
    return [from, from + 25];
  });

  const { context, page } = await openReviewer(browser(), { id: 'reviewer-kim', name: 'Kim' });
  await page.goto(`${server().url}/articles/${ARTICLE}`);
  const items = page.locator('[data-testid="tag-item"]');
  // The first open syncs the article from the server: on a loaded machine that takes over a second.
  await expect
    .poll(() => page.locator('[data-testid="tags-tab"] .sidebar__count').textContent(), { timeout: 10_000 })
    .toBe('300');
  await expect.poll(() => items.count()).toBeGreaterThan(0);
  expect(await items.count()).toBeLessThan(60);

  /** The focused element's item: its place in the list as screen readers hear it. */
  const focusedItem = () =>
    page.evaluate(() => {
      const item = document.activeElement?.closest('[data-testid="tag-item"]');
      return item ? `${item.getAttribute('aria-posinset')} of ${item.getAttribute('aria-setsize')}` : null;
    });
  await items.first().locator('.tag-item__button').focus();
  expect(await focusedItem()).toBe('1 of 300');
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedItem).toBe('2 of 300');
  await page.keyboard.press('End');
  await expect.poll(focusedItem).toBe('300 of 300');
  await page.keyboard.press('Home');
  await expect.poll(focusedItem).toBe('1 of 300');

  // A highlight clicked in the article brings its item into the list's view.
  const highlight = page.locator('.ProseMirror .fc-tag').last();
  const id = (await highlight.getAttribute('data-tag-ids'))!.split(' ')[0];
  await highlight.click();
  const inView = () =>
    page.evaluate((tagId) => {
      const item = document.querySelector(`[data-testid="tag-item"][data-tag-id="${tagId}"]`);
      const viewport = document.querySelector('[data-testid="tag-list-viewport"]');
      if (!item || !viewport) return false;
      const shown = viewport.getBoundingClientRect();
      const box = item.getBoundingClientRect();
      return box.top >= shown.top && box.bottom <= shown.bottom;
    }, id);
  await expect.poll(inView, { timeout: 10_000 }).toBe(true);

  client.leave();
  await context.close();
});

import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { getContent } from '@factcheck/core';
import { writeManyTags } from '../helpers/bulk-tags.js';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

/**
 * Deleting a long tagged passage orphans every tag on it: the list shows the first fifty and
 * offers the rest, instead of rendering thousands of items at once.
 */

const ARTICLE = '000_b05564db9c0361cb';
const TAGS = 80;

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

it('lists the first 50 of 80 orphaned tags and shows all of them on request', async () => {
  const client = await connectSyncedClient(server().syncUrl, ARTICLE);
  const paragraph = (getContent(client.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const length = paragraph.length;
  expect(length).toBeGreaterThan(30);
  // Tags on the first paragraph only (it starts the projected text).
  writeManyTags(client.doc, TAGS, 'gone-', (i) => [i % (length - 12), (i % (length - 12)) + 10]);
  // The first paragraph's text is deleted: every tag on it is orphaned.
  client.doc.transact(() => paragraph.delete(0, length));

  const { context, page } = await openReviewer(browser(), { id: 'reviewer-lee', name: 'Lee' });
  await page.goto(`${server().url}/articles/${ARTICLE}`);
  const items = page.locator('[data-testid="orphan-item"]');
  // The first open syncs the article from the server: on a loaded machine that takes over a second.
  await expect
    .poll(() => page.locator('#orphans-heading .sidebar__count').textContent(), { timeout: 10_000 })
    .toBe(String(TAGS));
  expect(await items.count()).toBe(50);
  const showAll = page.locator('[data-testid="orphans-show-all"]');
  expect(await showAll.textContent()).toBe(`Show all ${TAGS} orphaned tags`);
  await showAll.click();
  await expect.poll(() => items.count()).toBe(TAGS);
  expect(await showAll.count()).toBe(0);
  await context.close();
  client.leave();
});

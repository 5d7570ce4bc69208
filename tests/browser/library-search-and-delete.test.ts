import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getMeta, readAnnotations } from '@factcheck/core';
import { tagQuote } from '../helpers/articles.js';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { waitFor } from '../helpers/wait-for.js';
import { openReviewer, useBrowserEnvironment, waitForEditorSelection } from './browser-fixtures.js';

/** The library page: search as you type, tag search opening an article at a tag, delete with undo. */

const FIRST = '000_b05564db9c0361cb';
const SECOND = '001_3252a6d8875c329f';
const THIRD = '002_7f6c6d7fc6f2c3a9';
/** Near the end of its article, so opening the article at it has to scroll. */
const DENIAL = 'I categorically deny any and all claims of harassment';
const reviewer = { id: 'reviewer-hina', name: 'Hina Rizvi' };

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

async function listedIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="article-row"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-article-id') ?? ''));
}

describe('the library page', () => {
  it('searches and filters as you type, and opens a tag search result at its span', async () => {
    const writer = await connectSyncedClient(server().syncUrl, THIRD);
    const tagId = tagQuote(writer.doc, DENIAL, 'denial', { id: 'r-amna', name: 'Amna Khan' });
    const outletWriter = await connectSyncedClient(server().syncUrl, FIRST);
    outletWriter.doc.transact(() => getMeta(outletWriter.doc).set('outlet', 'Dawn'), 'test:meta');
    await waitFor(
      async () => {
        const response = await fetch(`${server().url}/api/annotations?q=categorically`);
        return ((await response.json()) as { total: number }).total === 1;
      },
      { message: 'the new tag indexed' },
    );

    const { context, page } = await openReviewer(browser(), reviewer);
    await page.goto(`${server().url}/`);
    await expect.poll(() => listedIds(page)).toHaveLength(3);

    // Search as you type: only the article with the words, with the words shown in context.
    await page
      .locator('[data-testid="library-search"]')
      .pressSequentially('categorically deny', { delay: 20 });
    await expect.poll(() => listedIds(page)).toEqual([THIRD]);
    await expect
      .poll(() => page.locator('[data-testid="article-excerpt"] mark').allTextContents())
      .toEqual(['categorically', 'deny']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('categorically deny');
    await page.locator('[data-testid="library-search"]').fill('');
    await page.locator('[data-testid="filter-outlet"]').selectOption('Dawn');
    await expect.poll(() => listedIds(page)).toEqual([FIRST]);
    await page.locator('[data-testid="filter-outlet"]').selectOption('');
    await page.locator('[data-testid="filter-label"]').selectOption('denial');
    await expect.poll(() => listedIds(page)).toEqual([THIRD]);

    // Tag search, then open the result: the article scrolls to the tag, selected and outlined.
    await page.locator('[data-testid="library-tab-tags"]').click();
    await page.locator('[data-testid="tag-search"]').fill('"claims of harassment"');
    const result = page.locator(`[data-testid="tag-result"][data-tag-id="${tagId}"]`);
    await expect.poll(() => result.locator('mark').first().textContent()).toBe('claims of harassment');
    expect(await page.locator('[data-testid="tag-result"]').count()).toBe(1);
    await result.click();
    await page.locator('.ProseMirror').waitFor();
    expect(new URL(page.url()).searchParams.get('tag')).toBe(tagId);
    await waitForEditorSelection(page, DENIAL);
    const active = page.locator('.ProseMirror .fc-tag--active');
    await expect.poll(() => active.allTextContents().then((parts) => parts.join(''))).toBe(DENIAL);
    await expect
      .poll(() =>
        active.first().evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);

    // Back to the library: the search is still there.
    await page.goBack();
    await expect
      .poll(() => page.locator('[data-testid="tag-search"]').inputValue())
      .toBe('"claims of harassment"');
    await context.close();
  });

  it('deletes an article with undo, closes it for reviewers who have it open, and keeps it gone without undo', async () => {
    const { context, page } = await openReviewer(browser(), reviewer);
    const other = await openReviewer(browser(), { id: 'reviewer-omar', name: 'Omar' });
    await other.page.goto(`${server().url}/articles/${SECOND}`);
    await other.page.locator('.ProseMirror').waitFor();

    await page.goto(`${server().url}/`);
    await expect.poll(() => listedIds(page)).toHaveLength(3);
    const row = page.locator(`[data-testid="article-row"][data-article-id="${SECOND}"]`);
    await row.locator('[data-testid="article-actions"]').click();
    await row.locator('[data-testid="delete-article"]').click();
    await expect.poll(() => listedIds(page)).not.toContain(SECOND);
    await expect.poll(() => page.locator('[data-testid="undo-toast"]').textContent()).toContain('deleted');
    // The colleague who had it open is closed out for good: the page says the article is gone.
    await expect
      .poll(() => other.page.locator('.not-found h1').textContent(), { timeout: 10_000 })
      .toBe('No such article');

    await page.locator('[data-testid="undo-button"]').click();
    await expect.poll(() => listedIds(page)).toContain(SECOND);
    await expect.poll(() => page.locator('[data-testid="undo-toast"]').count()).toBe(0);
    const reader = await connectSyncedClient(server().syncUrl, SECOND);
    expect(reader.doc.getXmlFragment('content').length).toBeGreaterThan(0);
    expect(readAnnotations(reader.doc).invalid).toEqual([]);
    reader.leave();

    // Delete again and let the toast run out: the article stays gone.
    await row.locator('[data-testid="article-actions"]').click();
    await row.locator('[data-testid="delete-article"]').click();
    await expect.poll(() => listedIds(page)).not.toContain(SECOND);
    await expect.poll(() => page.locator('[data-testid="undo-toast"]').count(), { timeout: 15_000 }).toBe(0);
    await page.reload();
    await expect.poll(() => listedIds(page)).toEqual([FIRST, THIRD].sort());
    expect((await fetch(`${server().url}/api/articles/${SECOND}`)).status).toBe(404);
    await other.context.close();
    await context.close();
  });
});

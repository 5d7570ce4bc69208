import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
} from './browser-fixtures.js';

const ARTICLE = '002_7f6c6d7fc6f2c3a9';
const sana = { id: 'reviewer-sana', name: 'Sana Malik' };

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

async function openArticle(page: Page): Promise<void> {
  await page.goto(`${server().url}/articles/${ARTICLE}`);
  await page.locator('.ProseMirror').waitFor();
}

describe('edit mode', () => {
  it('asks a first-time reviewer for a name and shows it in the presence list', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${server().url}/`);
    await page.locator('[data-testid="name-input"]').fill('Zara Hussain');
    await page.locator('[data-testid="name-submit"]').click();
    await page.locator('[data-testid="article-link"]').first().waitFor();
    expect(await page.locator('[data-testid="article-link"]').count()).toBe(3);
    await page.locator(`[data-testid="article-link"][href="/articles/${ARTICLE}"]`).click();
    await page.locator('.ProseMirror').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="presence-user"]').allTextContents())
      .toEqual([expect.stringContaining('Zara Hussain')]);
    await context.close();
  });

  it('keeps text typed at a tag’s edge outside it, and lists a tag whose text was deleted as orphaned', async () => {
    const { context, page } = await openReviewer(browser(), sana);
    await openArticle(page);
    await selectTextInEditor(page, 'categorically deny');
    await page.keyboard.press('2');
    await expect.poll(() => highlightedText(page, 'denial')).toBe('categorically deny');

    await page.locator('[data-testid="mode-toggle"]').click();
    await expect.poll(() => page.locator('.ProseMirror').getAttribute('data-mode')).toBe('edit');

    // Type right after the tagged words: the tag does not grow.
    await selectTextInEditor(page, 'categorically deny');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' firmly');
    await expect
      .poll(() => page.locator('.ProseMirror').textContent())
      .toContain('categorically deny firmly');
    expect(await highlightedText(page, 'denial')).toBe('categorically deny');

    // Delete the tagged text: the tag is listed as orphaned and drawn nowhere.
    await selectTextInEditor(page, 'categorically deny');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('[data-testid="orphan-item"]').count()).toBe(1);
    expect(await highlightedText(page, 'denial')).toBe('');

    // Undo brings the text back and the tag with it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => highlightedText(page, 'denial')).toBe('categorically deny');
    await expect.poll(() => page.locator('[data-testid="orphan-item"]').count()).toBe(0);
    await context.close();
  });

  it('renames a derived title, and the library shows the new title', async () => {
    const { context, page } = await openReviewer(browser(), sana);
    await openArticle(page);
    await page.locator('[data-testid="article-title"] button').click();
    const input = page.locator('[data-testid="article-title"] input');
    await input.fill('Zafar denies Shafi’s harassment claims');
    await input.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="article-title"]').textContent())
      .toBe('Zafar denies Shafi’s harassment claims');
    await expect
      .poll(async () => {
        const response = await fetch(`${server().url}/api/articles/${ARTICLE}`);
        return ((await response.json()) as { title: string }).title;
      })
      .toBe('Zafar denies Shafi’s harassment claims');
    await page.goto(`${server().url}/`);
    await expect
      .poll(() => page.locator(`[data-testid="article-link"][href="/articles/${ARTICLE}"]`).textContent())
      .toContain('Zafar denies Shafi’s harassment claims');
    await context.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  waitForEditorSelection,
  useBrowserEnvironment,
  openConnected,
} from './browser-fixtures.js';

const ARTICLE = '000_b05564db9c0361cb';
const alice = { id: 'reviewer-alice', name: 'Alice Ahmed' };
const bilal = { id: 'reviewer-bilal', name: 'Bilal Khan' };

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

function openArticle(page: Page): Promise<void> {
  return openConnected(page, `${server().url}/articles/${ARTICLE}`);
}

describe('two reviewers in one article', () => {
  it('A tags by keyboard, B sees the highlight, B’s cursor shows on A’s screen, a reload keeps the tags', async () => {
    const a = await openReviewer(browser(), alice);
    const b = await openReviewer(browser(), bilal);
    await openArticle(a.page);
    await openArticle(b.page);

    await selectTextInEditor(a.page, 'refuted the accusations');
    await a.page.keyboard.press('2');
    await expect.poll(() => highlightedText(a.page, 'denial')).toBe('refuted the accusations');
    await expect
      .poll(() => highlightedText(b.page, 'denial'), { timeout: 10_000 })
      .toBe('refuted the accusations');

    // Review mode: typing did not change the text.
    expect(await a.page.locator('.ProseMirror').textContent()).not.toContain('2refuted');

    await b.page.locator('.ProseMirror p').nth(2).click();
    await expect
      .poll(() => a.page.locator('.ProseMirror .fc-cursor__name').allTextContents(), { timeout: 10_000 })
      .toContain(bilal.name);
    await expect
      .poll(() => a.page.locator('[data-testid="presence-user"]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(bilal.name)]));

    await a.page.reload();
    await a.page.locator('.ProseMirror').waitFor();
    await expect.poll(() => highlightedText(a.page, 'denial')).toBe('refuted the accusations');
    await expect.poll(() => a.page.locator('[data-testid="tag-item"]').count()).toBe(1);

    await a.context.close();
    await b.context.close();
  });

  it('selects with Shift+arrows and tags with a key, and undo takes the tag back', async () => {
    const a = await openReviewer(browser(), alice);
    await openArticle(a.page);
    const target = 'Rumors circulated';
    const paragraph = a.page.locator('.ProseMirror p', { hasText: target }).first();
    const box = (await paragraph.boundingBox())!;
    await a.page.mouse.click(box.x + 1, box.y + 4);
    await a.page.keyboard.press('Home');
    for (let i = 0; i < target.length; i++) await a.page.keyboard.press('Shift+ArrowRight');
    await waitForEditorSelection(a.page, target);
    await a.page.keyboard.press('3');
    await expect.poll(() => highlightedText(a.page, 'rumour')).toBe(target);

    await a.page.keyboard.press('Control+z');
    await expect.poll(() => highlightedText(a.page, 'rumour')).toBe('');
    await a.context.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
} from './browser-fixtures.js';

/**
 * Typing inside a tag gives it a fresh quote once the typing pauses (not before the keystroke's
 * paint), and a reload right after the typing still keeps it: the page refreshes before it goes.
 */

const ARTICLE = '002_7f6c6d7fc6f2c3a9';
const sana = { id: 'reviewer-sana-quotes', name: 'Sana Malik' };

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

async function openArticle(page: Page): Promise<void> {
  await page.goto(`${server().url}/articles/${ARTICLE}`);
  await page.locator('.ProseMirror').waitFor();
  await page.waitForFunction(() => window.__factcheck !== undefined);
}

/** The quotes of every tag in the page's Y.Doc (in the tag's `anchor` value, or its own key on older records). */
function quotes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const annotations = window.__factcheck!.ydoc.getMap<{ get(key: string): unknown }>('annotations');
    return [...annotations.values()].map((entry) => {
      const anchor = entry.get('anchor') as { quote?: unknown } | undefined;
      return String(anchor ? anchor.quote : entry.get('quote'));
    });
  });
}

async function tagAndStartEditing(page: Page, text: string): Promise<void> {
  await selectTextInEditor(page, text);
  await page.keyboard.press('3');
  await expect.poll(() => highlightedText(page, 'rumour')).toContain(text);
  await page.locator('[data-testid="mode-toggle"]').click();
  await expect.poll(() => page.locator('.ProseMirror').getAttribute('data-mode')).toBe('edit');
}

/** Puts the caret right after the first `word` inside `text` and types `typed`. */
async function typeAfter(page: Page, text: string, word: string, typed: string): Promise<void> {
  await selectTextInEditor(page, text);
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < word.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type(typed);
}

describe('quote refresh after typing', () => {
  it('gives a tag typed inside a fresh quote once the typing pauses', async () => {
    const { context, page } = await openReviewer(browser(), sana);
    await openArticle(page);
    await tagAndStartEditing(page, 'it happened twice');
    await typeAfter(page, 'it happened twice', 'it happened', ' exactly');
    await expect.poll(() => highlightedText(page, 'rumour')).toBe('it happened exactly twice');
    await expect.poll(() => quotes(page)).toContain('it happened exactly twice');
    await context.close();
  });

  it('keeps the fresh quote when the page is reloaded right after typing', async () => {
    const { context, page } = await openReviewer(browser(), { ...sana, id: 'reviewer-sana-reload' });
    await openArticle(page);
    await tagAndStartEditing(page, 'jamming with my band');
    await typeAfter(page, 'jamming with my band', 'jamming with', ' all of');
    await expect
      .poll(() => page.locator('.ProseMirror').textContent())
      .toContain('jamming with all of my band');
    await page.reload();
    await page.locator('.ProseMirror').waitFor();
    await page.waitForFunction(() => window.__factcheck !== undefined);
    await expect.poll(() => quotes(page)).toContain('jamming with all of my band');
    await context.close();
  });
});

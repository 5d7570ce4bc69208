import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
  openConnected,
} from './browser-fixtures.js';

/**
 * A reviewer types while a colleague tags elsewhere: the page re-renders its tag list in the
 * middle of the typing (a React commit with the caret in the editor, which React no longer
 * measures), and each keystroke still lands where the caret is, reaches the colleague, and
 * survives a reload (changes go to the server and the local copy once the frame is painted).
 * Keys typed just before the page is left, with no frame coming, still reach the server: leaving
 * sends what waits (without that flush the second test failed in about half of its runs, when
 * the page was gone before the 100 ms fallback).
 */

const ARTICLE = '002_7f6c6d7fc6f2c3a9';
const sana = { id: 'reviewer-sana-typing', name: 'Sana Malik' };
const omar = { id: 'reviewer-omar-typing', name: 'Omar Farooq' };

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

function openArticle(page: Page): Promise<void> {
  return openConnected(page, `${server().url}/articles/${ARTICLE}`);
}

/** The text of the page's editor document (without colleagues' cursor labels). */
function editorText(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__factcheck?.view.state.doc.textContent ?? null);
}

describe('typing while a colleague tags', () => {
  it('keeps the caret through the tag list re-rendering, and every keystroke reaches the colleague', async () => {
    const typist = await openReviewer(browser(), sana);
    const tagger = await openReviewer(browser(), omar);
    await openArticle(typist.page);
    await openArticle(tagger.page);

    await typist.page.locator('[data-testid="mode-toggle"]').click();
    await expect.poll(() => typist.page.locator('.ProseMirror').getAttribute('data-mode')).toBe('edit');
    const editable = await typist.page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.ProseMirror')!;
      return {
        attribute: root.getAttribute('contenteditable'),
        isContentEditable: root.isContentEditable,
        property: root.contentEditable,
      };
    });
    // Editable for the browser and ProseMirror; not for React's selection bookkeeping.
    expect(editable).toEqual({ attribute: 'true', isContentEditable: true, property: 'inherit' });

    await selectTextInEditor(typist.page, 'revealed that it happened twice');
    await typist.page.keyboard.press('ArrowRight');
    await typist.page.keyboard.type(' (first)');
    await expect.poll(() => editorText(typist.page)).toContain('it happened twice (first)');

    // The colleague's tag makes the typist's page render its tag list with the caret in the editor.
    await selectTextInEditor(tagger.page, 'categorically deny');
    await tagger.page.keyboard.press('2');
    await expect
      .poll(() => highlightedText(typist.page, 'denial'), { timeout: 10_000 })
      .toBe('categorically deny');
    await expect.poll(() => typist.page.locator('[data-testid="tag-item"]').count()).toBe(1);

    await typist.page.keyboard.type(' (second)');
    await expect.poll(() => editorText(typist.page)).toContain('it happened twice (first) (second).');
    await expect
      .poll(() => editorText(tagger.page), { timeout: 10_000 })
      .toContain('it happened twice (first) (second).');

    // A reload right after typing keeps the last keystrokes.
    await typist.page.keyboard.type('!');
    await typist.page.reload();
    await typist.page.locator('.ProseMirror').waitFor();
    await expect.poll(() => editorText(typist.page)).toContain('it happened twice (first) (second)!.');
    await typist.context.close();
    await tagger.context.close();
  });

  it('sends what waits for a paint when the page is left before any frame comes', async () => {
    const typist = await openReviewer(browser(), sana);
    await openArticle(typist.page);
    await typist.page.locator('[data-testid="mode-toggle"]').click();
    await expect.poll(() => typist.page.locator('.ProseMirror').getAttribute('data-mode')).toBe('edit');
    await selectTextInEditor(typist.page, 'where many others were present');
    await typist.page.keyboard.press('ArrowRight');
    // From here on no frame comes (as in a tab about to close): only leaving the page sends the keys.
    await typist.page.evaluate(() => {
      window.requestAnimationFrame = () => 0;
    });
    await typist.page.keyboard.type(' (left');
    // The last key, and the page left at once, well inside the 100 ms a change waits at most.
    await typist.page.keyboard.press(')');
    await typist.page.evaluate(() => window.location.assign('/'));
    await typist.page.waitForURL(`${server().url}/`);
    const other = await openReviewer(browser(), omar);
    await openArticle(other.page);
    await expect
      .poll(() => editorText(other.page), { timeout: 10_000 })
      .toContain('where many others were present (left)');
    await typist.context.close();
    await other.context.close();
  });
});

import { describe, expect, it } from 'vitest';
import { openConnected, openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

const ARTICLE = '002_7f6c6d7fc6f2c3a9';

const environment = useBrowserEnvironment();

/**
 * What stays on screen while a reviewer types must be cheap for the compositor. A backdrop blur
 * behind the sticky toolbar was recomposited on every frame: in headless Chromium's software
 * compositor each keystroke's frame took 13 ms to draw with it and 0.9 ms without
 * (`docs/performance.md`, session 12). This checks the page for backdrop filters and filters on
 * sticky or fixed elements, in review and in edit mode.
 */
describe('the editor page', () => {
  it('has no backdrop filter, and no filter on a sticky or fixed element', async () => {
    const { server, browser } = environment();
    const { context, page } = await openReviewer(browser, { id: 'reviewer-paint', name: 'Rabia' });
    await openConnected(page, `${server.url}/articles/${ARTICLE}`);
    const costly = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body *')].flatMap((element) => {
          const style = getComputedStyle(element);
          const pinned = style.position === 'sticky' || style.position === 'fixed';
          const found: string[] = [];
          if (style.backdropFilter !== 'none') found.push(`backdrop-filter: ${style.backdropFilter}`);
          if (pinned && style.filter !== 'none') found.push(`filter: ${style.filter}`);
          return found.map((what) => `${element.tagName.toLowerCase()}.${element.className}: ${what}`);
        }),
      );
    expect(await costly()).toEqual([]);
    await page.locator('[data-testid="mode-toggle"]').click();
    await page.waitForFunction(
      () => document.querySelector('.ProseMirror')?.getAttribute('data-mode') === 'edit',
    );
    expect(await costly()).toEqual([]);
    await context.close();
  });
});

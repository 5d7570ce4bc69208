import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser-fixtures.js';

/**
 * Headless Chromium gives every new page a browser window, and each window used to load its
 * omnibox popup as a WebUI page in a renderer of its own, which competed for the CPU with the page
 * under test (about 1.5 s of CPU per page here). The launch flags switch it off.
 */
describe('headless Chromium as the project launches it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs no browser-window WebUI beside the pages it opens', async () => {
    const context = await browser.newContext();
    for (let i = 0; i < 2; i++) {
      const page = await context.newPage();
      await page.setContent(`<p>page ${i}</p>`);
    }
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const pages = targetInfos.filter((target) => target.type === 'page');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(
      targetInfos.filter((target) => target.url.startsWith('chrome://')).map((target) => target.url),
    ).toEqual([]);
    await cdp.detach();
    await context.close();
  });
});

import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

/** An article's source details: edited on the article page, checked, live for colleagues, undoable. */

const ARTICLE = '000_b05564db9c0361cb';

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

async function openArticle(page: Page): Promise<void> {
  await page.goto(`${server().url}/articles/${ARTICLE}`);
  await page.locator('.ProseMirror').waitFor();
  await page.locator('[data-testid="edit-details"]').waitFor();
}

const text = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).textContent();

it('edits source details with clear errors, live for a colleague and in the library, and undoes them', async () => {
  const editor = await openReviewer(browser(), { id: 'reviewer-sana', name: 'Sana' });
  const colleague = await openReviewer(browser(), { id: 'reviewer-omar', name: 'Omar' });
  await openArticle(editor.page);
  await openArticle(colleague.page);
  expect(await text(colleague.page, 'article-details')).toContain('No source details yet');

  const page = editor.page;
  await page.locator('[data-testid="edit-details"]').click();
  const input = (field: string) => page.locator(`[data-testid="meta-input-${field}"]`);
  await input('sourceUrl').fill('dawn.com/news/1453224');
  await input('outlet').fill('Dawn');
  await input('authors').fill('Sana Malik ; Omar Butt');
  await input('publishedAt').fill('2019-02-31');
  await input('language').fill('urdu');
  await page.locator('[data-testid="meta-save"]').click();
  expect(await text(page, 'meta-error-sourceUrl')).toContain('https://');
  expect(await text(page, 'meta-error-publishedAt')).toContain('2019-04-12');
  expect(await text(page, 'meta-error-language')).toContain('en, ur');
  // Nothing was shared while the form has errors.
  expect(await colleague.page.locator('[data-testid="meta-outlet"]').count()).toBe(0);

  await input('sourceUrl').fill('https://www.dawn.com/news/1453224');
  await input('publishedAt').fill('2019-04-12');
  await input('language').fill('ur');
  await page.locator('[data-testid="meta-save"]').click();
  await page.locator('[data-testid="meta-form"]').waitFor({ state: 'detached' });

  const other = colleague.page;
  await expect.poll(() => text(other, 'meta-outlet')).toBe('Dawn');
  expect(await text(other, 'meta-authors')).toBe('By Sana Malik and Omar Butt');
  expect(await text(other, 'meta-published')).toBe('12 Apr 2019');
  expect(await text(other, 'meta-language')).toBe('Urdu');
  expect(await other.locator('[data-testid="meta-source"]').getAttribute('href')).toBe(
    'https://www.dawn.com/news/1453224',
  );
  await expect
    .poll(async () => {
      const response = await fetch(`${server().url}/api/articles/${ARTICLE}`);
      return ((await response.json()) as { outlet?: string; language?: string }).outlet;
    })
    .toBe('Dawn');

  // The editor's undo takes the details back, for everyone.
  await page.locator('[data-testid="undo"]').click();
  await expect.poll(() => other.locator('[data-testid="meta-outlet"]').count()).toBe(0);
  await expect.poll(() => text(other, 'article-details')).toContain('No source details yet');

  await editor.context.close();
  await colleague.context.close();
});

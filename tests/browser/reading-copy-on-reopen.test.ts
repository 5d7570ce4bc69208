import { expect, it } from 'vitest';
import {
  openConnected,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
} from './browser-fixtures.js';
import { recordOpen, storedCopies, tamperWithCopies, type OpenRecord } from './reading-copy-probes.js';

/**
 * A reopened article shows the reading copy this browser kept of it (text and highlights) before
 * the editor is drawn, hides it in the frame the editor appears, and removes it after. A stored
 * copy is drawn through the same allowlist it was taken with: nothing else reaches the page.
 */

const ARTICLE = '002_7f6c6d7fc6f2c3a9';
const PASSAGE = 'sexual harassment allegations';

const environment = useBrowserEnvironment();

it('shows the kept reading copy with its highlights before the editor, then only the editor', async () => {
  const { context, page } = await openReviewer(environment().browser, {
    id: 'reviewer-sana-reading',
    name: 'Sana Iqbal',
  });
  const url = `${environment().server.url}/articles/${ARTICLE}`;
  await openConnected(page, url);
  await selectTextInEditor(page, PASSAGE);
  await page.keyboard.press('2');
  const denial = page.locator('.ProseMirror .fc-tag--denial').first();
  await expect.poll(() => denial.textContent()).toBe(PASSAGE);
  const tagId = (await denial.getAttribute('data-tag-ids'))!;
  // The copy is taken once changes pause and the page is idle.
  await expect
    .poll(async () => (await storedCopies(page)).some((copy) => copy.includes(tagId)), { timeout: 20_000 })
    .toBe(true);
  const editorText = await page.locator('.ProseMirror').textContent();
  await page.close();

  await context.addInitScript(recordOpen);
  const reopened = await context.newPage();
  const askedServer: string[] = [];
  reopened.on('request', (request) => {
    if (request.url().includes('/reading-copy')) askedServer.push(request.url());
  });
  await openConnected(reopened, url);
  expect(askedServer, 'a reopen that keeps a copy asks the server for none').toEqual([]);
  const record = await reopened.evaluate(() => (window as unknown as { __open: OpenRecord }).__open);
  expect(record.copyAt, 'the reading copy showed highlights').not.toBeNull();
  expect(record.editorAt).not.toBeNull();
  expect(record.copyAt!).toBeLessThan(record.editorAt!);
  expect(record.copyIds).toContain(tagId);
  expect(record.copyText).toBe(editorText);
  expect(record.copyEditable).toBe(false);
  expect(record.copyVisibleWithEditor, 'the copy hides in the frame the editor appears').toBe(false);
  await expect.poll(() => reopened.locator('[data-testid="reading-copy"]').count()).toBe(0);
  await expect
    .poll(() => reopened.locator('.ProseMirror .fc-tag--denial').first().textContent())
    .toBe(PASSAGE);

  // A tampered copy: only allowed elements and attributes reach the page. It is written once the
  // article's page is gone (an open page takes its own copy again when idle, hidden or left), from
  // a page of the same origin that runs no app.
  await reopened.close();
  const storage = await context.newPage();
  await storage.goto(`${environment().server.url}/api/health`);
  await tamperWithCopies(storage, [
    [
      'p',
      { dir: 'auto', onclick: 'window.__ran = 1' },
      'Kept text ',
      ['span', { class: 'fc-tag fc-tag--denial evil', 'data-tag-ids': tagId, style: 'color:red' }, 'denied'],
      ['img', { src: 'x', onerror: 'window.__ran = 2' }],
      ['a', { href: 'javascript:window.__ran = 3' }, 'bad link'],
      ['a', { href: 'https://example.org/source', title: 'Source' }, 'good link'],
      ['script', {}, 'window.__ran = 4'],
    ],
  ]);
  await storage.close();
  const tampered = await context.newPage();
  await openConnected(tampered, url);
  const seen = await tampered.evaluate(() => ({
    ...(window as unknown as { __open: OpenRecord }).__open,
    ran: (window as unknown as { __ran?: number }).__ran ?? null,
  }));
  expect(seen.copyAt).not.toBeNull();
  expect(seen.ran).toBeNull();
  expect(seen.copyHtml).toContain(
    `<span class="fc-tag fc-tag--denial" data-tag-ids="${tagId}">denied</span>`,
  );
  expect(seen.copyHtml).toContain('<a href="https://example.org/source" title="Source">good link</a>');
  expect(seen.copyHtml).toContain('<a>bad link</a>');
  expect(seen.copyHtml).not.toMatch(/onclick|onerror|<img|<script|style=|javascript:|evil/u);
  await context.close();
});

it("does not show one reviewer's reading copy to another reviewer in the same browser", async () => {
  const { context, page } = await openReviewer(environment().browser, {
    id: 'reviewer-omar-reading',
    name: 'Omar Khan',
  });
  const url = `${environment().server.url}/articles/${ARTICLE}`;
  await openConnected(page, url);
  await expect.poll(async () => (await storedCopies(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  // Omar's copy says so, to tell it from the server's copy, which any reviewer may be shown.
  await tamperWithCopies(page, [['p', { dir: 'auto' }, 'Only in Omar’s copy']]);
  await page.evaluate(() =>
    localStorage.setItem('factcheck:reviewer', JSON.stringify({ id: 'reviewer-lina-other', name: 'Lina' })),
  );
  await page.close();
  await context.addInitScript(recordOpen);
  const other = await context.newPage();
  await openConnected(other, url);
  const record = await other.evaluate(() => (window as unknown as { __open: OpenRecord }).__open);
  expect(record.editorAt).not.toBeNull();
  expect(record.firstCopyText ?? '').not.toContain('Only in Omar’s copy');
  await context.close();
});

it('loads the article behind a reading copy in a tab opened in the background, which gets no frames', async () => {
  const { context, page } = await openReviewer(environment().browser, {
    id: 'reviewer-zara-reading',
    name: 'Zara Ahmed',
  });
  const url = `${environment().server.url}/articles/${ARTICLE}`;
  await openConnected(page, url);
  await expect.poll(async () => (await storedCopies(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  await page.close();
  // A background tab: hidden, and no animation frame ever comes.
  await context.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    window.requestAnimationFrame = () => 0;
  });
  await context.addInitScript(recordOpen);
  const background = await context.newPage();
  await background.goto(url);
  await expect
    .poll(() => background.evaluate(() => (window as unknown as { __open: OpenRecord }).__open.copySeen))
    .toBe(true);
  await background.locator('.ProseMirror').waitFor({ timeout: 15_000 });
  await context.close();
});

import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openConnected,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
} from './browser-fixtures.js';

/**
 * A reopened article shows the reading copy this browser kept of it (text and highlights) before
 * the editor is drawn, hides it in the frame the editor appears, and removes it after. A stored
 * copy is drawn through the same allowlist it was taken with: nothing else reaches the page.
 */

const ARTICLE = '002_7f6c6d7fc6f2c3a9';
const PASSAGE = 'sexual harassment allegations';
const COPIES_DATABASE = 'factcheck-reading-copies';

const environment = useBrowserEnvironment();

/** What the page saw while opening, recorded by an init script as the DOM changed. */
interface OpenRecord {
  /** Whether a reading copy was on the page at any point. */
  copySeen: boolean;
  copyAt: number | null;
  copyIds: string[];
  copyText: string;
  copyHtml: string;
  copyEditable: boolean | null;
  editorAt: number | null;
  copyVisibleWithEditor: boolean | null;
}

/** Records when the reading copy and the editor first show highlights, and what the copy held. */
function recordOpen(): void {
  const record: OpenRecord = {
    copySeen: false,
    copyAt: null,
    copyIds: [],
    copyText: '',
    copyHtml: '',
    copyEditable: null,
    editorAt: null,
    copyVisibleWithEditor: null,
  };
  (window as unknown as { __open: OpenRecord }).__open = record;
  const observer = new MutationObserver(() => {
    const copy = document.querySelector('[data-testid="reading-copy"]');
    if (copy) record.copySeen = true;
    if (record.copyAt === null && copy?.querySelector('.fc-tag')) {
      record.copyAt = performance.now();
      record.copyIds = [...copy.querySelectorAll('.fc-tag')].flatMap((span) =>
        (span.getAttribute('data-tag-ids') ?? '').split(' '),
      );
      record.copyText = copy.textContent ?? '';
      record.copyHtml = copy.innerHTML;
      record.copyEditable = (copy.firstElementChild as HTMLElement | null)?.isContentEditable ?? null;
    }
    if (record.editorAt === null && document.querySelector('.ProseMirror .fc-tag')) {
      record.editorAt = performance.now();
      record.copyVisibleWithEditor = copy ? getComputedStyle(copy).display !== 'none' : false;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The stored reading copies' bodies (JSON strings), read from the page's IndexedDB. */
function storedCopies(page: Page): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve) => {
        const request = indexedDB.open(name);
        request.onerror = () => resolve([]);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('copies')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('copies', 'readonly').objectStore('copies').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as string[]);
          };
          all.onerror = () => resolve([]);
        };
      }),
    COPIES_DATABASE,
  );
}

/** Replaces every stored reading copy's nodes with `nodes` (as a tampered store would hold them). */
function tamperWithCopies(page: Page, nodes: unknown[]): Promise<void> {
  return page.evaluate(
    ({ name, nodes }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('copies', 'readwrite');
          const store = transaction.objectStore('copies');
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            for (const key of keys.result) store.put(JSON.stringify({ savedAt: Date.now(), nodes }), key);
          };
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { name: COPIES_DATABASE, nodes },
  );
}

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
  await openConnected(reopened, url);
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

  // A tampered copy: only allowed elements and attributes reach the page.
  await tamperWithCopies(reopened, [
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
  await reopened.close();
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
  await page.evaluate(() =>
    localStorage.setItem('factcheck:reviewer', JSON.stringify({ id: 'reviewer-lina-other', name: 'Lina' })),
  );
  await page.close();
  await context.addInitScript(recordOpen);
  const other = await context.newPage();
  await openConnected(other, url);
  const record = await other.evaluate(() => (window as unknown as { __open: OpenRecord }).__open);
  expect(record.editorAt).not.toBeNull();
  expect(record.copySeen).toBe(false);
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

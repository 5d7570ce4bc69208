import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  useBrowserEnvironment,
} from './browser-fixtures.js';

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;
const lead = { id: 'reviewer-lena', name: 'Lena Lead' };

/** A fixture file as the page builds it: name and base64 bytes. */
function fixtureFile(name: string): { name: string; base64: string } {
  return {
    name,
    base64: readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)).toString('base64'),
  };
}

/**
 * Drags files onto an element as a person would: a real DataTransfer holding File objects,
 * carried by dragenter, dragover and drop events.
 */
async function dropFiles(
  page: Page,
  selector: string,
  files: { name: string; base64: string }[],
): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name));
    }
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent(selector, type, { dataTransfer });
  }
}

async function openImportDialog(page: Page): Promise<void> {
  await page.goto(server().url);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
}

/** Each listed file's name and status once every one has finished. */
async function finishedResults(page: Page, count: number): Promise<{ name: string; status: string }[]> {
  const items = page.getByTestId('import-result-item');
  await expect
    .poll(
      () =>
        items.evaluateAll(
          (list) => list.filter((li) => /done|failed/u.test(li.getAttribute('data-status') ?? '')).length,
        ),
      {
        timeout: 20_000,
      },
    )
    .toBe(count);
  return items.evaluateAll((list) =>
    list.map((li) => ({
      name: li.querySelector('.article-import__name')?.textContent ?? '',
      status: li.getAttribute('data-status') ?? '',
    })),
  );
}

describe('importing articles in the library', () => {
  it('imports dropped files with a per-file result, then the article opens with its structure and can be tagged', async () => {
    const { context, page } = await openReviewer(browser(), lead);
    await openImportDialog(page);
    await dropFiles(page, '[data-testid="import-drop-zone"]', [
      fixtureFile('front-matter.md'),
      fixtureFile('news-page.html'),
      fixtureFile('windows-1252-undeclared.txt'),
    ]);
    expect(await finishedResults(page, 3)).toEqual([
      { name: 'front-matter.md', status: 'done' },
      { name: 'news-page.html', status: 'done' },
      { name: 'windows-1252-undeclared.txt', status: 'failed' },
    ]);
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('value')).toBe('3');
    await expect
      .poll(() => page.locator('[data-testid="import-result-item"][data-status="failed"]').textContent())
      .toContain('not valid UTF-8');

    // The library behind the dialog lists the new articles.
    await page.getByTestId('import-close').click();
    await expect
      .poll(() => page.getByTestId('article-row').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Iffat Omar, Ali Zafar get into Twitter spat over defamation case'),
          expect.stringContaining('Singer files defamation case as “fake news” row grows'),
        ]),
      );

    await page.getByTestId('import-open').click();
    await page
      .getByTestId('import-open-article')
      .filter({ hasText: 'Iffat Omar, Ali Zafar get into Twitter spat' })
      .click();
    await page.locator('.ProseMirror').waitFor();
    const editor = page.locator('.ProseMirror');
    await expect.poll(() => editor.locator('h1').textContent()).toBe('Twitter spat over a defamation case');
    expect(await editor.locator('h2').textContent()).toBe('What each side said');
    expect(await editor.locator('blockquote p').textContent()).toContain('Enough is enough.');
    expect(await editor.locator('ul > li').count()).toBe(3);
    expect(await editor.locator('ol > li').count()).toBe(2);
    expect(await editor.locator('em').first().textContent()).toBe('Iffat Omar');
    expect(await editor.locator('a[href="https://daily.example.com/tag/defamation"]').textContent()).toBe(
      'defamation case',
    );
    expect(await editor.locator('script').count()).toBe(0);

    const quote = 'Ali Zafar accused her of calling up organisers';
    await selectTextInEditor(page, quote);
    await page.keyboard.press('1');
    await expect.poll(() => highlightedText(page, 'allegation')).toBe(quote);
    const articleId = new URL(page.url()).pathname.split('/').pop()!;
    await expect
      .poll(async () => {
        const response = await fetch(new URL(`/api/articles/${articleId}`, server().url));
        return ((await response.json()) as { counts: { allegation: number } }).counts.allegation;
      })
      .toBe(1);
    await context.close();
  });

  it('imports pasted Urdu text with a title and shows it right to left', async () => {
    const { context, page } = await openReviewer(browser(), lead);
    await openImportDialog(page);
    await page.getByTestId('import-mode-paste').click();
    const urdu = 'علی ظفر نے الزامات کی تردید کی اور ہتک عزت کا مقدمہ دائر کیا۔ 🎤';
    await page.getByTestId('import-paste-text').fill(`${urdu}\n“Fake news alert,” she wrote — 👩‍👩‍👧.`);
    await page.getByTestId('import-paste-title').fill('Urdu statement');
    await page.getByTestId('import-paste-source').fill('https://daily.example.com/urdu');
    await page.getByTestId('import-paste-submit').click();
    expect(await finishedResults(page, 1)).toEqual([{ name: 'Urdu statement', status: 'done' }]);
    await page.getByTestId('import-open-article').click();
    const paragraphs = page.locator('.ProseMirror p');
    await expect.poll(() => paragraphs.count()).toBe(2);
    expect(await paragraphs.nth(0).textContent()).toBe(urdu);
    const directions = await paragraphs.evaluateAll((list) => list.map((p) => getComputedStyle(p).direction));
    expect(directions).toEqual(['rtl', 'ltr']);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Urdu statement');
    await context.close();
  });

  it('opens the dialog when files are dropped anywhere on the library page', async () => {
    const { context, page } = await openReviewer(browser(), lead);
    await page.goto(server().url);
    await page.getByTestId('import-open').waitFor();
    await dropFiles(page, 'main', [fixtureFile('urdu-emoji.txt')]);
    await page.getByTestId('import-dialog').waitFor();
    expect(await finishedResults(page, 1)).toEqual([{ name: 'urdu-emoji.txt', status: 'done' }]);
    await context.close();
  });
});

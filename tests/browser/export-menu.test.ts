import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import {
  highlightedText,
  openReviewer,
  selectTextInEditor,
  temporaryDirectory,
  useBrowserEnvironment,
} from './browser-fixtures.js';

const ARTICLE = '001_3252a6d8875c329f';
const QUOTE = 'the case against him has been dismissed';
const environment = useBrowserEnvironment();

/** Clicks a download link and waits for the file it brings. */
async function download(page: Page, testId: string): Promise<Download> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${testId}"]`).click(),
  ]);
  return file;
}

async function openExportMenu(page: Page): Promise<void> {
  if ((await page.locator('[data-testid="export-menu-button"]').getAttribute('aria-expanded')) !== 'true') {
    await page.locator('[data-testid="export-menu-button"]').click();
  }
  await page.locator('[data-testid="export-format-html"]').waitFor();
}

/** Every object in a JSON tree that looks like a W3C annotation (it has a motivation and a target). */
function annotationsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(annotationsIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if ('motivation' in record && 'target' in record) return [record];
  return Object.values(record).flatMap(annotationsIn);
}

/** The array in a JSON tree that holds `item` (the collection's list of annotations). */
function arrayHolding(value: unknown, item: unknown): unknown[] | null {
  if (Array.isArray(value) && value.includes(item)) return value;
  if (typeof value !== 'object' || value === null) return null;
  for (const child of Object.values(value)) {
    const found = arrayHolding(child, item);
    if (found) return found;
  }
  return null;
}

/** Rewrites the quote of every selector in a JSON tree (a TextQuoteSelector's `exact`). */
function replaceQuotes(value: unknown, exact: string): void {
  if (Array.isArray(value)) return value.forEach((item) => replaceQuotes(item, exact));
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (record.type === 'TextQuoteSelector') record.exact = exact;
  if (record.type === 'TextPositionSelector') Object.assign(record, { start: 100_000, end: 100_010 });
  Object.values(record).forEach((item) => replaceQuotes(item, exact));
}

it('downloads an export through the menu, and imports a W3C file back as tags', async () => {
  const { server, browser } = environment();
  const { context, page } = await openReviewer(browser, { id: 'reviewer-nadia', name: 'Nadia Khan' });
  const files = await temporaryDirectory('factcheck-export-menu-');
  try {
    await page.goto(`${server.url}/articles/${ARTICLE}`);
    await page.locator('.ProseMirror').waitFor();
    await selectTextInEditor(page, QUOTE);
    await page.keyboard.press('1');
    await expect.poll(() => highlightedText(page, 'allegation')).toBe(QUOTE);

    // The html export, downloaded through an ordinary link, carries the tagged quote.
    await openExportMenu(page);
    const html = await download(page, 'export-format-html');
    expect(html.suggestedFilename()).toMatch(/\.html$/u);
    const htmlPath = join(files.path, 'copy.html');
    await html.saveAs(htmlPath);
    expect(await readFile(htmlPath, 'utf8')).toContain(QUOTE);

    // brat comes as a bundle: the text and the standoff side by side, the tag's offsets into that text.
    await openExportMenu(page);
    const brat = await download(page, 'export-format-brat');
    expect(brat.suggestedFilename()).toMatch(/\.brat\.zip$/u);
    const bundle = unzipSync(new Uint8Array(await readFile((await brat.path())!)));
    const stem = Object.keys(bundle)
      .find((name) => name.endsWith('.ann'))!
      .replace(/\.ann$/u, '');
    expect(Object.keys(bundle)).toContain(`${stem}.txt`);
    const [, start, end] = /^T\d+\tallegation (\d+) (\d+)\t/mu.exec(strFromU8(bundle[`${stem}.ann`]))!;
    expect([...strFromU8(bundle[`${stem}.txt`])].slice(+start, +end).join('')).toBe(QUOTE);

    // With "Apply current filters", the sidebar's label filter rides along as label= parameters.
    await page.locator('[data-testid="filter-label-denial"]').click();
    await openExportMenu(page);
    const filtered = new URL(
      (await page.locator('[data-testid="export-format-csv"]').getAttribute('href'))!,
      server.url,
    );
    expect(filtered.searchParams.getAll('label')).toEqual(['allegation', 'rumour']);
    await page.locator('[data-testid="export-apply-filters"]').uncheck();
    const unfiltered = new URL(
      (await page.locator('[data-testid="export-format-csv"]').getAttribute('href'))!,
      server.url,
    );
    expect(unfiltered.searchParams.getAll('label')).toEqual([]);
    expect(unfiltered.searchParams.get('view')).toBeNull();
    // "Every reviewer's tags" asks for the all view instead of the adjudicated default.
    await page.locator('[data-testid="export-view-all"]').check();
    const everyone = new URL(
      (await page.locator('[data-testid="export-format-csv"]').getAttribute('href'))!,
      server.url,
    );
    expect(everyone.searchParams.get('view')).toBe('all');
    expect((await fetch(everyone)).status).toBe(200);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="filter-label-denial"]').click();

    // The w3c export, plus one annotation whose quote is nowhere in the article.
    await openExportMenu(page);
    const w3c = await download(page, 'export-format-w3c');
    const collection = JSON.parse(await readFile((await w3c.path())!, 'utf8')) as Record<string, unknown>;
    const [exported] = annotationsIn(collection);
    expect(exported).toBeDefined();
    const stray = structuredClone(exported);
    stray.id = 'urn:example:stray';
    replaceQuotes(stray, 'words that appear nowhere in this article');
    const list = arrayHolding(collection, exported);
    expect(list).not.toBeNull();
    list!.push(stray);
    const importPath = join(files.path, 'annotations.jsonld');
    await writeFile(importPath, JSON.stringify(collection));

    // Remove the tag, then import the file: the tag comes back and the stray one is reported.
    await page.evaluate(() => {
      const { ydoc } = (
        window as unknown as {
          __factcheck: {
            ydoc: { getMap(name: string): { keys(): Iterable<string>; delete(k: string): void } };
          };
        }
      ).__factcheck;
      const annotations = ydoc.getMap('annotations');
      for (const id of [...annotations.keys()]) annotations.delete(id);
    });
    await expect.poll(() => highlightedText(page, 'allegation')).toBe('');

    await openExportMenu(page);
    await page.locator('[data-testid="import-w3c-input"]').setInputFiles(importPath);
    const result = page.locator('[data-testid="import-result"]');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    expect(await result.textContent()).toContain('1 tag created');
    const unresolved = await page.locator('[data-testid="import-unresolved"] li').allTextContents();
    expect(unresolved).toEqual([expect.stringContaining('words that appear nowhere in this article')]);
    await expect.poll(() => highlightedText(page, 'allegation'), { timeout: 10_000 }).toBe(QUOTE);
    await page.locator('[data-testid="import-result-close"]').click();
    await expect.poll(() => result.count()).toBe(0);
  } finally {
    await context.close();
    await files.remove();
  }
});

it('exports every article as one zip from the library', async () => {
  const { server, browser } = environment();
  const { context, page } = await openReviewer(browser, { id: 'reviewer-nadia', name: 'Nadia Khan' });
  try {
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="export-all-button"]').waitFor();
    await page.locator('[data-testid="export-all-format"]').selectOption('csv');
    const zip = await download(page, 'export-all-button');
    expect(zip.suggestedFilename()).toMatch(/\.zip$/u);
    const bytes = await readFile((await zip.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  } finally {
    await context.close();
  }
});

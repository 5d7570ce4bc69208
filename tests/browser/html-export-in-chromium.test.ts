import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderHtml, renderTxt, type ExportModel } from '@factcheck/export';
import { taggedArticleModel, XSS_REVIEWER } from '../../packages/export/test/tagged-article-fixture.js';
import { launchChromium } from './browser-fixtures.js';

/**
 * The `html` export opened in headless Chromium: its article's text is the `txt` export, its
 * highlights are drawn (on screen and in print), and nothing in it runs or reaches the network,
 * even with a reviewer named `<img src=x onerror=alert(1)>`.
 */

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

interface OpenedExport {
  page: Page;
  /** Every request the page made, and every dialog (alert) it opened. */
  requests: string[];
  dialogs: string[];
}

/** Opens html in a fresh page that records requests and dialogs and flags any call to alert. */
async function open(html: string): Promise<OpenedExport> {
  context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.alert = () => {
      (window as unknown as { __alerted: boolean }).__alerted = true;
    };
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests, dialogs };
}

/** Whether anything ran: a dialog, the alert flag, an element with a handler or a script. */
async function expectNothingRan(opened: OpenedExport): Promise<void> {
  const state = await opened.page.evaluate(() => ({
    alerted: (window as unknown as { __alerted?: boolean }).__alerted === true,
    scripts: document.scripts.length,
    images: document.images.length,
    handlers: [...document.querySelectorAll('*')].filter((element) =>
      element.getAttributeNames().some((name) => name.toLowerCase().startsWith('on')),
    ).length,
  }));
  expect(state).toEqual({ alerted: false, scripts: 0, images: 0, handlers: 0 });
  expect(opened.dialogs).toEqual([]);
  expect(opened.requests.filter((url) => !/^(about|data):/u.test(url))).toEqual([]);
}

const model: ExportModel = taggedArticleModel();

it('shows the article with textContent exactly the txt export and every tag highlighted by label', async () => {
  const { page } = await open(renderHtml(model));
  expect(await page.evaluate(() => document.querySelectorAll('article').length)).toBe(1);
  expect(await page.evaluate(() => document.querySelector('article')!.textContent)).toBe(renderTxt(model));
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll('article mark')].map((mark) => ({
      ids: mark.getAttribute('data-tag-ids')!.split(' '),
      classes: [...mark.classList],
      text: mark.textContent!,
      background: getComputedStyle(mark).backgroundImage,
    })),
  );
  for (const tag of model.tags) {
    const own = marks.filter((mark) => mark.ids.includes(tag.id));
    expect(own.map((mark) => mark.text).join('')).toBe(tag.quote.replaceAll('\n\n', ''));
    for (const mark of own) {
      expect(mark.classes).toContain(`tag--${tag.label}`);
      expect(mark.background).toContain('linear-gradient');
    }
  }
  const colours = { allegation: 'rgb(198, 40, 40)', denial: 'rgb(21, 87, 176)' };
  const overlap = marks.find(
    (mark) => mark.classes.includes('tag--allegation') && mark.classes.includes('tag--denial'),
  )!;
  expect(overlap.background).toContain(colours.allegation);
  expect(overlap.background).toContain(colours.denial);
});

it('draws note numbers as generated content after the text where each tag ends', async () => {
  const { page } = await open(renderHtml(model));
  const generated = await page.evaluate(() =>
    [...document.querySelectorAll('article mark[data-notes]')].map(
      (mark) => getComputedStyle(mark, '::after').content,
    ),
  );
  expect(generated.join('')).toBe(model.tags.map((tag) => `"[${tag.number}]"`).join(''));
  const notes = await page.evaluate(() =>
    [...document.querySelectorAll('ol.notes-list > li')].map((li) => li.id),
  );
  expect(notes).toEqual(model.tags.map((tag) => `note-${tag.number}`));
});

it('runs nothing and requests nothing with a reviewer named like markup, whose name shows as text', async () => {
  const opened = await open(renderHtml(model));
  await expectNothingRan(opened);
  const authors = await opened.page.locator('.note-author').allTextContents();
  expect(authors).toContain(XSS_REVIEWER.name);
  expect(await opened.page.locator('section.unanchored').textContent()).toContain(XSS_REVIEWER.name);
  const csp = await opened.page.evaluate(
    () =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  );
  expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'");
});

it('stays inert even without its Content Security Policy: the escaping alone holds', async () => {
  const html = renderHtml(model);
  expect(html).toContain(CSP);
  const opened = await open(html.replace(CSP, ''));
  await expectNothingRan(opened);
  expect(await opened.page.evaluate(() => document.querySelector('meta[http-equiv]'))).toBeNull();
  expect(await opened.page.locator('.note-author').allTextContents()).toContain(XSS_REVIEWER.name);
});

it('keeps highlights, unbroken across lines, and note numbers when printed', async () => {
  const { page } = await open(renderHtml(model));
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
  const printed = await page.evaluate(() => {
    const mark = document.querySelector('article mark.tag--allegation')!;
    const style = getComputedStyle(mark);
    return {
      tint: style.backgroundColor,
      line: `${style.borderBottomStyle} ${style.borderBottomWidth}`,
      colorAdjust:
        style.getPropertyValue('print-color-adjust') || style.getPropertyValue('-webkit-print-color-adjust'),
      decorationBreak:
        style.getPropertyValue('box-decoration-break') ||
        style.getPropertyValue('-webkit-box-decoration-break'),
      noteBreak: getComputedStyle(document.querySelector('ol.notes-list > li')!).breakInside,
      note: getComputedStyle(document.querySelector('article mark[data-notes]')!, '::after').content,
    };
  });
  // Print draws cues as vector borders and tints (gradient layers bloat PDFs of long articles).
  expect(printed.tint).not.toBe('rgba(0, 0, 0, 0)');
  expect(printed.line).toBe('solid 2px');
  expect(printed).toMatchObject({ colorAdjust: 'exact', decorationBreak: 'clone', noteBreak: 'avoid' });
  expect(printed.note).toMatch(/^"\[\d+\]"$/u);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

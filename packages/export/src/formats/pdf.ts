import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ExportModel } from '../export-model.js';
import type { ExportFormat } from '../format.js';
import { CHROMIUM_ARGS } from './chromium-args.js';
import { renderHtml } from './html.js';

/**
 * The `pdf` export: the `html` export printed by headless Chromium. Browsers are launched on first
 * use and kept for later exports (one per executable) until `closePdfRenderer` is called. Each
 * browser keeps one print page open between exports: opening a page starts a renderer process,
 * which costs about as much as printing a news article.
 */

/** Debian's Chromium unless `CHROMIUM_PATH` says otherwise. */
export function defaultChromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

const LAUNCH_TIMEOUT_MS = 30_000;
const PRINT_TIMEOUT_MS = 60_000;

/** Chromium cannot be found or started, so no PDF can be made (the HTTP route answers 503). */
export class PdfRendererUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PdfRendererUnavailableError';
  }
}

/** Options of `renderPdf`. */
export interface PdfOptions {
  /** Chromium binary; default `CHROMIUM_PATH` or `/usr/bin/chromium`. */
  readonly executablePath?: string;
}

/** Launched (or launching) browsers by executable path. */
const browsers = new Map<string, Promise<Browser>>();
/** One spare print page per browser: blank, or being emptied (null if that failed). */
const sparePages = new Map<Browser, Promise<Page | null>>();

function launch(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) {
    return Promise.reject(
      new PdfRendererUnavailableError(
        `PDF export needs Chromium, and there is none at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH.`,
      ),
    );
  }
  // Loaded on first use: playwright-core takes seconds to import, and most exports never need it.
  return import('playwright-core')
    .then(({ chromium }) =>
      chromium.launch({
        executablePath,
        args: [...CHROMIUM_ARGS],
        headless: true,
        timeout: LAUNCH_TIMEOUT_MS,
      }),
    )
    .catch((error: unknown) => {
      throw new PdfRendererUnavailableError(
        `PDF export could not start Chromium at ${executablePath}: ${(error as Error).message.split('\n')[0]}`,
        { cause: error },
      );
    });
}

function browserFor(executablePath: string): Promise<Browser> {
  let browser = browsers.get(executablePath);
  if (!browser) {
    browser = launch(executablePath).then((launched) => {
      launched.once('disconnected', () => {
        if (browsers.get(executablePath) === browser) browsers.delete(executablePath);
      });
      return launched;
    });
    browsers.set(executablePath, browser);
    // A failed launch is not kept: the next export tries again (Chromium may be installed by then).
    browser.catch(() => {
      if (browsers.get(executablePath) === browser) browsers.delete(executablePath);
    });
  }
  return browser;
}

/** A page to print on: the browser's idle one, or a new one in a context of its own. */
async function takePrintPage(browser: Browser): Promise<Page> {
  const spare = sparePages.get(browser);
  sparePages.delete(browser);
  const page = spare ? await spare : null;
  if (page && !page.isClosed()) return page;
  // No scripts and no requests: the page is the export alone, whatever a reviewer typed into it.
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    // A renderer that crashed while its page was idle must not fail the next export.
    page.once('crash', () => void context.close().catch(() => undefined));
    page.setDefaultTimeout(PRINT_TIMEOUT_MS);
    await page.route('**/*', (route) => route.abort());
    // Styled for print from the start: otherwise Chromium styles and lays the page out for the
    // screen first, then again (three times) when printing begins.
    await page.emulateMedia({ media: 'print' });
    return page;
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/**
 * After an export: the page becomes the browser's spare, emptied first (nothing of one export
 * stays behind for the next, and the renderer lets go of its memory), unless the browser has a
 * spare already or the export failed; then its context is closed.
 */
function releasePrintPage(browser: Browser, page: Page, printed: boolean): void {
  const close = () =>
    page
      .context()
      .close()
      .catch(() => undefined);
  if (!printed || sparePages.has(browser) || !browser.isConnected()) {
    void close();
    return;
  }
  sparePages.set(
    browser,
    page.setContent('<!doctype html><title></title>', { waitUntil: 'load' }).then(
      () => page,
      async () => {
        await close();
        return null;
      },
    ),
  );
}

/** Prints a self-contained HTML page to an A4 PDF with backgrounds (the highlights) kept. */
export async function printHtmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const browser = await browserFor(options.executablePath ?? defaultChromiumPath());
  const page = await takePrintPage(browser);
  let printed = false;
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    const pdf = await page.pdf({
      printBackground: true,
      format: 'A4',
      margin: { top: '18mm', right: '16mm', bottom: '18mm', left: '16mm' },
    });
    printed = true;
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    // Emptying the page for the next export does not delay this one.
    releasePrintPage(browser, page, printed);
  }
}

/** Renders the article as a PDF of its `html` export. */
export function renderPdf(model: ExportModel, options: PdfOptions = {}): Promise<Uint8Array> {
  return printHtmlToPdf(renderHtml(model, { print: true }), options);
}

/** Closes every browser the PDF export launched (at shutdown; a later export launches again). */
export async function closePdfRenderer(): Promise<void> {
  const launched = [...browsers.values()];
  browsers.clear();
  sparePages.clear();
  await Promise.all(
    launched.map((browser) =>
      browser.then(
        (open) => open.close(),
        () => undefined,
      ),
    ),
  );
}

/** The `pdf` export format. */
export const pdfFormat: ExportFormat = {
  name: 'pdf',
  description: 'PDF, printed from the HTML copy',
  contentType: 'application/pdf',
  extension: 'pdf',
  render: (model) => renderPdf(model),
};

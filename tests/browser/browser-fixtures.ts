import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer, type StartServerOptions } from '@factcheck/server';
import { CHROMIUM_ARGS, defaultChromiumPath } from '@factcheck/export';
import { WEB_DIST } from './web-dist.js';

/** Debian's Chromium, installed by scripts/ensure-system-packages.sh. */
export const CHROMIUM_PATH = defaultChromiumPath();

/** Launches headless Chromium (playwright gives each launch a fresh profile directory). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
}

/** A reviewer in a browser context of their own, with their name already remembered. */
export async function openReviewer(
  browser: Browser,
  reviewer: { id: string; name: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('factcheck:reviewer')) localStorage.setItem('factcheck:reviewer', value);
  }, JSON.stringify(reviewer));
  const page = await context.newPage();
  return { context, page };
}

/** A reviewer signed in through an invite link (protected mode), in a browser context of their own. */
export async function openInvitedReviewer(
  browser: Browser,
  baseUrl: string,
  token: string,
  path = '/',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/#invite=${token}`);
  await page.getByTestId('reviewer-role').waitFor();
  if (path !== '/') await page.goto(`${baseUrl}${path}`);
  return { context, page };
}

/** A fresh temporary directory, removed by the returned function. */
export async function temporaryDirectory(
  prefix: string,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Selects the first occurrence of `text` inside the editor the way a mouse drag would, by setting
 * the DOM selection; ProseMirror picks it up from the selectionchange event.
 */
export async function selectTextInEditor(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').focus();
  await page.evaluate((needle) => {
    const root = document.querySelector('.ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`"${needle}" is not in the editor`);
  }, text);
  await waitForEditorSelection(page, text);
}

/** Waits until ProseMirror's selection (read from the DOM asynchronously) covers exactly `text`. */
export async function waitForEditorSelection(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (needle) => {
      const view = (
        window as unknown as {
          __factcheck?: {
            view: {
              state: {
                selection: { from: number; to: number };
                doc: { textBetween(a: number, b: number): string };
              };
            };
          };
        }
      ).__factcheck?.view;
      if (!view) return false;
      const { from, to } = view.state.selection;
      return view.state.doc.textBetween(from, to) === needle;
    },
    text,
    { timeout: 10_000 },
  );
}

/** The text of every highlight of one label in the editor, concatenated. */
export function highlightedText(page: Page, label: string): Promise<string> {
  return page
    .locator(`.ProseMirror .fc-tag--${label}`)
    .allTextContents()
    .then((parts) => parts.join(''));
}

/** Opens a page of the app at `url` and waits until its editor shows and is connected to the server. */
export async function openConnected(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.ProseMirror').waitFor();
  await expect
    .poll(() => page.locator('[data-testid="connection-status"]').getAttribute('data-status'), {
      timeout: 10_000,
    })
    .toBe('connected');
}

/** A running server on a temporary data directory and a launched browser, for one test file. */
export interface BrowserEnvironment {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts the real server (port 0, fresh data directory, the built web app) and Chromium before the
 * file's tests and stops both after them. Read the returned getter inside tests.
 */
export function useBrowserEnvironment(serverOptions: StartServerOptions = {}): () => BrowserEnvironment {
  let environment: BrowserEnvironment | null = null;
  let removeDataDir: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const dataDir = await temporaryDirectory('factcheck-browser-');
    removeDataDir = dataDir.remove;
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: dataDir.path,
      webDist: WEB_DIST,
      logLevel: 'warn',
      ...serverOptions,
    });
    environment = { server, browser: await launchChromium() };
  });
  afterAll(async () => {
    await environment?.browser.close();
    await environment?.server.close();
    await removeDataDir?.();
  });
  return () => {
    if (!environment) throw new Error('The browser environment is not started yet.');
    return environment;
  };
}

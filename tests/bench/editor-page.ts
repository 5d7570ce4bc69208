import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * What the editor benchmark does inside a page. Functions passed to `page.evaluate` run in the
 * browser, so each is self-contained. "Painted" is taken as the moment after the next animation
 * frame's rendering: a message posted from a `requestAnimationFrame` callback is handled once
 * that frame's style, layout and paint have run on the main thread.
 */

/** How long a page that is still working off a backlog may take to react (the figures show it). */
const SLOW_PAGE_MS = 120_000;

/** The editor page's test handle (apps/web exposes it on `window.__factcheck`). */
interface PageWindow {
  __factcheck?: {
    view: {
      state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } };
    };
  };
  __bench?: {
    keyLatencies: number[];
    /** Runs collected so far; a keystroke counts only in the run it was pressed in. */
    keyGeneration: number;
    tagPaintedAt: number | null;
    keyAt: number | null;
  };
}

/** A reviewer's browser context with their name already remembered, as the fixtures make it. */
export async function openReviewerContext(
  browser: Browser,
  reviewer: { id: string; name: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(SLOW_PAGE_MS);
  // tsx compiles with esbuild's keepNames, which wraps named functions inside the functions we
  // pass to page.evaluate in a `__name` helper the page does not have.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('factcheck:reviewer')) localStorage.setItem('factcheck:reviewer', value);
  }, JSON.stringify(reviewer));
  return context;
}

/** When an open showed the article (ms since navigation start). */
export interface OpenTimes {
  /** First frame with every tag highlighted on the sheet: the reading copy kept from the last visit, or the editor. */
  readonly shown: number;
  /** First frame with every tag highlighted in the editor itself (ready to tag and type). */
  readonly editor: number;
}

/**
 * Navigates to the article and resolves with the time (ms since navigation start) of the first
 * frame after every tag had a highlight in the DOM (every expected tag id appears on some
 * `.fc-tag` element): on the sheet at all, and in the editor.
 */
export async function openUntilPainted(page: Page, url: string, expectedTags: number): Promise<OpenTimes> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(async (expected) => {
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const paintedIds = (selector: string) => {
      const ids = new Set<string>();
      for (const span of document.querySelectorAll(selector)) {
        for (const id of (span.getAttribute('data-tag-ids') ?? '').split(' ')) ids.add(id);
      }
      return ids.size;
    };
    const onSheet = '.sheet .fc-tag';
    const inEditor = '.ProseMirror .fc-tag';
    const deadline = performance.now() + 60_000;
    let shown: number | null = null;
    for (;;) {
      await nextFrame();
      // A frame: the time after it is taken after the next one starts, as for the editor.
      if (shown === null && document.querySelector(onSheet) && paintedIds(onSheet) >= expected) {
        await nextFrame();
        shown = performance.now();
      }
      if (document.querySelector(inEditor) && paintedIds(inEditor) >= expected) break;
      if (performance.now() > deadline)
        throw new Error(`only ${paintedIds(inEditor)} of ${expected} tags painted after 60 s`);
    }
    await nextFrame();
    const editor = performance.now();
    return { shown: shown ?? editor, editor };
  }, expectedTags);
}

/** How long the first open waits for its reading copy (builds before session 13 store none). */
const READING_COPY_WAIT_MS = 20_000;

/**
 * Resolves true once the page has stored a reading copy of the article with highlights (for the
 * next open to show), false if none came within `READING_COPY_WAIT_MS`.
 */
export async function waitForReadingCopy(page: Page): Promise<boolean> {
  // In the page, so a copy taken in idle slices is not held up by the benchmark's own polling.
  return page.evaluate(async (deadlineMs) => {
    const hasCopy = () =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open('factcheck-reading-copies');
        request.onerror = () => resolve(false);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('copies')) {
            db.close();
            resolve(false);
            return;
          }
          const copies = db.transaction('copies', 'readonly').objectStore('copies').getAll();
          copies.onsuccess = () => {
            db.close();
            resolve((copies.result as string[]).some((copy) => copy.includes('fc-tag')));
          };
          copies.onerror = () => resolve(false);
        };
      });
    const deadline = performance.now() + deadlineMs;
    while (!(await hasCopy())) {
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return true;
  }, READING_COPY_WAIT_MS);
}

/** Switches the open article to edit mode and puts the caret at the end of a paragraph. */
export async function startEditingParagraph(page: Page, paragraph: number): Promise<void> {
  await page.locator('[data-testid="mode-toggle"]').click();
  await page.waitForFunction(
    () => document.querySelector('.ProseMirror')?.getAttribute('data-mode') === 'edit',
  );
  const target = page.locator('.ProseMirror p').nth(paragraph);
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
}

/** Waits until the page renders smoothly again (ten frames in a row under 50 ms apart). */
export async function waitUntilSmooth(page: Page): Promise<void> {
  await page.evaluate(async (deadlineMs) => {
    const deadline = performance.now() + deadlineMs;
    let last = performance.now();
    let smooth = 0;
    while (smooth < 10 && performance.now() < deadline) {
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      smooth = now - last < 50 ? smooth + 1 : 0;
      last = now;
    }
  }, SLOW_PAGE_MS);
}

/** Switches the open article back to review mode (where 1, 2 and 3 tag the selection). */
export async function stopEditing(page: Page): Promise<void> {
  await page.locator('[data-testid="mode-toggle"]').click();
  await page.waitForFunction(
    () => document.querySelector('.ProseMirror')?.getAttribute('data-mode') === 'review',
  );
}

/**
 * Starts recording keystroke-to-paint latencies: from a key's `keydown` timestamp (when the
 * browser received it, so time waiting behind other work counts) to after the frame that follows
 * the text input it caused.
 */
export async function recordKeystrokes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = ((window as PageWindow).__bench ??= {
      keyLatencies: [],
      keyGeneration: 0,
      tagPaintedAt: null,
      keyAt: null,
    });
    bench.keyLatencies = [];
    let pressed: { at: number; generation: number } | null = null;
    const channel = new MessageChannel();
    const painted: { at: number; generation: number }[] = [];
    channel.port1.onmessage = () => {
      const key = painted.shift();
      // A keystroke painted after its run was collected belongs to no run.
      if (key && key.generation === bench.keyGeneration) bench.keyLatencies.push(performance.now() - key.at);
    };
    document.addEventListener(
      'keydown',
      (event) => (pressed = { at: event.timeStamp, generation: bench.keyGeneration }),
      {
        capture: true,
      },
    );
    document.addEventListener(
      'input',
      () => {
        if (pressed === null) return;
        painted.push(pressed);
        pressed = null;
        requestAnimationFrame(() => channel.port2.postMessage(null));
      },
      { capture: true },
    );
  });
}

/**
 * The keystroke latencies recorded since the last call, once `expected` are in or `timeoutMs`
 * passed; keystrokes painted later are never counted.
 */
export async function takeKeystrokeLatencies(
  page: Page,
  expected: number,
  timeoutMs: number,
): Promise<number[]> {
  await page
    .waitForFunction(
      (count) => ((window as PageWindow).__bench?.keyLatencies.length ?? 0) >= count,
      expected,
      {
        timeout: timeoutMs,
      },
    )
    .catch(() => undefined);
  return page.evaluate(() => {
    const bench = (window as PageWindow).__bench!;
    const latencies = bench.keyLatencies;
    bench.keyLatencies = [];
    bench.keyGeneration += 1;
    return latencies;
  });
}

/**
 * Selects characters `from`–`to` of a paragraph's text the way a mouse drag would (a DOM
 * selection ProseMirror reads) and waits until the editor's selection covers them; returns the text.
 */
export async function selectInParagraph(
  page: Page,
  paragraph: number,
  from: number,
  to: number,
): Promise<string> {
  await page.locator('.ProseMirror p').nth(paragraph).scrollIntoViewIfNeeded();
  await page.locator('.ProseMirror').focus();
  const text = await page.evaluate(
    ({ paragraph, from, to }) => {
      const element = document.querySelectorAll('.ProseMirror p')[paragraph];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (from >= offset && from < offset + length) range.setStart(node, from - offset);
        if (to > offset && to <= offset + length) range.setEnd(node, to - offset);
        offset += length;
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    },
    { paragraph, from, to },
  );
  await page.waitForFunction(
    (needle) => {
      const view = (window as PageWindow).__factcheck?.view;
      if (!view) return false;
      const { from, to } = view.state.selection;
      return view.state.doc.textBetween(from, to) === needle;
    },
    text,
    { timeout: SLOW_PAGE_MS },
  );
  return text;
}

/**
 * Watches a paragraph for a highlight carrying a tag id it does not have yet; records the time
 * (on the shared wall clock: `timeOrigin + now`) after the frame that shows it.
 */
export async function watchForNewTag(page: Page, paragraph: number): Promise<void> {
  await page.evaluate((index) => {
    const bench = ((window as PageWindow).__bench ??= {
      keyLatencies: [],
      keyGeneration: 0,
      tagPaintedAt: null,
      keyAt: null,
    });
    bench.tagPaintedAt = null;
    const idsIn = () => {
      const ids = new Set<string>();
      // Looked up each time: ProseMirror may replace the paragraph's element.
      const element = document.querySelectorAll('.ProseMirror p')[index];
      for (const span of element.querySelectorAll('[data-tag-ids]')) {
        for (const id of span.getAttribute('data-tag-ids')!.split(' ')) ids.add(id);
      }
      return ids;
    };
    const known = idsIn();
    const observer = new MutationObserver(() => {
      if (![...idsIn()].some((id) => !known.has(id))) return;
      observer.disconnect();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (bench.tagPaintedAt = performance.timeOrigin + performance.now());
      requestAnimationFrame(() => channel.port2.postMessage(null));
    });
    // ProseMirror redraws the whole document node on a remote change; watch the editor root.
    observer.observe(document.querySelector('.ProseMirror')!, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-tag-ids'],
    });
  }, paragraph);
}

/** The wall-clock time the watched highlight was painted, once it was. */
export async function newTagPaintedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as PageWindow).__bench?.tagPaintedAt ?? null,
    null,
    {
      timeout: SLOW_PAGE_MS,
    },
  );
  return (await handle.jsonValue()) as number;
}

/** Presses a key and returns the wall-clock time the page received it (`timeOrigin + timeStamp`). */
export async function pressKeyTimed(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const bench = ((window as PageWindow).__bench ??= {
      keyLatencies: [],
      keyGeneration: 0,
      tagPaintedAt: null,
      keyAt: null,
    });
    bench.keyAt = null;
    document.addEventListener(
      'keydown',
      (event) => (bench.keyAt = performance.timeOrigin + event.timeStamp),
      {
        capture: true,
        once: true,
      },
    );
  });
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(() => (window as PageWindow).__bench?.keyAt ?? null);
  return (await handle.jsonValue()) as number;
}

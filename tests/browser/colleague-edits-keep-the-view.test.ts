import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { openConnected, openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

/**
 * A colleague's edits never scroll a reviewer's view (patches/y-prosemirror+1.3.7.patch): not when
 * they lengthen the paragraph the reviewer's caret is in until the caret is pushed below the
 * window, and not when they add text above what the reviewer is reading (the browser's scroll
 * anchoring keeps that text where it was). The caret stays where it was in the text.
 */

const ARTICLE = '002_7f6c6d7fc6f2c3a9';
const LONG_INSERT = 'A colleague adds a long sentence at the start of this paragraph. '.repeat(16);

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

/** Index of the paragraph the reviewer works in: far enough down for text above it to be off screen. */
const PARAGRAPH = 20;
/** Paragraphs the colleague adds to the short article first, so that it scrolls. */
const ADDED_PARAGRAPHS = 30;

/** Where the reviewer's paragraph starts on screen (CSS pixels from the window's top). */
function paragraphTop(page: Page): Promise<number> {
  return page.evaluate(
    (index) => document.querySelectorAll('.ProseMirror > p')[index].getBoundingClientRect().top,
    PARAGRAPH,
  );
}

/** The text of the paragraph the caret is in, and the caret's offset in it. */
function caretPlace(page: Page): Promise<{ paragraph: string; offset: number }> {
  return page.evaluate(() => {
    const { state } = window.__factcheck!.view;
    const $head = state.selection.$head;
    return { paragraph: $head.parent.textContent, offset: $head.parentOffset };
  });
}

/** Inserts text into a paragraph of the article as a stock Yjs client, at the paragraph's start. */
function insertAtParagraphStart(doc: Y.Doc, index: number, text: string): void {
  const paragraphs = doc
    .getXmlFragment('content')
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  const target = paragraphs[index].toArray().find((child) => child instanceof Y.XmlText);
  if (!(target instanceof Y.XmlText)) throw new Error(`paragraph ${index} has no text`);
  doc.transact(() => target.insert(0, text), 'colleague');
}

/** Appends paragraphs of plain text to the article, as a stock Yjs client. */
function appendParagraphs(doc: Y.Doc, count: number): void {
  const content = doc.getXmlFragment('content');
  const paragraphs = Array.from({ length: count }, (_, i) => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, `Added paragraph ${i + 1}: the court heard both sides again today.`);
    paragraph.insert(0, [text]);
    return paragraph;
  });
  doc.transact(() => content.insert(content.length, paragraphs), 'colleague');
}

it("keeps the reviewer's view still while a colleague edits above and around their caret", async () => {
  const colleague = await connectSyncedClient(server().syncUrl, ARTICLE);
  appendParagraphs(colleague.doc, ADDED_PARAGRAPHS);
  const { context, page } = await openReviewer(browser(), { id: 'reviewer-view', name: 'Hina Raza' });
  await openConnected(page, `${server().url}/articles/${ARTICLE}`);
  await expect.poll(() => page.locator('.ProseMirror > p').count()).toBeGreaterThan(PARAGRAPH + 5);
  await page.locator('[data-testid="mode-toggle"]').click();
  await expect.poll(() => page.locator('.ProseMirror').getAttribute('data-mode')).toBe('edit');

  // The caret at the end of the paragraph, with the paragraph low in the window: a few lines of
  // text before the caret push it below the window.
  const paragraph = page.locator('.ProseMirror > p').nth(PARAGRAPH);
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.keyboard.press('End');
  // ProseMirror reads the moved DOM selection after the key: wait until its caret is at the end.
  await expect
    .poll(async () => {
      const place = await caretPlace(page);
      return place.offset === place.paragraph.length;
    })
    .toBe(true);
  const viewport = page.viewportSize()!;
  await page.evaluate(
    ({ index, bottom }) => {
      const rect = document.querySelectorAll('.ProseMirror > p')[index].getBoundingClientRect();
      window.scrollBy(0, rect.bottom - bottom);
    },
    { index: PARAGRAPH, bottom: viewport.height - 40 },
  );
  const before = await caretPlace(page);
  const top = await paragraphTop(page);
  expect(top).toBeGreaterThan(100);
  expect(top).toBeLessThan(viewport.height - 40);

  insertAtParagraphStart(colleague.doc, PARAGRAPH, LONG_INSERT);
  await expect
    .poll(() => caretPlace(page), { timeout: 10_000 })
    .toEqual({
      paragraph: LONG_INSERT + before.paragraph,
      offset: LONG_INSERT.length + before.offset,
    });
  // Without the patch, y-prosemirror scrolled the window down after the caret.
  expect(await paragraphTop(page)).toBe(top);
  const caretBottom = await page.evaluate(() => {
    const { view } = window.__factcheck!;
    return view.coordsAtPos(view.state.selection.head).bottom;
  });
  expect(caretBottom).toBeGreaterThan(viewport.height);

  // Text added above the window: what the reviewer reads stays where it was on screen.
  insertAtParagraphStart(colleague.doc, 0, LONG_INSERT);
  await expect
    .poll(() => page.locator('.ProseMirror > p').first().textContent(), { timeout: 10_000 })
    .toMatch(/^A colleague adds/);
  expect(Math.abs((await paragraphTop(page)) - top)).toBeLessThanOrEqual(1);
  expect((await caretPlace(page)).offset).toBe(LONG_INSERT.length + before.offset);
  await context.close();
  colleague.leave();
});

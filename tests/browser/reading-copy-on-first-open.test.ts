import { expect, it } from 'vitest';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { tagQuote } from '../helpers/articles.js';
import { waitFor } from '../helpers/wait-for.js';
import { openConnected, openReviewer, useBrowserEnvironment } from './browser-fixtures.js';
import { recordOpen, type OpenRecord } from './reading-copy-probes.js';

/**
 * A browser that has never shown an article has no reading copy of its own: it shows the server's
 * (the article drawn as the editor draws it, with every tag) before the editor, exactly as the
 * editor then draws it, and hands over to the editor as a kept copy does.
 */

const ARTICLE = '001_3252a6d8875c329f';
const PASSAGE = 'sexual harassment';

const environment = useBrowserEnvironment();

it("shows the server's reading copy, with a colleague's tag, on the first open in a fresh browser", async () => {
  const { server } = environment();
  // A colleague (a stock client) tags a passage and leaves; the article unloads and its copy is drawn again.
  const colleague = await connectSyncedClient(server.syncUrl, ARTICLE);
  const tagId = tagQuote(colleague.doc, PASSAGE, 'rumour', { id: 'colleague', name: 'Colleague' });
  colleague.leave();
  await waitFor(
    async () => {
      const response = await fetch(`${server.url}/api/articles/${ARTICLE}/reading-copy`);
      return response.ok && (await response.text()).includes(tagId);
    },
    { timeout: 20_000, message: "the colleague's tag in the server's reading copy" },
  );

  // A fresh browser context: nothing kept from an earlier visit.
  const { context, page } = await openReviewer(environment().browser, {
    id: 'reviewer-nida-first',
    name: 'Nida Malik',
  });
  await context.addInitScript(recordOpen);
  await openConnected(page, `${server.url}/articles/${ARTICLE}`);
  const record = await page.evaluate(() => (window as unknown as { __open: OpenRecord }).__open);
  expect(record.copyAt, "the server's reading copy showed highlights").not.toBeNull();
  expect(record.editorAt).not.toBeNull();
  expect(record.copyAt!).toBeLessThan(record.editorAt!);
  expect(record.copyIds).toContain(tagId);
  expect(record.copyEditable).toBe(false);
  expect(record.copyVisibleWithEditor, 'the copy hides in the frame the editor appears').toBe(false);
  await expect.poll(() => page.locator('[data-testid="reading-copy"]').count()).toBe(0);

  // The copy showed what the editor shows: the same text and the same highlights.
  const editor = await page.evaluate(() => {
    const root = document.querySelector('.ProseMirror')!;
    return {
      text: root.textContent,
      highlights: [...root.querySelectorAll('.fc-tag')].map(
        (span) => `${span.className}|${span.getAttribute('data-tag-ids')}|${span.textContent}`,
      ),
    };
  });
  expect(record.copyText).toBe(editor.text);
  expect(record.copyHighlights).toEqual(editor.highlights);
  expect(editor.highlights.some((highlight) => highlight.includes(tagId))).toBe(true);
  await context.close();
});

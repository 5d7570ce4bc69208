import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectSyncedClient } from '../helpers/sync-client.js';
import { highlightedText, openReviewer, useBrowserEnvironment } from './browser-fixtures.js';

const ARTICLE = '001_3252a6d8875c329f';

const environment = useBrowserEnvironment();
const server = () => environment().server;
const browser = () => environment().browser;

/** Finds the Y.XmlText holding `needle`, using only Yjs, as a third-party client would. */
function findText(fragment: Y.XmlFragment, needle: string): { text: Y.XmlText; index: number } {
  for (const paragraph of fragment.toArray()) {
    if (!(paragraph instanceof Y.XmlElement)) continue;
    for (const child of paragraph.toArray()) {
      if (child instanceof Y.XmlText) {
        const plain = child
          .toDelta()
          .map((op: { insert: string }) => op.insert)
          .join('');
        const index = plain.indexOf(needle);
        if (index >= 0) return { text: child, index };
      }
    }
  }
  throw new Error(`"${needle}" not found`);
}

it('draws a tag that a stock Yjs client wrote as docs/data-model.md describes', async () => {
  const { context, page } = await openReviewer(browser(), { id: 'reviewer-omar', name: 'Omar' });
  await page.goto(`${server().url}/articles/${ARTICLE}`);
  await page.locator('.ProseMirror').waitFor();

  const client = await connectSyncedClient(server().syncUrl, ARTICLE);
  const quote = 'the case against him has been dismissed';
  const { text, index } = findText(client.doc.getXmlFragment('content'), quote);
  const now = new Date().toISOString();
  client.doc.transact(() => {
    const tag = new Y.Map<unknown>();
    tag.set('label', 'allegation');
    tag.set('start', Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index, 0)));
    tag.set(
      'end',
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index + quote.length, -1)),
    );
    tag.set('quote', quote);
    tag.set('prefix', '');
    tag.set('suffix', '');
    tag.set('author', { id: 'bot', name: 'Import bot' });
    tag.set('createdAt', now);
    tag.set('updatedAt', now);
    client.doc.getMap('annotations').set('stock-client-tag', tag);
  }, 'stock-client');

  await expect.poll(() => highlightedText(page, 'allegation'), { timeout: 10_000 }).toBe(quote);
  await expect
    .poll(() => page.locator('[data-testid="tag-item"]').first().textContent())
    .toContain('Import bot');
  await context.close();
});

import { describe, expect, it } from 'vitest';
import { getContent, readAnnotations } from '@factcheck/core';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';
import { getJson, makeDataDir, startTestServer, waitFor } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];
type Listing = { id: string; title: string; counts: Record<string, number> };

describe('restarting the server', () => {
  it('keeps edits and annotations, and the library counts them', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestServer({ dataDir });
    const a = await connectSyncedClient(first.syncUrl, ARTICLE);
    const paragraphs = getContent(a.doc).length;

    typeAtStart(a.doc, 'UPDATE: ');
    tagQuote(a.doc, 'Meesha Shafi took to social media', 'allegation');
    tagQuote(a.doc, 'Ali Zafar refuted the accusations', 'denial');
    tagQuote(a.doc, 'Rumors circulated following a recent case hearing', 'rumour');
    tagQuote(a.doc, 'accused Ali Zafar of making concocted stories', 'allegation');

    await waitFor(
      async () => {
        const { body } = await getJson(first, `/api/articles/${ARTICLE}`);
        return (
          JSON.stringify((body as Listing).counts) === JSON.stringify({ allegation: 2, denial: 1, rumour: 1 })
        );
      },
      { message: 'counts in the library' },
    );
    a.leave();
    await waitFor(() => first.loadedDocumentCount() === 0, { message: 'document unloaded' });
    await first.close();

    const second = await startTestServer({ dataDir });
    const fresh = await connectSyncedClient(second.syncUrl, ARTICLE);
    expect(articleText(fresh.doc).startsWith('UPDATE: ')).toBe(true);
    // Seeding ran only on the empty directory: the article was not imported twice.
    expect(getContent(fresh.doc).length).toBe(paragraphs);
    const labels = readAnnotations(fresh.doc)
      .valid.map((annotation) => annotation.label)
      .sort();
    expect(labels).toEqual(['allegation', 'allegation', 'denial', 'rumour']);

    const { body } = await getJson(second, '/api/articles');
    const listing = (body as Listing[]).find((article) => article.id === ARTICLE);
    expect(listing?.counts).toEqual({ allegation: 2, denial: 1, rumour: 1 });
    expect((body as Listing[]).map((article) => article.id)).toEqual([...CORPUS_IDS]);
  });

  it('keeps what clients received when it closes while they are still connected', async () => {
    const dataDir = await makeDataDir();
    // A long summary delay: only the flush on close can bring the counts up to date.
    const first = await startTestServer({ dataDir, summaryDelayMs: 60_000 });
    const a = await connectSyncedClient(first.syncUrl, ARTICLE);
    const b = await connectSyncedClient(first.syncUrl, ARTICLE);

    typeAtStart(a.doc, 'BEFORE CLOSE ');
    const id = tagQuote(a.doc, 'Bring it on loser.', 'allegation');
    await waitFor(() => readAnnotations(b.doc).valid.some((annotation) => annotation.id === id));
    expect(articleText(b.doc).startsWith('BEFORE CLOSE ')).toBe(true);

    await first.close();

    const second = await startTestServer({ dataDir });
    const fresh = await connectSyncedClient(second.syncUrl, ARTICLE);
    expect(articleText(fresh.doc).startsWith('BEFORE CLOSE ')).toBe(true);
    expect(readAnnotations(fresh.doc).valid.map((annotation) => annotation.id)).toEqual([id]);
    const { body } = await getJson(second, `/api/articles/${ARTICLE}`);
    expect((body as Listing).counts).toEqual({ allegation: 1, denial: 0, rumour: 0 });
  });
});

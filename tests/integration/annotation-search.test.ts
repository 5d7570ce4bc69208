import { describe, expect, it } from 'vitest';
import {
  relabelAnnotation,
  removeAnnotation,
  setClaimField,
  setTagStatus,
  TAGGING_ORIGIN,
  type Reviewer,
} from '@factcheck/core';
import { CORPUS_IDS, tagQuote } from '../helpers/articles.js';
import { download } from '../helpers/download.js';
import { getJson, startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient, type SyncClient } from '../helpers/sync-client.js';

/** Tag search across articles: filters, offsets into the txt export, and keeping up with changes. */

const AMNA: Reviewer = { id: 'r-amna', name: 'Amna Khan' };
const BILAL: Reviewer = { id: 'r-bilal', name: 'Bilal Ahmed' };

interface TagResult {
  articleId: string;
  articleTitle: string;
  id: string;
  label: string;
  author: Reviewer;
  claimant: string;
  status: string;
  quote: string;
  start: number | null;
  end: number | null;
  adjudicated: boolean;
}

interface SearchAnswer {
  total: number;
  results: TagResult[];
}

async function search(server: TestServer, query: string): Promise<SearchAnswer> {
  const { status, body } = await getJson(server, `/api/annotations?${query}`);
  expect(status, query).toBe(200);
  return body as SearchAnswer;
}

/** Two reviewers tag two articles: claims, statuses and labels to search by. */
async function taggedLibrary(): Promise<{
  server: TestServer;
  first: SyncClient;
  second: SyncClient;
  ids: Record<string, string>;
}> {
  const server = await startTestServer();
  const first = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
  const second = await connectSyncedClient(server.syncUrl, CORPUS_IDS[2]);
  const ids = {
    accuse: tagQuote(
      first.doc,
      'publicly accuse Ali Zafar of repeatedly harassing her sexually',
      'allegation',
      AMNA,
    ),
    refuted: tagQuote(first.doc, 'Ali Zafar refuted the accusations', 'denial', BILAL),
    rumour: tagQuote(first.doc, 'Rumors circulated following a recent case hearing', 'rumour', AMNA),
    deny: tagQuote(second.doc, 'I categorically deny any and all claims of harassment', 'denial', AMNA),
    diva: tagQuote(second.doc, 'I was being seen as difficult or a diva', 'allegation', BILAL),
  };
  first.doc.transact(() => {
    setClaimField(first.doc, ids.accuse, 'claimant', 'Meesha Shafi', AMNA);
    setClaimField(first.doc, ids.refuted, 'claimant', 'Ali Zafar', BILAL);
    setTagStatus(first.doc, ids.rumour, 'disputed', AMNA);
  }, TAGGING_ORIGIN);
  second.doc.transact(() => {
    setClaimField(second.doc, ids.deny, 'claimant', 'Ali Zafar', AMNA);
    setTagStatus(second.doc, ids.deny, 'resolved', AMNA, 'Accurate quote');
  }, TAGGING_ORIGIN);
  await waitFor(
    async () => {
      const { results } = await search(server, '');
      return results.length === 5 && results.some((tag) => tag.status === 'resolved');
    },
    { message: 'every tag indexed with its details' },
  );
  return { server, first, second, ids };
}

const idsOf = (answer: SearchAnswer) => answer.results.map((tag) => tag.id);

describe('GET /api/annotations', () => {
  it('lists every tag across articles with article, reviewer, claimant, status and quote', async () => {
    const { server, ids } = await taggedLibrary();
    const all = await search(server, '');
    expect(all.total).toBe(5);
    // Articles in id order, tags in text order.
    expect(idsOf(all)).toEqual([ids.accuse, ids.refuted, ids.rumour, ids.diva, ids.deny]);
    const accuse = all.results[0];
    expect(accuse).toMatchObject({
      articleId: CORPUS_IDS[0],
      articleTitle: 'Iffat Omar, Ali Zafar Get Into Twitter Spat Over Defamation Case',
      label: 'allegation',
      author: AMNA,
      claimant: 'Meesha Shafi',
      status: 'open',
      quote: 'publicly accuse Ali Zafar of repeatedly harassing her sexually',
      adjudicated: false,
    });
  });

  it('gives start and end as code-point offsets into the txt export', async () => {
    const { server } = await taggedLibrary();
    const { results } = await search(server, '');
    for (const articleId of [CORPUS_IDS[0], CORPUS_IDS[2]]) {
      const txt = [...(await download(server, `/api/articles/${articleId}/export?format=txt`)).text];
      for (const tag of results.filter((result) => result.articleId === articleId)) {
        expect(tag.start).not.toBeNull();
        expect(txt.slice(tag.start!, tag.end!).join(''), tag.quote).toBe(tag.quote);
      }
    }
  });

  it('filters by label, reviewer (id or name), claimant, status, article and text in the quote', async () => {
    const { server, ids } = await taggedLibrary();
    expect(idsOf(await search(server, 'label=denial'))).toEqual([ids.refuted, ids.deny]);
    expect(idsOf(await search(server, 'label=denial,rumour'))).toEqual([ids.refuted, ids.rumour, ids.deny]);
    expect(idsOf(await search(server, 'author=r-bilal'))).toEqual([ids.refuted, ids.diva]);
    expect(idsOf(await search(server, 'author=amna%20khan'))).toEqual([ids.accuse, ids.rumour, ids.deny]);
    // Part of a name is enough, as a reviewer types it.
    expect(idsOf(await search(server, 'author=AMN'))).toEqual([ids.accuse, ids.rumour, ids.deny]);
    expect(idsOf(await search(server, 'author=r-amna&author=r-bilal'))).toHaveLength(5);
    expect(idsOf(await search(server, 'claimant=zafar'))).toEqual([ids.refuted, ids.deny]);
    expect(idsOf(await search(server, 'status=resolved'))).toEqual([ids.deny]);
    expect(idsOf(await search(server, 'status=disputed&label=rumour'))).toEqual([ids.rumour]);
    expect(idsOf(await search(server, `article=${CORPUS_IDS[2]}`))).toEqual([ids.diva, ids.deny]);
    // Case-insensitive, every word, or a phrase in quotes.
    expect(idsOf(await search(server, 'q=ALI%20ZAFAR'))).toEqual([ids.accuse, ids.refuted]);
    expect(idsOf(await search(server, 'q=harass'))).toEqual([ids.accuse, ids.deny]);
    expect(idsOf(await search(server, `q=${encodeURIComponent('"claims of harassment"')}`))).toEqual([
      ids.deny,
    ]);
    expect(idsOf(await search(server, 'q=harass&author=r-amna&label=allegation'))).toEqual([ids.accuse]);
    expect(await search(server, 'q=nowhere-to-be-found')).toEqual({ total: 0, results: [] });
  });

  it('caps the results at limit but counts them all', async () => {
    const { server } = await taggedLibrary();
    const capped = await search(server, 'limit=2');
    expect(capped.total).toBe(5);
    expect(capped.results).toHaveLength(2);
  });

  it('answers 400 with the choices for an unknown label or status, or a bad limit', async () => {
    const server = await startTestServer();
    const label = await getJson(server, '/api/annotations?label=gossip');
    expect(label).toMatchObject({
      status: 400,
      body: { error: expect.any(String), labels: expect.any(Array) },
    });
    const status = await getJson(server, '/api/annotations?status=closed');
    expect(status).toMatchObject({ status: 400, body: { statuses: ['open', 'disputed', 'resolved'] } });
    for (const limit of ['0', 'many', '5000', '1.5']) {
      expect((await getJson(server, `/api/annotations?limit=${limit}`)).status, limit).toBe(400);
    }
  });

  it('follows relabelled and removed tags, and leaves out archived articles unless asked', async () => {
    const { server, first, ids } = await taggedLibrary();
    first.doc.transact(
      () => relabelAnnotation(first.doc, ids.rumour, 'allegation', new Date(), AMNA),
      TAGGING_ORIGIN,
    );
    await waitFor(async () => idsOf(await search(server, 'label=rumour')).length === 0, {
      message: 'the relabelled tag left the rumours',
    });
    expect(idsOf(await search(server, 'label=allegation'))).toEqual([ids.accuse, ids.rumour, ids.diva]);
    first.doc.transact(() => removeAnnotation(first.doc, ids.refuted), TAGGING_ORIGIN);
    await waitFor(async () => (await search(server, '')).total === 4, { message: 'the removed tag gone' });

    const archived = await fetch(new URL(`/api/articles/${CORPUS_IDS[2]}`, server.url), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ archived: true }),
    });
    expect(archived.status).toBe(200);
    expect(idsOf(await search(server, ''))).toEqual([ids.accuse, ids.rumour]);
    expect(idsOf(await search(server, 'archived=true'))).toEqual([ids.diva, ids.deny]);
    expect((await search(server, 'archived=all')).total).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import {
  acceptTag,
  addThreadEntry,
  readAdjudications,
  readAnnotations,
  readTagDetails,
  TAGGING_ORIGIN,
  type Adjudication,
  type Label,
  type Reviewer,
} from '@factcheck/core';
import { CORPUS_IDS, tagQuote } from '../helpers/articles.js';
import { getJson, startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient, type SyncClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];
const AYESHA: Reviewer = { id: 'r-ayesha', name: 'Ayesha' };
const BILAL: Reviewer = { id: 'r-bilal', name: 'Bilal' };
const LEAD: Reviewer = { id: 'r-lead', name: 'Lead' };
const ACCUSE = 'publicly accuse Ali Zafar of repeatedly harassing her sexually';

interface PassageBody {
  start: number;
  end: number;
  quote: string;
  annotations: string[];
  disputed: boolean;
  reasons: string[];
  adjudication: Adjudication | null;
}

interface ReviewBody {
  passages: PassageBody[];
  agreement: { alpha: number | null; kappa: { a: string; b: string; value: number | null }[] };
  reviewers: Reviewer[];
}

/** Tags the first occurrence of `quote` in a reviewer's own copy, as that reviewer; returns the id. */
function tagAs(client: SyncClient, quote: string, label: Label, author: Reviewer): string {
  return tagQuote(client.doc, quote, label, author);
}

async function review(server: TestServer, query = ''): Promise<ReviewBody> {
  const { status, body } = await getJson(server, `/api/articles/${ARTICLE}/review${query}`);
  expect(status).toBe(200);
  return body as ReviewBody;
}

function threadTexts(client: SyncClient, tagId: string): string[] {
  return readTagDetails(client.doc, tagId)?.thread.map((entry) => entry.text) ?? [];
}

describe('reviewers and a lead on one article', () => {
  it('a lead accepts one reviewer’s tag: the passage records the decision and the adjudicated view shows it', async () => {
    const server = await startTestServer();
    const [ayesha, bilal, lead] = await Promise.all(
      [0, 1, 2].map(() => connectSyncedClient(server.syncUrl, ARTICLE)),
    );
    const ayeshaTag = tagAs(ayesha, ACCUSE, 'allegation', AYESHA);
    const bilalTag = tagAs(bilal, ACCUSE, 'rumour', BILAL);
    await waitFor(() => readAnnotations(lead.doc).valid.length === 2, { message: 'the lead sees both tags' });
    const before = await waitFor(
      async () => {
        const current = await review(server);
        return current.passages[0]?.annotations.length === 2 ? current : null;
      },
      { message: 'the server has both tags' },
    );
    expect(before.passages).toHaveLength(1);
    expect(before.passages[0]).toMatchObject({
      disputed: true,
      reasons: ['labels-differ'],
      adjudication: null,
    });

    // The lead decides from what the review endpoint lists, in their own client.
    const accepted = readAnnotations(lead.doc).valid.find((annotation) => annotation.id === bilalTag)!;
    const passageTags = before.passages[0].annotations;
    const decisionId = lead.doc.transact(
      () => acceptTag(lead.doc, passageTags, accepted, LEAD),
      TAGGING_ORIGIN,
    );

    const after = await waitFor(
      async () => {
        const current = await review(server);
        return current.passages[0]?.adjudication ? current : null;
      },
      { message: 'the server has the decision' },
    );
    const decision = after.passages[0].adjudication!;
    expect(decision).toMatchObject({ id: decisionId, kind: 'accept', decidedBy: LEAD });
    expect([...decision.annotationIds].sort()).toEqual([ayeshaTag, bilalTag].sort());
    expect(Date.parse(decision.decidedAt)).not.toBeNaN();
    // Every reviewer's tags stay in the default view, so the dispute stays visible with its decision.
    expect(after.passages).toHaveLength(1);
    expect(after.passages[0]).toMatchObject({ disputed: true, reasons: ['labels-differ'] });
    expect([...after.passages[0].annotations].sort()).toEqual([ayeshaTag, bilalTag].sort());
    // The decided tag is no one's: the lead is no reviewer and the figures do not move.
    expect(after.reviewers).toEqual([AYESHA, BILAL]);
    expect(after.agreement).toEqual(before.agreement);

    const adjudicated = await review(server, '?view=adjudicated');
    expect(adjudicated.passages).toHaveLength(1);
    expect(adjudicated.passages[0]).toMatchObject({
      start: before.passages[0].start,
      end: before.passages[0].end,
      quote: ACCUSE,
      annotations: [decision.resultId],
      disputed: false,
      reasons: [],
      adjudication: decision,
    });
    // Agreement compares the reviewers' own tags whatever the view.
    expect(adjudicated.agreement).toEqual(before.agreement);
    expect(adjudicated.reviewers).toEqual([AYESHA, BILAL]);

    await waitFor(() => [ayesha, bilal].every((client) => readAdjudications(client.doc).length === 1), {
      message: 'the reviewers see the decision',
    });
    const decided = readAnnotations(ayesha.doc).valid.find(
      (annotation) => annotation.id === decision.resultId,
    );
    expect(decided).toMatchObject({ label: 'rumour', adjudicated: true, author: LEAD });
  });

  /** Both reviewers go offline, each comments on `tag`, then both come back; returns the thread once synced. */
  async function commentApartThenSync(
    server: TestServer,
    ayesha: SyncClient,
    bilal: SyncClient,
    tag: string,
  ) {
    const already = threadTexts(ayesha, tag);
    for (const client of [ayesha, bilal]) client.provider.disconnect();
    await waitFor(() => server.connectionCount() === 0, { message: 'both reviewers offline' });
    ayesha.doc.transact(
      () => addThreadEntry(ayesha.doc, tag, { author: AYESHA, text: 'Source: the 2018 tweets.' }),
      TAGGING_ORIGIN,
    );
    bilal.doc.transact(
      () => addThreadEntry(bilal.doc, tag, { author: BILAL, text: 'Reads as a rumour to me.' }),
      TAGGING_ORIGIN,
    );
    expect(threadTexts(ayesha, tag)).toEqual([...already, 'Source: the 2018 tweets.']);
    expect(threadTexts(bilal, tag)).toEqual([...already, 'Reads as a rumour to me.']);

    for (const client of [ayesha, bilal]) client.provider.connect();
    const expected = already.length + 2;
    await waitFor(() => [ayesha, bilal].every((client) => threadTexts(client, tag).length === expected), {
      message: 'both reviewers have both comments',
    });
    expect(threadTexts(ayesha, tag)).toEqual(threadTexts(bilal, tag));
    expect(threadTexts(ayesha, tag).slice(already.length).sort()).toEqual([
      'Reads as a rumour to me.',
      'Source: the 2018 tweets.',
    ]);

    // The server kept both: a reviewer joining now gets the same thread and history.
    const latecomer = await connectSyncedClient(server.syncUrl, ARTICLE);
    expect(threadTexts(latecomer, tag)).toEqual(threadTexts(ayesha, tag));
    const history = readTagDetails(latecomer.doc, tag)!.history.filter((entry) => entry.action === 'thread');
    return { thread: readTagDetails(latecomer.doc, tag)!.thread, history };
  }

  async function reviewersWithATag() {
    const server = await startTestServer();
    const [ayesha, bilal] = await Promise.all([0, 1].map(() => connectSyncedClient(server.syncUrl, ARTICLE)));
    const tag = tagAs(ayesha, ACCUSE, 'allegation', AYESHA);
    await waitFor(() => readTagDetails(bilal.doc, tag) !== null, { message: 'bilal sees the tag' });
    return { server, ayesha, bilal, tag };
  }

  it('keeps both first comments two reviewers add to the same tag before their copies sync', async () => {
    const { server, ayesha, bilal, tag } = await reviewersWithATag();
    const { thread, history } = await commentApartThenSync(server, ayesha, bilal, tag);
    expect(thread.map((entry) => entry.author.id).sort()).toEqual([AYESHA.id, BILAL.id]);
    expect(history.map((entry) => entry.by?.id).sort()).toEqual([AYESHA.id, BILAL.id]);
  });

  it('keeps both comments two reviewers add to a tag that already has a thread', async () => {
    const { server, ayesha, bilal, tag } = await reviewersWithATag();
    ayesha.doc.transact(
      () => addThreadEntry(ayesha.doc, tag, { author: AYESHA, text: 'Who else reported this?' }),
      TAGGING_ORIGIN,
    );
    await waitFor(() => threadTexts(bilal, tag).length === 1, { message: 'bilal sees the first comment' });
    const { thread, history } = await commentApartThenSync(server, ayesha, bilal, tag);
    expect(thread.map((entry) => entry.author.id).sort()).toEqual([AYESHA.id, AYESHA.id, BILAL.id]);
    expect(history.map((entry) => entry.by?.id).sort()).toEqual([AYESHA.id, AYESHA.id, BILAL.id]);
  });
});

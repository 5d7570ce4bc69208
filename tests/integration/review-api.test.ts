import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  confusionTable,
  krippendorffAlphaNominal,
  setResponseLink,
  setTagStatus,
  TAGGING_ORIGIN,
  type Label,
  type Reviewer,
} from '@factcheck/core';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';
import { download } from '../helpers/download.js';
import { getJson, startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient, type SyncClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];
const AYESHA: Reviewer = { id: 'r-ayesha', name: 'Ayesha' };
const BILAL: Reviewer = { id: 'r-bilal', name: 'Bilal' };
const CHEN: Reviewer = { id: 'r-chen', name: 'Chen' };

/** Typed at the start so code-point offsets differ from UTF-16 ones. */
const ASTRAL = '🧪🧪 ';
const ACCUSE = 'publicly accuse Ali Zafar of repeatedly harassing her sexually';
const REFUTED_LONG = 'Ali Zafar refuted the accusations and filed a defamation case against Meesha Shafi';
const REFUTED_SHORT = 'Ali Zafar refuted the accusations';
const CONFESSED = 'Shafi "confessed to making a false statement."';
const LOSER = 'Bring it on loser.';

interface PassageBody {
  start: number;
  end: number;
  quote: string;
  annotations: string[];
  disputed: boolean;
  reasons: string[];
  adjudication: unknown;
}

interface ReviewBody {
  passages: PassageBody[];
  agreement: {
    alpha: number | null;
    kappa: {
      a: string;
      b: string;
      value: number | null;
      confusion: Record<string, Record<string, number>>;
    }[];
  };
  reviewers: Reviewer[];
  unansweredAllegations: string[];
  orphans: string[];
}

/** A tag as the test knows it, to compute agreement without the server. */
interface WrittenTag {
  id: string;
  quote: string;
  label: Label;
  author: Reviewer;
}

/** Tags the first occurrence of `quote` in a reviewer's own copy, as that reviewer. */
function tagAs(client: SyncClient, quote: string, label: Label, author: Reviewer): WrittenTag {
  return { id: tagQuote(client.doc, quote, label, author), quote, label, author };
}

function transact(doc: Y.Doc, change: () => void): void {
  doc.transact(change, TAGGING_ORIGIN);
}

async function review(server: TestServer, query = ''): Promise<ReviewBody> {
  const { status, body } = await getJson(server, `/api/articles/${ARTICLE}/review${query}`);
  expect(status).toBe(200);
  return body as ReviewBody;
}

/** Code-point span of the first occurrence of `quote` in `text`. */
function codePointSpan(text: string, quote: string): { start: number; end: number } {
  const index = text.indexOf(quote);
  if (index < 0) throw new Error(`not in the text: ${quote}`);
  const start = [...text.slice(0, index)].length;
  return { start, end: start + [...quote].length };
}

/**
 * Agreement computed unit by unit, one unit per code point, straight from the definitions in the
 * issue (no runs, no `textAgreement`). Each reviewer's tags here do not overlap one another.
 */
function unitByUnitAgreement(text: string, tags: readonly WrittenTag[]) {
  const reviewers = [...new Set(tags.map((tag) => tag.author.id))].sort();
  const units = [...text].map(() => reviewers.map((): string => 'none'));
  for (const tag of tags) {
    const { start, end } = codePointSpan(text, tag.quote);
    const column = reviewers.indexOf(tag.author.id);
    for (let unit = start; unit < end; unit++) units[unit][column] = tag.label;
  }
  const alpha = krippendorffAlphaNominal(units);
  const kappa = [];
  for (let a = 0; a < reviewers.length; a++) {
    for (let b = a + 1; b < reviewers.length; b++) {
      const table = confusionTable(units.map((codes) => ({ a: codes[a], b: codes[b] })));
      const confusion: Record<string, Record<string, number>> = {};
      for (const [row, cells] of table) confusion[row] = Object.fromEntries(cells);
      kappa.push({ a: reviewers[a], b: reviewers[b], value: cohenKappa(table), confusion });
    }
  }
  return { alpha, kappa };
}

/** Three reviewers on article 000, each tagging in their own client, with an emoji typed first. */
async function threeReviewers() {
  const server = await startTestServer();
  const [ayesha, bilal, chen] = await Promise.all(
    [0, 1, 2].map(() => connectSyncedClient(server.syncUrl, ARTICLE)),
  );
  typeAtStart(ayesha.doc, ASTRAL);
  await waitFor(() => [bilal, chen].every((client) => articleText(client.doc).startsWith(ASTRAL)), {
    message: 'every reviewer has the typed text',
  });
  const tags = [
    tagAs(ayesha, ACCUSE, 'allegation', AYESHA),
    tagAs(bilal, ACCUSE, 'rumour', BILAL),
    tagAs(chen, ACCUSE, 'allegation', CHEN),
    tagAs(ayesha, REFUTED_LONG, 'denial', AYESHA),
    tagAs(bilal, REFUTED_SHORT, 'denial', BILAL),
    tagAs(chen, CONFESSED, 'rumour', CHEN),
    tagAs(ayesha, LOSER, 'allegation', AYESHA),
    tagAs(chen, LOSER, 'allegation', CHEN),
  ];
  const [ayeshaAccuse, , , , bilalRefuted, chenConfessed] = tags;
  transact(chen.doc, () => setTagStatus(chen.doc, chenConfessed.id, 'disputed', CHEN));
  await waitFor(() => bilal.doc.getMap('annotations').has(ayeshaAccuse.id), { message: 'bilal sees ayesha' });
  transact(bilal.doc, () => setResponseLink(bilal.doc, bilalRefuted.id, ayeshaAccuse.id, true, BILAL));
  const body = await waitFor(
    async () => {
      const current = await review(server);
      const marked = current.passages.some((passage) => passage.reasons.includes('marked-disputed'));
      return current.passages.length === 4 && marked && current.unansweredAllegations.length === 3
        ? current
        : null;
    },
    { message: 'the server has every tag, status and link' },
  );
  return { server, clients: [ayesha, bilal, chen], tags, body };
}

describe('GET /api/articles/:id/review', () => {
  it('lists passages in text order with their dispute reasons and code-point offsets of the txt export', async () => {
    const { server, tags, body } = await threeReviewers();
    const txt = (await download(server, `/api/articles/${ARTICLE}/export?format=txt`)).text;
    expect(txt.startsWith(ASTRAL)).toBe(true);
    const ids = (quotes: string[]) =>
      tags
        .filter((tag) => quotes.includes(tag.quote))
        .map((tag) => tag.id)
        .sort();
    const expected = [
      { quote: ACCUSE, tags: ids([ACCUSE]), reasons: ['labels-differ'] },
      { quote: REFUTED_LONG, tags: ids([REFUTED_LONG, REFUTED_SHORT]), reasons: ['boundaries-differ'] },
      { quote: CONFESSED, tags: ids([CONFESSED]), reasons: ['marked-disputed'] },
      { quote: LOSER, tags: ids([LOSER]), reasons: [] },
    ];
    expect(body.passages).toHaveLength(expected.length);
    body.passages.forEach((passage, index) => {
      const want = expected[index];
      const span = codePointSpan(txt, want.quote);
      // The emoji makes code points and UTF-16 units differ; the API speaks code points.
      expect(span.start).not.toBe(txt.indexOf(want.quote));
      expect(passage).toMatchObject({ ...span, quote: want.quote, reasons: want.reasons });
      expect([...txt].slice(passage.start, passage.end).join('')).toBe(passage.quote);
      expect([...passage.annotations].sort()).toEqual(want.tags);
      expect(passage.disputed).toBe(want.reasons.length > 0);
      expect(passage.adjudication).toBeNull();
    });

    expect(body.reviewers).toEqual([AYESHA, BILAL, CHEN]);
    const answered = tags[0].id;
    const allegations = tags.filter((tag) => tag.label === 'allegation' && tag.id !== answered);
    expect(body.unansweredAllegations).toEqual(allegations.map((tag) => tag.id).sort());
    expect(body.orphans).toEqual([]);
  });

  it('gives Krippendorff’s alpha and Cohen’s kappa with confusion tables as computed unit by unit', async () => {
    const { server, tags, body } = await threeReviewers();
    const txt = (await download(server, `/api/articles/${ARTICLE}/export?format=txt`)).text;
    const expected = unitByUnitAgreement(txt, tags);
    expect(expected.alpha).not.toBeNull();
    expect(body.agreement.alpha).toBeCloseTo(expected.alpha!, 12);
    expect(body.agreement.kappa.map(({ a, b }) => [a, b])).toEqual(expected.kappa.map(({ a, b }) => [a, b]));
    body.agreement.kappa.forEach((pair, index) => {
      expect(pair.value).toBeCloseTo(expected.kappa[index].value!, 12);
      expect(pair.confusion).toEqual(expected.kappa[index].confusion);
    });
  });

  it('has no alpha and no kappa with a single reviewer', async () => {
    const server = await startTestServer();
    const client = await connectSyncedClient(server.syncUrl, ARTICLE);
    tagAs(client, ACCUSE, 'allegation', AYESHA);
    tagAs(client, CONFESSED, 'rumour', AYESHA);
    const body = await waitFor(
      async () => {
        const current = await review(server);
        return current.passages.length === 2 ? current : null;
      },
      { message: 'the server has both tags' },
    );
    expect(body.agreement).toEqual({ alpha: null, kappa: [] });
    expect(body.reviewers).toEqual([AYESHA]);
    expect(body.passages.map((passage) => passage.disputed)).toEqual([false, false]);
  });

  it('reads a stored article without loading it, and answers the same as when it was live', async () => {
    const { server, clients, body } = await threeReviewers();
    for (const client of clients) client.leave();
    await waitFor(() => server.loadedDocumentCount() === 0, { message: 'the article unloaded' });
    // Tags of a passage that start together come in the document's map order, which a reload changes.
    const normalized = (answer: ReviewBody) => ({
      ...answer,
      passages: answer.passages.map((passage) => ({
        ...passage,
        annotations: [...passage.annotations].sort(),
      })),
    });
    expect(normalized(await review(server))).toEqual(normalized(body));
    expect(normalized(await review(server, '?view=all'))).toEqual(normalized(body));
    expect(server.loadedDocumentCount()).toBe(0);
  });

  it('answers 404 for an unknown article and 400 for a malformed id or an unknown view', async () => {
    const server = await startTestServer();
    const unknown = await getJson(server, '/api/articles/no_such_article/review');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'No article with id no_such_article.' });
    expect((await getJson(server, '/api/articles/bad.id/review')).status).toBe(400);
    for (const query of ['?view=final', '?view=all&view=adjudicated', '?view=']) {
      const answer = await getJson(server, `/api/articles/${ARTICLE}/review${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body, query).toMatchObject({ views: ['all', 'adjudicated'] });
      expect((await getJson(server, `/api/review${query}`)).status, query).toBe(400);
    }
    const untagged = await review(server, '?view=adjudicated');
    expect(untagged).toEqual({
      passages: [],
      agreement: { alpha: null, kappa: [] },
      reviewers: [],
      unansweredAllegations: [],
      orphans: [],
    });
  });
});

describe('GET /api/review', () => {
  it('lists the disputed passages of every article that has tags', async () => {
    const { server, body } = await threeReviewers();
    const listing = await getJson(server, `/api/articles/${ARTICLE}`);
    const disputed = body.passages.filter((passage) => passage.disputed);
    expect(disputed).toHaveLength(3);
    const expected = [
      {
        id: ARTICLE,
        title: (listing.body as { title: string }).title,
        disputed: disputed.length,
        passages: disputed,
        agreement: { alpha: body.agreement.alpha },
      },
    ];
    // The list comes from the library's summaries, which follow a loaded article's edits shortly.
    await expect
      .poll(async () => (await getJson(server, '/api/review')).body, { timeout: 15_000 })
      .toEqual(expected);
    expect((await getJson(server, '/api/review')).status).toBe(200);
    // The adjudicated view reads the articles themselves; with nothing decided it lists the same.
    expect((await getJson(server, '/api/review?view=adjudicated')).body).toEqual(expected);
  });

  it('is empty when no article has tags', async () => {
    const server = await startTestServer();
    expect(await getJson(server, '/api/review')).toEqual({ status: 200, body: [] });
  });
});

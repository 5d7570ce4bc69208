import * as Y from 'yjs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  acceptTag,
  addThreadEntry,
  getMeta,
  META_ORIGIN,
  readAnnotations,
  setClaimField,
  setTagStatus,
  TAGGING_ORIGIN,
  type Label,
  type Reviewer,
} from '@factcheck/core';
import { DEFAULT_ORGANISATION, EXPORT_FORMATS, exportFormats } from '@factcheck/export';
import { articleText, CORPUS_IDS, tagQuote as tagAs } from '../helpers/articles.js';
import { dispositionNames, download } from '../helpers/download.js';
import { startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];
const TITLE = 'Iffat Omar, Ali Zafar Get Into Twitter Spat Over Defamation Case';
const SLUG = 'iffat-omar-ali-zafar-get-into-twitter-spat-over-defamation-case';
const AYESHA: Reviewer = { id: 'r-ayesha', name: 'Ayesha' };
const BILAL: Reviewer = { id: 'r-bilal', name: 'Bilal' };

const TAGS: { quote: string; label: Label; author: Reviewer }[] = [
  {
    quote: 'publicly accuse Ali Zafar of repeatedly harassing her sexually',
    label: 'allegation',
    author: AYESHA,
  },
  { quote: 'Ali Zafar refuted the accusations', label: 'denial', author: BILAL },
  { quote: 'Shafi "confessed to making a false statement."', label: 'rumour', author: AYESHA },
];

interface W3cItem {
  motivation: string;
  /** The label's body, followed by the claimant's and subject's when the tag names them. */
  body: { value: string } | { value: string }[];
  creator: { name: string };
  target: { selector: { type: string; exact?: string }[] };
}

/** The tagging annotations of a w3c export (review annotations on them left out). */
function w3cItems(body: { first?: { items: W3cItem[] } }): W3cItem[] {
  return (body.first?.items ?? []).filter((item) => item.motivation === 'tagging');
}

/** A server with the three tags written by a connected client and stored. */
async function taggedServer(): Promise<{ server: TestServer; doc: Y.Doc }> {
  const server = await startTestServer();
  const client = await connectSyncedClient(server.syncUrl, ARTICLE);
  for (const tag of TAGS) tagAs(client.doc, tag.quote, tag.label, tag.author);
  await waitFor(
    async () => {
      const response = await download(server, `/api/articles/${ARTICLE}/export?format=w3c`);
      return w3cItems(response.json()).length === TAGS.length;
    },
    { message: 'the server has every tag' },
  );
  return { server, doc: client.doc };
}

describe('export over HTTP', () => {
  it('downloads every format with its content type and a file name from the title', async () => {
    const { server, doc } = await taggedServer();
    for (const name of EXPORT_FORMATS) {
      const format = exportFormats[name];
      const response = await download(server, `/api/articles/${ARTICLE}/export?format=${name}`);
      expect(response.status, name).toBe(200);
      expect(response.contentType, name).toBe(format.contentType);
      expect(dispositionNames(response.disposition), name).toEqual({
        ascii: `${SLUG}.${format.extension}`,
        unicode: `${TITLE}.${format.extension}`,
      });
      expect(response.disposition.startsWith('attachment;'), name).toBe(true);
      expect(response.bytes.byteLength, name).toBeGreaterThan(0);
    }
    const txt = await download(server, `/api/articles/${ARTICLE}/export?format=txt`);
    expect(txt.text).toBe(articleText(doc));
    const html = await download(server, `/api/articles/${ARTICLE}/export?format=html`);
    for (const tag of TAGS) expect(html.text).toContain(tag.label);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    const docx = await download(server, `/api/articles/${ARTICLE}/export?format=docx`);
    const comments = strFromU8(unzipSync(docx.bytes)['word/comments.xml']);
    expect(comments.match(/<w:comment /gu)).toHaveLength(TAGS.length);
    const pdf = await download(server, `/api/articles/${ARTICLE}/export?format=pdf`);
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const w3c = await download(server, `/api/articles/${ARTICLE}/export?format=w3c`);
    expect(w3c.json<{ id: string }>().id).toBe(`${server.url}/articles/${ARTICLE}/annotations`);
    const csv = await download(server, `/api/articles/${ARTICLE}/export?format=csv`);
    expect(csv.text.trim().split(/\r\n/u)).toHaveLength(TAGS.length + 1);
    const brat = unzipSync((await download(server, `/api/articles/${ARTICLE}/export?format=brat`)).bytes);
    expect(Object.keys(brat).sort()).toEqual(
      [
        `${SLUG}.ann`,
        `${SLUG}.txt`,
        `${SLUG}.unanchored.csv`,
        `${SLUG}.meta.json`,
        'annotation.conf',
        'visual.conf',
      ].sort(),
    );
    expect(strFromU8(brat[`${SLUG}.txt`])).toBe(articleText(doc));
    const bratLines = strFromU8(brat[`${SLUG}.ann`]).split('\n');
    expect(bratLines.filter((line) => /^T\d+\t/u.test(line))).toHaveLength(TAGS.length);
  });

  it('keeps only the labels and reviewers asked for, repeated or comma-separated', async () => {
    const { server } = await taggedServer();
    const labelsOf = async (query: string) => {
      const response = await download(server, `/api/articles/${ARTICLE}/export?format=w3c&${query}`);
      expect(response.status, query).toBe(200);
      return w3cItems(response.json())
        .map((item) => [item.body].flat()[0].value)
        .sort();
    };
    expect(await labelsOf('label=denial')).toEqual(['denial']);
    expect(await labelsOf('label=denial&label=rumour')).toEqual(['denial', 'rumour']);
    expect(await labelsOf('label=allegation,rumour')).toEqual(['allegation', 'rumour']);
    expect(await labelsOf(`author=${AYESHA.id}`)).toEqual(['allegation', 'rumour']);
    expect(await labelsOf(`author=${BILAL.id}&label=allegation`)).toEqual([]);
    expect(await labelsOf(`author=${AYESHA.id},${BILAL.id}`)).toEqual(['allegation', 'denial', 'rumour']);

    const bad = await download(server, `/api/articles/${ARTICLE}/export?format=w3c&label=gossip`);
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({
      error: expect.stringContaining('gossip'),
      labels: ['allegation', 'denial', 'rumour'],
    });
  });

  it('answers 400 with the list of formats for a missing or unknown format, 404 for an unknown article', async () => {
    const server = await startTestServer();
    for (const query of ['', '?format=exe', '?format=txt&format=html', '?format=']) {
      const response = await download(server, `/api/articles/${ARTICLE}/export${query}`);
      expect(response.status, query).toBe(400);
      expect(response.json(), query).toEqual({ error: expect.any(String), formats: [...EXPORT_FORMATS] });
    }
    const zip = await download(server, '/api/export?format=rtf');
    expect(zip.status).toBe(400);
    expect(zip.json()).toMatchObject({ formats: [...EXPORT_FORMATS] });
    const missing = await download(server, '/api/articles/no_such_article/export?format=txt');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ error: expect.any(String) });
    const invalid = await download(server, '/api/articles/a.b/export?format=txt');
    expect(invalid.status).toBe(400);
  });

  it('exports a stored article without loading it, and a loaded one as connected reviewers see it', async () => {
    const server = await startTestServer();
    const stored = await download(server, `/api/articles/${CORPUS_IDS[1]}/export?format=txt`);
    expect(stored.status).toBe(200);
    expect(stored.text.length).toBeGreaterThan(100);
    expect(server.loadedDocumentCount()).toBe(0);

    const client = await connectSyncedClient(server.syncUrl, CORPUS_IDS[1]);
    client.doc.transact(() => getMeta(client.doc).set('title', 'Renamed live'), META_ORIGIN);
    const renamed = await waitFor(async () => {
      const response = await download(server, `/api/articles/${CORPUS_IDS[1]}/export?format=md`);
      return dispositionNames(response.disposition).ascii === 'renamed-live.md' ? response : null;
    });
    expect(renamed.text).toContain('Renamed live');
  });

  it('shows the metadata a reviewer gave the article in the exports, live', async () => {
    const server = await startTestServer();
    const client = await connectSyncedClient(server.syncUrl, ARTICLE);
    client.doc.transact(() => {
      const meta = getMeta(client.doc);
      meta.set('outlet', 'Dawn <News>');
      meta.set('authors', 'Ayesha Khan; Bilal Ahmed');
      meta.set('language', 'en');
    }, META_ORIGIN);
    const html = await waitFor(async () => {
      const response = await download(server, `/api/articles/${ARTICLE}/export?format=html`);
      return response.text.includes('Dawn &lt;News&gt;') ? response : null;
    });
    expect(html.text).toContain('<dt>Author(s)</dt><dd dir="auto">Ayesha Khan; Bilal Ahmed</dd>');
    const docx = await download(server, `/api/articles/${ARTICLE}/export?format=docx`);
    const core = strFromU8(unzipSync(docx.bytes)['docProps/core.xml']);
    expect(core).toContain('<dc:creator>Ayesha Khan; Bilal Ahmed</dc:creator>');
    expect(core).toContain('<dc:language>en</dc:language>');
    const w3c = await download(server, `/api/articles/${ARTICLE}/export?format=w3c`);
    expect(w3c.json<Record<string, unknown>>()['schema:about']).toMatchObject({
      'schema:publisher': { 'schema:name': 'Dawn <News>' },
      'schema:inLanguage': 'en',
    });
    const txt = await download(server, `/api/articles/${ARTICLE}/export?format=txt`);
    expect(txt.text).toBe(articleText(client.doc));
  });

  it('puts the whole title in filename* and a safe ASCII slug in filename', async () => {
    const server = await startTestServer();
    const client = await connectSyncedClient(server.syncUrl, ARTICLE);
    const title = 'Zafar & Shafi: “قانونی” 😀 / "case"\u202Egpj.exe';
    client.doc.transact(() => getMeta(client.doc).set('title', title), META_ORIGIN);
    const response = await waitFor(async () => {
      const candidate = await download(server, `/api/articles/${ARTICLE}/export?format=html`);
      return dispositionNames(candidate.disposition).ascii !== `${SLUG}.html` ? candidate : null;
    });
    expect(dispositionNames(response.disposition)).toEqual({
      ascii: 'zafar-shafi-case-gpj-exe.html',
      unicode: 'Zafar & Shafi “قانونی” 😀 case gpj.exe.html',
    });
  });

  it('zips every article in one format, one file per article with unique names', async () => {
    const server = await startTestServer();
    // Two articles with one title must still give two files.
    const client = await connectSyncedClient(server.syncUrl, CORPUS_IDS[2]);
    client.doc.transact(() => getMeta(client.doc).set('title', TITLE), META_ORIGIN);
    await waitFor(async () => {
      const response = await download(server, `/api/articles/${CORPUS_IDS[2]}/export?format=txt`);
      return dispositionNames(response.disposition).ascii === `${SLUG}.txt`;
    });

    const response = await download(server, '/api/export?format=txt');
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/zip');
    const date = new Date().toISOString().slice(0, 10);
    expect(dispositionNames(response.disposition).ascii).toBe(`factcheck-export-txt-${date}.zip`);
    const files = unzipSync(response.bytes);
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(3);
    expect(names).toEqual(expect.arrayContaining([`${SLUG}.txt`, `${SLUG}-2.txt`]));
    for (const bytes of Object.values(files)) expect(strFromU8(bytes).length).toBeGreaterThan(100);

    const docx = await download(server, '/api/export?format=docx&label=denial');
    expect(docx.status).toBe(200);
    const docxNames = Object.keys(unzipSync(docx.bytes));
    expect(docxNames).toHaveLength(3);
    for (const name of docxNames) expect(name).toMatch(/\.docx$/u);
  });

  it('exports the decided tag by default and every reviewer tag with ?view=all, filters applied after', async () => {
    const { server, doc } = await taggedServer();
    const lead: Reviewer = { id: 'r-lead', name: 'Lead' };
    const [allegation] = readAnnotations(doc).valid.filter((tag) => tag.label === 'allegation');
    // Bilal disagrees on Ayesha's allegation; the lead accepts hers, resolves it and comments.
    const rival = tagAs(doc, TAGS[0].quote, 'rumour', BILAL);
    doc.transact(() => {
      acceptTag(doc, [allegation.id, rival], allegation, lead);
    }, TAGGING_ORIGIN);
    const decided = readAnnotations(doc).valid.find((tag) => tag.adjudicated)!;
    doc.transact(() => {
      setClaimField(doc, decided.id, 'claimant', 'Meesha Shafi', lead);
      setTagStatus(doc, decided.id, 'resolved', lead, 'Disputed by the court');
      addThreadEntry(doc, decided.id, { author: lead, text: 'Both readings checked.' });
    }, TAGGING_ORIGIN);
    const exportOf = async (query: string) => {
      const response = await download(server, `/api/articles/${ARTICLE}/export?${query}`);
      expect(response.status, query).toBe(200);
      return response;
    };
    const adjudicated = await waitFor(
      async () => {
        const body = (await exportOf('format=w3c')).json<{ first?: { items: W3cItem[] } }>();
        return body.first?.items.some((item) => item.motivation === 'commenting') ? body : null;
      },
      { message: 'the server has the review' },
    );
    const summary = (items: W3cItem[]) =>
      items.map((item) => `${[item.body].flat()[0].value} by ${item.creator.name}`).sort();
    expect(summary(w3cItems(adjudicated))).toEqual([
      'allegation by Lead',
      'denial by Bilal',
      'rumour by Ayesha',
    ]);
    expect(adjudicated.first!.items.map((item) => item.motivation)).toEqual([
      'tagging',
      'tagging',
      'tagging',
      'commenting',
      'assessing',
    ]);
    expect(await exportOf('format=w3c&view=adjudicated').then((r) => r.json())).toEqual(adjudicated);

    const all = (await exportOf('format=w3c&view=all')).json<{ first?: { items: W3cItem[] } }>();
    expect(summary(w3cItems(all))).toEqual([
      'allegation by Ayesha',
      'denial by Bilal',
      'rumour by Ayesha',
      'rumour by Bilal',
    ]);
    const bilalOnly = (await exportOf(`format=w3c&view=all&author=${BILAL.id}`)).json<{
      first?: { items: W3cItem[] };
    }>();
    expect(summary(w3cItems(bilalOnly))).toEqual(['denial by Bilal', 'rumour by Bilal']);
    const leadOnly = (await exportOf('format=w3c&author=r-lead')).json<{ first?: { items: W3cItem[] } }>();
    expect(summary(w3cItems(leadOnly))).toEqual(['allegation by Lead']);

    const html = (await exportOf('format=html')).text;
    expect(html).toContain('Decided by Lead');
    expect(html).toContain('Both readings checked.');
    expect((await exportOf('format=html&view=all')).text).not.toContain('Decided by Lead');

    const markdown = await exportOf('format=md&view=all');
    expect(markdown.text).toContain('Bilal');
    const everything = await download(server, '/api/export?format=w3c&view=all');
    expect(everything.status).toBe(200);
  });

  it('answers 400 with the list of views for an unknown, empty or repeated view', async () => {
    const server = await startTestServer();
    for (const query of ['view=decided', 'view=', 'view=all&view=adjudicated', 'view=ALL']) {
      const response = await download(server, `/api/articles/${ARTICLE}/export?format=txt&${query}`);
      expect(response.status, query).toBe(400);
      expect(response.json(), query).toEqual({ error: expect.any(String), views: ['adjudicated', 'all'] });
    }
    const zip = await download(server, '/api/export?format=txt&view=mine');
    expect(zip.status).toBe(400);
    expect(zip.json()).toMatchObject({ views: ['adjudicated', 'all'] });
  });

  it('exports ClaimReview JSON-LD for resolved tags, naming the organisation from FACTCHECK_ORGANISATION', async () => {
    const { server, doc } = await taggedServer();
    const [denial] = readAnnotations(doc).valid.filter((tag) => tag.label === 'denial');
    doc.transact(() => {
      setClaimField(doc, denial.id, 'claimant', 'Ali Zafar', AYESHA);
      setTagStatus(doc, denial.id, 'resolved', AYESHA, 'Misleading');
    }, TAGGING_ORIGIN);
    const claimReviews = async () => {
      const response = await download(server, `/api/articles/${ARTICLE}/export?format=claimreview`);
      expect(response.status).toBe(200);
      expect(response.contentType).toBe('application/ld+json');
      return response.json<
        { author: { name: string }; reviewRating: { alternateName: string }; url: string }[]
      >();
    };
    const [review] = await waitFor(async () => {
      const reviews = await claimReviews();
      return reviews.length === 1 ? reviews : null;
    });
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: TAGS[1].quote,
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Ali Zafar' } },
      reviewRating: { '@type': 'Rating', alternateName: 'Misleading' },
      author: { '@type': 'Organization', name: DEFAULT_ORGANISATION },
      url: `${server.url}/articles/${ARTICLE}#tag-${denial.id}`,
    });
    const previous = process.env.FACTCHECK_ORGANISATION;
    process.env.FACTCHECK_ORGANISATION = 'Soch Fact Check';
    onTestFinished(() => {
      if (previous === undefined) delete process.env.FACTCHECK_ORGANISATION;
      else process.env.FACTCHECK_ORGANISATION = previous;
    });
    expect((await claimReviews())[0].author.name).toBe('Soch Fact Check');
  });

  it('answers 503 with the reason when Chromium is missing for a pdf', async () => {
    const server = await startTestServer();
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    onTestFinished(() => {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    });
    const response = await download(server, `/api/articles/${ARTICLE}/export?format=pdf`);
    expect(response.status).toBe(503);
    expect(response.json()).toEqual({ error: expect.stringMatching(/Chromium.*\/nonexistent\/chromium/u) });
  });
});

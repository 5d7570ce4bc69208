import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptTag,
  addEvidence,
  addThreadEntry,
  changeThreadEntry,
  claimNamesInUse,
  createAnchor,
  dismissPassage,
  getAnnotationsMap,
  getContent,
  mergePassage,
  parsePlainTextArticle,
  projectFragment,
  readAdjudications,
  readAnnotations,
  readTagDetails,
  relabelAnnotation,
  setClaimField,
  setResponseLink,
  setTagStatus,
  summarizeArticle,
  tagsForView,
  writeAnnotation,
  writeArticle,
  type Label,
} from '../src/index.js';

const alice = { id: 'alice', name: 'Alice' };
const bilal = { id: 'bilal', name: 'Bilal' };
const lead = { id: 'lead', name: 'Lead' };

function article(): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(
    doc,
    parsePlainTextArticle('Title\n\nZafar denied the claims. Shafi accused him of harassment.'),
  );
  return doc;
}

function tag(doc: Y.Doc, id: string, quote: string, label: Label, author = alice): void {
  const projection = projectFragment(getContent(doc));
  const from = projection.text.indexOf(quote);
  writeAnnotation(doc, id, { label, author, ...createAnchor(projection, from, from + quote.length)! });
}

describe('tag review details', () => {
  it('keeps threads, evidence, links, claimant and status, each change in the history', () => {
    const doc = article();
    tag(doc, 'deny', 'Zafar denied the claims', 'denial');
    tag(doc, 'accuse', 'Shafi accused him of harassment', 'allegation', bilal);
    const comment = addThreadEntry(doc, 'deny', { author: alice, text: 'Source is his tweet.' })!;
    addThreadEntry(doc, 'deny', { author: bilal, text: 'Agreed.', replyTo: comment });
    expect(changeThreadEntry(doc, 'deny', comment, bilal, 'not mine')).toBe(false);
    expect(changeThreadEntry(doc, 'deny', comment, alice, 'Source: his tweet of 19 April.')).toBe(true);
    expect(
      addEvidence(doc, 'deny', { author: alice, url: 'javascript:alert(1)', stance: 'supports', note: '' }),
    ).toBeNull();
    addEvidence(doc, 'deny', {
      author: alice,
      url: 'https://example.org/tweet',
      stance: 'supports',
      note: 'the tweet',
    });
    setResponseLink(doc, 'deny', 'accuse', true, alice);
    setClaimField(doc, 'deny', 'claimant', 'Ali Zafar', alice);
    setClaimField(doc, 'accuse', 'claimant', 'Meesha Shafi', bilal);
    setClaimField(doc, 'accuse', 'subject', 'Ali Zafar', bilal);
    relabelAnnotation(doc, 'accuse', 'rumour', new Date(), bilal);
    setTagStatus(doc, 'deny', 'resolved', lead, 'Accurate');

    const details = readTagDetails(doc, 'deny')!;
    expect(details.thread.map((entry) => [entry.author.id, entry.text, entry.replyTo ?? null])).toEqual([
      ['alice', 'Source: his tweet of 19 April.', null],
      ['bilal', 'Agreed.', comment],
    ]);
    expect(details.evidence).toMatchObject([{ url: 'https://example.org/tweet', stance: 'supports' }]);
    expect(details.respondsTo).toEqual(['accuse']);
    expect(details.history.map((entry) => entry.action)).toEqual([
      'created',
      'thread',
      'thread',
      'thread',
      'evidence',
      'link',
      'claimant',
      'status',
    ]);
    const deny = readAnnotations(doc).valid.find((a) => a.id === 'deny')!;
    expect(deny).toMatchObject({
      status: 'resolved',
      verdict: 'Accurate',
      resolvedBy: lead,
      claimant: 'Ali Zafar',
    });
    expect(readTagDetails(doc, 'accuse')!.history.at(-1)).toMatchObject({
      action: 'label',
      detail: 'allegation → rumour',
    });
    expect(claimNamesInUse(doc)).toEqual(['Ali Zafar', 'Meesha Shafi']);
  });

  it('migrates version 1 records: they read as open tags', () => {
    const doc = article();
    tag(doc, 'old', 'Zafar denied', 'denial');
    const entry = getAnnotationsMap(doc).get('old')!;
    entry.delete('status');
    entry.set('v', 1);
    expect(readAnnotations(doc).valid[0].status).toBe('open');
  });
});

describe('adjudication', () => {
  it('accepting or merging supersedes the passage’s tags in the adjudicated view; dismissing keeps them', () => {
    const doc = article();
    tag(doc, 'a', 'Zafar denied the claims', 'denial', alice);
    tag(doc, 'b', 'denied the claims', 'allegation', bilal);
    tag(doc, 'c', 'Shafi accused him', 'allegation', alice);
    tag(doc, 'd', 'Shafi accused him of harassment', 'rumour', bilal);
    const tags = () => readAnnotations(doc).valid;
    acceptTag(
      doc,
      ['a', 'b'],
      tags().find((t) => t.id === 'a')!,
      lead,
    );
    dismissPassage(doc, ['c', 'd'], lead);
    const view = tagsForView(tags(), readAdjudications(doc), 'adjudicated');
    const decided = view.find((t) => t.adjudicated)!;
    expect(decided).toMatchObject({ label: 'denial', quote: 'Zafar denied the claims', author: lead });
    expect(view.map((t) => t.id).sort()).toEqual(['c', 'd', decided.id].sort());
    // The library counts what exports show: the decided denial instead of the two tags it settled.
    expect(summarizeArticle(doc).counts).toEqual({ allegation: 1, denial: 1, rumour: 1 });
    expect(
      tagsForView(tags(), readAdjudications(doc), 'all')
        .map((t) => t.id)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'd']);

    const projection = projectFragment(getContent(doc));
    const from = projection.text.indexOf('Shafi accused him of harassment');
    mergePassage(doc, ['c', 'd'], 'allegation', createAnchor(projection, from, from + 31)!, lead);
    const merged = tagsForView(tags(), readAdjudications(doc), 'adjudicated');
    expect(
      merged
        .filter((t) => t.adjudicated)
        .map((t) => t.quote)
        .sort(),
    ).toEqual(['Shafi accused him of harassment', 'Zafar denied the claims']);
    expect(readAdjudications(doc).map((r) => r.kind)).toEqual(['accept', 'dismiss', 'merge']);
  });
});

describe('article review', () => {
  it('lists passages with code-point offsets, flags disputes and unanswered allegations, and computes agreement', async () => {
    const { reviewArticle } = await import('../src/index.js');
    const doc = new Y.Doc();
    writeArticle(
      doc,
      parsePlainTextArticle('Title\n\n😀 Zafar denied the claims. Shafi accused him of harassment.'),
    );
    tag(doc, 'a', 'Zafar denied the claims', 'denial', alice);
    tag(doc, 'b', 'Zafar denied the claims', 'allegation', bilal);
    tag(doc, 'c', 'Shafi accused him', 'allegation', alice);
    const review = reviewArticle(doc);
    expect(review.passages.map((p) => [p.start, p.end, p.quote, p.disputed])).toEqual([
      [2, 25, 'Zafar denied the claims', true],
      [27, 44, 'Shafi accused him', false],
    ]);
    expect(review.reviewers.map((r) => r.name)).toEqual(['Alice', 'Bilal']);
    expect(review.agreement.kappa).toHaveLength(1);
    expect(review.agreement.alpha).not.toBeNull();
    expect([...review.unansweredAllegations].sort()).toEqual(['b', 'c']);
    setResponseLink(doc, 'a', 'c', true, alice);
    expect(reviewArticle(doc).unansweredAllegations).toEqual(['b']);
  });
});

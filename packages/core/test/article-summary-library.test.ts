import { describe, expect, it } from 'vitest';
import {
  acceptTag,
  ARTICLE_SUMMARY_VERSION,
  createAnchor,
  getMeta,
  readAnnotations,
  setClaimField,
  setTagStatus,
  summarizeArticle,
  TAGGING_ORIGIN,
  writeAnnotation,
  type Label,
  type Reviewer,
} from '../src/index.js';
import type * as Y from 'yjs';
import { buildArticle, deleteText, projectionOf } from './helpers/article-builder.js';

const alice: Reviewer = { id: 'alice', name: 'Alice' };
const bilal: Reviewer = { id: 'bilal', name: 'Bilal' };
const lead: Reviewer = { id: 'lead', name: 'Lead' };

function tag(doc: Y.Doc, id: string, quote: string, label: Label, author: Reviewer, occurrence = 0): void {
  const projection = projectionOf(doc);
  let from = -1;
  for (let i = 0; i <= occurrence; i += 1) from = projection.text.indexOf(quote, from + 1);
  const anchor = createAnchor(projection, from, from + quote.length)!;
  doc.transact(() => writeAnnotation(doc, id, { label, ...anchor, author }), TAGGING_ORIGIN);
}

describe('summarizeArticle for the library', () => {
  it('carries the metadata and the plain text', () => {
    const { doc } = buildArticle('First paragraph.', 'Second one.');
    const meta = getMeta(doc);
    meta.set('outlet', 'Dawn');
    meta.set('authors', 'A. Writer; B. Writer');
    meta.set('publishedAt', '2019-04-12');
    meta.set('language', 'en');
    meta.set('sourceUrl', 'https://example.com/a');
    const summary = summarizeArticle(doc);
    expect(summary).toMatchObject({
      v: ARTICLE_SUMMARY_VERSION,
      title: 'Test article',
      outlet: 'Dawn',
      authors: 'A. Writer; B. Writer',
      publishedAt: '2019-04-12',
      language: 'en',
      sourceUrl: 'https://example.com/a',
      text: 'First paragraph.\n\nSecond one.',
      tags: [],
    });
    expect(summary.progress).toEqual({
      tags: 0,
      open: 0,
      disputed: 0,
      resolved: 0,
      disputedPassages: 0,
      decidedPassages: 0,
    });
  });

  it('lists every tag with code-point offsets, claimant and status, orphans last', () => {
    // The emoji is two UTF-16 units but one code point: offsets after it differ by one.
    const { doc } = buildArticle('😀 Ali Zafar denied it.', 'Meesha Shafi accused him. Gone soon.');
    tag(doc, 'gone', 'Gone soon', 'rumour', bilal);
    tag(doc, 'denial', 'Zafar denied it', 'denial', alice);
    tag(doc, 'allegation', 'Shafi accused him', 'allegation', bilal);
    doc.transact(() => {
      setClaimField(doc, 'allegation', 'claimant', 'Meesha Shafi', bilal);
      setTagStatus(doc, 'denial', 'resolved', alice, 'False');
    }, TAGGING_ORIGIN);
    const text = projectionOf(doc).text;
    const gone = text.indexOf('Gone soon');
    deleteText(doc, gone, gone + 'Gone soon'.length);

    const { tags, text: plain } = summarizeArticle(doc);
    expect(tags.map((t) => t.id)).toEqual(['denial', 'allegation', 'gone']);
    const codePoints = [...plain];
    for (const t of tags.slice(0, 2)) expect(codePoints.slice(t.start!, t.end!).join('')).toBe(t.quote);
    expect(tags[0]).toMatchObject({
      label: 'denial',
      author: alice,
      status: 'resolved',
      quote: 'Zafar denied it',
      start: 6,
      end: 21,
      claimant: '',
      adjudicated: false,
    });
    expect(tags[1]).toMatchObject({ claimant: 'Meesha Shafi', status: 'open', quote: 'Shafi accused him' });
    expect(tags[2]).toMatchObject({ id: 'gone', start: null, end: null, quote: 'Gone soon' });
  });

  it('counts review progress: statuses as shown, disputed and decided passages', () => {
    const { doc } = buildArticle('Ali Zafar denied the claims. Meesha Shafi accused him of harassment.');
    tag(doc, 'a', 'Zafar denied the claims', 'denial', alice);
    tag(doc, 'b', 'Zafar denied the claims', 'allegation', bilal);
    tag(doc, 'c', 'Shafi accused him', 'allegation', alice);
    tag(doc, 'd', 'Shafi accused him of harassment', 'allegation', bilal);
    expect(summarizeArticle(doc).progress).toMatchObject({ tags: 4, open: 4, disputedPassages: 2 });

    const tags = readAnnotations(doc).valid;
    acceptTag(
      doc,
      ['a', 'b'],
      tags.find((t) => t.id === 'a')!,
      lead,
    );
    const progress = summarizeArticle(doc).progress;
    // The decided tag replaces a and b in the counts; both passages stay disputed, one decided.
    expect(progress).toMatchObject({ tags: 3, disputedPassages: 2, decidedPassages: 1 });
    expect(summarizeArticle(doc).tags).toHaveLength(5);
  });
});

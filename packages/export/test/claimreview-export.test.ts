import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getContent, getMeta, setClaimField, setTagStatus } from '@factcheck/core';
import { buildExportModel } from '../src/export-model.js';
import { DEFAULT_ORGANISATION } from '../src/format.js';
import { claimReviewFormat, renderClaimReview, shortenClaim } from '../src/formats/claimreview.js';
import { getExportFormat } from '../src/formats/index.js';
import {
  LEAD_REVIEWER,
  PLAIN_REVIEWER,
  reviewedArticleDoc,
  reviewedArticleModel,
  tagText,
  textBlock,
} from './tagged-article-fixture.js';

/**
 * The `claimreview` export checked against what Google's fact-check structured data asks for
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck): required
 * `claimReviewed`, `reviewRating.alternateName` and `url`; recommended `author` (an organisation
 * with a name), `datePublished` and `itemReviewed` (a Claim with its author and appearance).
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const length = (text: string) => [...graphemes.segment(text)].length;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

describe('claimreview export', () => {
  const model = reviewedArticleModel();
  const reviews = renderClaimReview(model);

  it('writes one ClaimReview per placed tag resolved with a verdict, in text order', () => {
    const resolved = model.tags.filter((tag) => tag.reviewStatus === 'resolved' && tag.verdict);
    expect(resolved.map((tag) => tag.id)).toHaveLength(2);
    expect(reviews.map((review) => review.url)).toEqual(
      resolved.map((tag) => `http://localhost:8080/articles/article-1#tag-${tag.id}`),
    );
    // Disputed and open tags, and the orphan, give none.
    expect(reviews).toHaveLength(2);
  });

  it('has every property Google requires or recommends, with the right types', () => {
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      // Required.
      expect(typeof review.claimReviewed).toBe('string');
      expect(review.claimReviewed.length).toBeGreaterThan(0);
      expect(length(review.claimReviewed)).toBeLessThanOrEqual(75);
      expect(review.reviewRating['@type']).toBe('Rating');
      expect(typeof review.reviewRating.alternateName).toBe('string');
      expect(new URL(review.url).hash).toMatch(/^#tag-/u);
      // Recommended.
      expect(review.author).toEqual({ '@type': 'Organization', name: DEFAULT_ORGANISATION });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(review.itemReviewed['@type']).toBe('Claim');
      expect(review.itemReviewed.appearance).toEqual({
        '@type': 'CreativeWork',
        url: 'http://localhost:8080/articles/article-1',
        headline: model.title,
      });
    }
  });

  it('fills the review from the tag: quote, verdict, claimant, date resolved', () => {
    const denial = reviews.find((review) => review.url.endsWith('#tag-tag-denial'))!;
    expect(denial).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'http://localhost:8080/articles/article-1#tag-tag-denial',
      claimReviewed: 'Ali Zafar denied the claims',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Ali <Zafar>' },
        appearance: {
          '@type': 'CreativeWork',
          url: 'http://localhost:8080/articles/article-1',
          headline: model.title,
        },
      },
      reviewRating: { '@type': 'Rating', alternateName: 'False <b>claim</b>' },
      author: { '@type': 'Organization', name: DEFAULT_ORGANISATION },
      datePublished: '2024-05-02',
    });
    // No claimant: no claim author rather than an empty one.
    const decided = reviews.find((review) => review !== denial)!;
    expect(decided.itemReviewed).not.toHaveProperty('author');
    expect(decided.reviewRating.alternateName).toBe('Accurate');
  });

  it('names the organisation it is given, and the article source URL when the article has one', () => {
    const withSource = {
      ...model,
      articleMeta: { ...model.articleMeta, sourceUrl: 'https://news.example/zafar?x=1' },
    };
    const [first] = renderClaimReview(withSource, { organisation: '  Desk <Lahore>  ' });
    expect(first.author).toEqual({ '@type': 'Organization', name: 'Desk <Lahore>' });
    expect(first.itemReviewed.appearance.url).toBe('https://news.example/zafar?x=1');
    const notALink = { ...model, articleMeta: { ...model.articleMeta, sourceUrl: 'javascript:alert(1)' } };
    expect(renderClaimReview(notALink)[0].itemReviewed.appearance.url).toBe(model.sourceIri);
    expect(renderClaimReview(model, { organisation: '   ' })[0].author.name).toBe(DEFAULT_ORGANISATION);
  });

  it("describes where the claim appears with the article's metadata: title, authors, outlet, date, language", () => {
    const doc = reviewedArticleDoc().doc;
    const meta = getMeta(doc);
    meta.set('sourceUrl', 'https://news.example/zafar');
    meta.set('outlet', 'Daily <Example>');
    meta.set('authors', 'Ayesha Khan; Bilal Ahmed');
    meta.set('publishedAt', '2024-04-30');
    meta.set('language', 'en');
    const [review] = renderClaimReview(buildExportModel(doc, { id: 'article-1', baseUrl: 'http://x' }));
    expect(review.itemReviewed.appearance).toEqual({
      '@type': 'CreativeWork',
      url: 'https://news.example/zafar',
      headline: model.title,
      author: [
        { '@type': 'Person', name: 'Ayesha Khan' },
        { '@type': 'Person', name: 'Bilal Ahmed' },
      ],
      publisher: { '@type': 'Organization', name: 'Daily <Example>' },
      datePublished: '2024-04-30',
      inLanguage: 'en',
    });
  });

  it('renders a UTF-8 JSON-LD array, empty for an article without verdicts', async () => {
    const bytes = await claimReviewFormat.render(model, { organisation: 'Desk' });
    const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown[];
    expect(parsed).toEqual(renderClaimReview(model, { organisation: 'Desk' }));
    expect(claimReviewFormat).toMatchObject({
      name: 'claimreview',
      contentType: 'application/ld+json',
      extension: 'claimreview.jsonld',
    });
    expect(getExportFormat('claimreview')).toBe(claimReviewFormat);
    const doc = new Y.Doc();
    getContent(doc).insert(0, [textBlock(['Nothing resolved here.'])]);
    tagText(doc, 't1', 'Nothing', 'rumour', PLAIN_REVIEWER);
    expect(renderClaimReview(buildExportModel(doc, { id: 'x', baseUrl: 'http://x' }))).toEqual([]);
  });

  it('shortens a long quote at a word boundary to 75 characters, emoji and Urdu intact', () => {
    const doc = new Y.Doc();
    getMeta(doc).set('title', 'Long');
    const quote =
      'Fans 😀 and 👩‍👩‍👧 families said that Ali Zafar denied every one of the claims. اردو میں ایک جملہ ہے۔ And more words follow here.';
    getContent(doc).insert(0, [textBlock([`Before. ${quote} After.`])]);
    tagText(doc, 't1', quote, 'denial', PLAIN_REVIEWER);
    setClaimField(doc, 't1', 'claimant', 'Ali Zafar', LEAD_REVIEWER);
    setTagStatus(doc, 't1', 'resolved', LEAD_REVIEWER, 'False');
    const [review] = renderClaimReview(buildExportModel(doc, { id: 'x', baseUrl: 'http://x' }));
    const claim = review.claimReviewed;
    expect(claim.endsWith('…')).toBe(true);
    expect(length(claim)).toBeLessThanOrEqual(75);
    expect(quote.startsWith(claim.slice(0, -1))).toBe(true);
    // Cut where a word ends: the next character of the quote is not a letter.
    expect(quote.charAt(claim.length - 1)).toMatch(/[\s.,]/u);
    expect(LONE_SURROGATE.test(claim)).toBe(false);
    expect(claim).toContain('👩‍👩‍👧');
  });
});

describe('shortenClaim', () => {
  it('keeps a short quote whole, on one line', () => {
    expect(shortenClaim('Ali Zafar denied\n\nthe claims')).toBe('Ali Zafar denied the claims');
    const exact = 'x'.repeat(75);
    expect(shortenClaim(exact)).toBe(exact);
  });

  it('cuts after the last whole word that fits, without the comma or space before the ellipsis', () => {
    const words = 'one two three, four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(shortenClaim(words, 19)).toBe('one two three…');
    expect(shortenClaim(words, 20)).toBe('one two three, four…');
    expect(shortenClaim(words, 30)).toBe('one two three, four five six…');
  });

  it('counts an emoji as one character and never splits it, even when cut inside a word', () => {
    const family = '👩‍👩‍👧';
    const text = `${'a '.repeat(36)}${family}${family} tail`;
    const short = shortenClaim(text);
    expect(length(short)).toBeLessThanOrEqual(75);
    expect(short.endsWith('…')).toBe(true);
    expect(LONE_SURROGATE.test(short)).toBe(false);
    expect(
      short
        .replace(/…$/u, '')
        .split(family)
        .every((part) => !part.includes('\u200D')),
    ).toBe(true);
    // One "word" of 80 emoji: cut between emoji, 74 of them and the ellipsis.
    const emoji = '😀'.repeat(80);
    expect(shortenClaim(emoji)).toBe(`${'😀'.repeat(74)}…`);
    const families = family.repeat(80);
    const cut = shortenClaim(families);
    expect(cut).toBe(`${family.repeat(74)}…`);
  });

  it('cuts Urdu at a word boundary too', () => {
    const urdu = 'اردو میں ایک جملہ ہے '.repeat(10).trim();
    const short = shortenClaim(urdu);
    expect(length(short)).toBeLessThanOrEqual(75);
    expect(urdu.startsWith(short.slice(0, -1))).toBe(true);
    expect(urdu.charAt(short.length - 1)).toBe(' ');
  });
});

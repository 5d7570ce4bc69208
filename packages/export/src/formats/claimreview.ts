import { splitAuthors } from '@factcheck/core';
import type { ExportModel, ExportTag } from '../export-model.js';
import { reviewingOrganisation, type ExportFormat, type ExportRenderOptions } from '../format.js';

/**
 * The `claimreview` export: a schema.org `ClaimReview` (JSON-LD) for every placed tag that was
 * resolved with a verdict, as fact-check publishers mark up their pages
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck). The array holds
 * one self-contained object per review, so each can be pasted into a page on its own.
 */

/** Longest `claimReviewed` in characters (Google's advice, so it does not wrap on phones). */
export const CLAIM_REVIEWED_MAX = 75;

/** A person who makes a claim. */
export interface SchemaPerson {
  readonly '@type': 'Person';
  readonly name: string;
}

/** The article a claim appears in, with what its metadata says of it. */
export interface SchemaAppearance {
  readonly '@type': 'CreativeWork';
  readonly url: string;
  readonly headline?: string;
  readonly author?: readonly SchemaPerson[];
  readonly publisher?: { readonly '@type': 'Organization'; readonly name: string };
  readonly datePublished?: string;
  readonly inLanguage?: string;
}

/** The claim under review and where it appears. */
export interface SchemaClaim {
  readonly '@type': 'Claim';
  readonly author?: SchemaPerson;
  readonly appearance: SchemaAppearance;
}

/** One fact check of one claim. */
export interface SchemaClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly url: string;
  readonly claimReviewed: string;
  readonly itemReviewed: SchemaClaim;
  readonly reviewRating: { readonly '@type': 'Rating'; readonly alternateName: string };
  readonly author: { readonly '@type': 'Organization'; readonly name: string };
  readonly datePublished: string;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/**
 * A quote as a one-line summary of at most `max` characters (grapheme clusters, so an emoji is
 * one and is never split), cut at the last word boundary that fits, with "…" when cut.
 */
export function shortenClaim(quote: string, max = CLAIM_REVIEWED_MAX): string {
  const text = quote.replace(/\s+/gu, ' ').trim();
  if (graphemeCount(text) <= max) return text;
  const room = max - 1;
  let kept = '';
  let keptCount = 0;
  for (const { segment } of words.segment(text)) {
    const count = graphemeCount(segment);
    if (keptCount + count > room) break;
    kept += segment;
    keptCount += count;
  }
  // Spaces, commas, dashes and opening brackets or quotes before the ellipsis read as noise: "claims, …".
  kept = kept.replace(/[\s\p{Pd}\p{Ps}\p{Pi},;:.]+$/u, '');
  if (!kept) {
    // One word longer than the limit: cut it between characters.
    kept = Array.from(graphemes.segment(text), ({ segment }) => segment)
      .slice(0, room)
      .join('');
  }
  return `${kept}…`;
}

/** Where the article appears: its `sourceUrl` metadata when that is an http(s) URL, else its IRI. */
function appearanceUrl(model: ExportModel): string {
  const source = model.articleMeta.sourceUrl.trim();
  if (source) {
    try {
      const url = new URL(source);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not a URL: fall back to the article's IRI.
    }
  }
  return model.sourceIri;
}

/** The article as the claim's appearance: its URL, title, authors, outlet, date and language. */
function appearanceOf(model: ExportModel): SchemaAppearance {
  const { outlet, authors, publishedAt, language } = model.articleMeta;
  const names = splitAuthors(authors);
  return {
    '@type': 'CreativeWork',
    url: appearanceUrl(model),
    headline: model.title,
    ...(names.length > 0 ? { author: names.map((name) => ({ '@type': 'Person', name }) as const) } : {}),
    ...(outlet.trim() ? { publisher: { '@type': 'Organization', name: outlet.trim() } } : {}),
    ...(publishedAt.trim() ? { datePublished: publishedAt.trim() } : {}),
    ...(language.trim() ? { inLanguage: language.trim() } : {}),
  };
}

/** The calendar date (UTC) of an ISO 8601 time. */
function dateOf(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso.slice(0, 10) : time.toISOString().slice(0, 10);
}

function reviewOf(
  model: ExportModel,
  tag: ExportTag & { verdict: string },
  organisation: string,
): SchemaClaimReview {
  const claimant = tag.claimant?.trim();
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${model.sourceIri}#tag-${encodeURIComponent(tag.id)}`,
    claimReviewed: shortenClaim(tag.quote),
    itemReviewed: {
      '@type': 'Claim',
      ...(claimant ? { author: { '@type': 'Person', name: claimant } } : {}),
      appearance: appearanceOf(model),
    },
    reviewRating: { '@type': 'Rating', alternateName: tag.verdict },
    author: { '@type': 'Organization', name: organisation },
    datePublished: dateOf(tag.resolvedAt ?? tag.updatedAt),
  };
}

function hasVerdict(tag: ExportTag): tag is ExportTag & { verdict: string } {
  return tag.reviewStatus === 'resolved' && typeof tag.verdict === 'string' && tag.verdict.trim() !== '';
}

/**
 * The article's fact checks: one ClaimReview per placed tag resolved with a verdict, in text order.
 * Tags whose text is gone from the article are left out, since the article no longer shows the claim.
 */
export function renderClaimReview(
  model: ExportModel,
  options: ExportRenderOptions = {},
): SchemaClaimReview[] {
  const organisation = reviewingOrganisation(options.organisation);
  return model.tags.filter(hasVerdict).map((tag) => reviewOf(model, tag, organisation));
}

/** The `claimreview` export format: a pretty-printed JSON-LD array in UTF-8. */
export const claimReviewFormat: ExportFormat = {
  name: 'claimreview',
  description: 'Fact checks as schema.org ClaimReview (JSON-LD)',
  contentType: 'application/ld+json',
  extension: 'claimreview.jsonld',
  render: (model, options) =>
    new TextEncoder().encode(`${JSON.stringify(renderClaimReview(model, options), null, 2)}\n`),
};

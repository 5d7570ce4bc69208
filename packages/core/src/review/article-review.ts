import type * as Y from 'yjs';
import { readAnnotations, type Reviewer } from '../annotation.js';
import { resolveAnnotations, type ResolvedAnnotation } from '../anchoring.js';
import { toCodePointOffsets, codePointLength } from '../code-points.js';
import { getContent } from '../document-layout.js';
import { projectFragment } from '../text-projection.js';
import { readAdjudications, tagsForView, type Adjudication, type TagView } from './adjudication.js';
import { findPassages, type DisputeReason, type ReviewTag } from './passages.js';
import { textAgreement, textAlpha, type PairAgreement } from './text-agreement.js';
import { readTagDetails } from './tag-details.js';

/** A passage as the review panel and the API show it. Offsets are code points of the txt export. */
export interface ReviewPassage {
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /** Ids of the tags in the passage. */
  readonly annotations: readonly string[];
  readonly disputed: boolean;
  readonly reasons: readonly DisputeReason[];
  /** The latest decision covering this passage's tags, if any. */
  readonly adjudication: Adjudication | null;
}

/** The review state of an article: passages in text order, agreement figures, reviewers. */
export interface ArticleReview {
  readonly passages: readonly ReviewPassage[];
  readonly agreement: {
    readonly alpha: number | null;
    readonly kappa: readonly PairAgreement[];
  };
  /** Reviewers with at least one tag of their own, with their names. */
  readonly reviewers: readonly Reviewer[];
  /** Allegations that no denial responds to (ids). */
  readonly unansweredAllegations: readonly string[];
  /** Tags that could not be placed (ids). */
  readonly orphans: readonly string[];
}

/**
 * Reviews an article: places every tag, groups tags into passages, flags disputes and computes
 * agreement over the code points of the txt export. Passages are built from the tags of the given
 * view (`all` by default: every reviewer's tags, so disputes stay visible after a decision).
 */
export function reviewArticle(doc: Y.Doc, options: { view?: TagView } = {}): ArticleReview {
  const view = options.view ?? 'all';
  const projection = projectFragment(getContent(doc));
  const text = projection.text;
  const adjudications = readAdjudications(doc);
  const all = readAnnotations(doc).valid;
  const resolved = resolveAnnotations(doc, tagsForView(all, adjudications, view), projection);
  const reviewTags = toReviewTags(resolved, text);
  const passages = passagesOf(reviewTags, text, adjudications);
  // Agreement is over every reviewer's own tags whatever the view: decisions settle passages,
  // they do not change what the reviewers did.
  const agreement = textAgreement(
    view === 'all'
      ? reviewTags
      : toReviewTags(resolveAnnotations(doc, tagsForView(all, adjudications, 'all'), projection), text),
    codePointLength(text),
  );
  const names = new Map(all.map((annotation) => [annotation.author.id, annotation.author.name]));
  const answered = new Set<string>();
  for (const annotation of all) {
    if (annotation.label !== 'denial') continue;
    for (const target of readTagDetails(doc, annotation.id)?.respondsTo ?? []) answered.add(target);
  }
  return {
    passages,
    agreement: { alpha: agreement.alpha, kappa: agreement.kappa },
    reviewers: agreement.reviewers.map((id) => ({ id, name: names.get(id) ?? id })),
    unansweredAllegations: all
      .filter(
        (annotation) =>
          annotation.label === 'allegation' && !annotation.adjudicated && !answered.has(annotation.id),
      )
      .map((annotation) => annotation.id),
    orphans: resolved.filter((tag) => tag.status === 'orphaned').map((tag) => tag.annotation.id),
  };
}

/**
 * The disputed passages and alpha of the `all` view, from every valid tag already resolved against
 * `text`: what `reviewArticle` gives for them, without reading and placing the tags again (the
 * library summary has done that already).
 */
export function disputesOfResolved(
  text: string,
  resolved: readonly ResolvedAnnotation[],
  adjudications: readonly Adjudication[],
): { readonly alpha: number | null; readonly disputed: ReviewPassage[] } {
  const reviewTags = toReviewTags(
    tagsForView(resolved.map(withTagFields), adjudications, 'all').map(({ tag }) => tag),
    text,
  );
  return {
    alpha: textAlpha(reviewTags, codePointLength(text)),
    disputed: passagesOf(reviewTags, text, adjudications).filter((passage) => passage.disputed),
  };
}

/** A resolved tag with the fields `tagsForView` reads. */
function withTagFields(tag: ResolvedAnnotation) {
  return { id: tag.annotation.id, adjudicated: tag.annotation.adjudicated, tag };
}

/** Passages of placed tags with their quotes and latest decisions, in text order. */
function passagesOf(
  reviewTags: readonly ReviewTag[],
  text: string,
  adjudications: readonly Adjudication[],
): ReviewPassage[] {
  const codePoints = [...text];
  return findPassages(reviewTags).map((passage) => ({
    ...passage,
    quote: codePoints.slice(passage.start, passage.end).join(''),
    adjudication: latestDecision(adjudications, passage.annotations),
  }));
}

/** Resolved tags with a span, as the passage and agreement rules see them (code-point offsets). */
function toReviewTags(resolved: readonly ResolvedAnnotation[], text: string): ReviewTag[] {
  const placed = resolved.filter((tag) => tag.from !== null && tag.to !== null && tag.from < tag.to);
  const points = toCodePointOffsets(
    text,
    placed.flatMap((tag) => [tag.from!, tag.to!]),
  );
  return placed.map((tag, index) => ({
    id: tag.annotation.id,
    label: tag.annotation.label,
    authorId: tag.annotation.author.id,
    start: points[index * 2],
    end: points[index * 2 + 1],
    createdAt: tag.annotation.createdAt,
    status: tag.annotation.status,
    adjudicated: tag.annotation.adjudicated,
  }));
}

function latestDecision(adjudications: readonly Adjudication[], ids: readonly string[]): Adjudication | null {
  const wanted = new Set(ids);
  let latest: Adjudication | null = null;
  for (const decision of adjudications) {
    if (
      decision.annotationIds.some((id) => wanted.has(id)) ||
      (decision.resultId && wanted.has(decision.resultId))
    ) {
      if (!latest || decision.decidedAt >= latest.decidedAt) latest = decision;
    }
  }
  return latest;
}

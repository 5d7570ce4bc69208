import type * as Y from 'yjs';
import { readAnnotations, type Reviewer, type TagStatus } from './annotation.js';
import { resolveAnnotations, type ResolvedAnnotation } from './anchoring.js';
import { readArticleMeta, type ArticleMeta } from './article-meta.js';
import { toCodePointOffsets } from './code-points.js';
import { getContent } from './document-layout.js';
import { emptyLabelCounts, type Label } from './labels.js';
import { readAdjudications, tagsForView, type Adjudication } from './review/adjudication.js';
import { disputesOfResolved, type ReviewPassage } from './review/article-review.js';
import { readBlindReview } from './review/blind-review.js';
import { findPassages, type ReviewTag } from './review/passages.js';
import { projectFragment } from './text-projection.js';

/** Version of the summary layout; stored summaries of another version are rebuilt from the document. */
export const ARTICLE_SUMMARY_VERSION = 4;

/** How far the review of an article has come. */
export interface ReviewProgress {
  /** Tags as exports show them by default (a decided tag instead of the tags it settled). */
  readonly tags: number;
  /** Of those, how many have each review status. */
  readonly open: number;
  readonly disputed: number;
  readonly resolved: number;
  /** Passages where reviewers disagree (every reviewer's tags), and of those the ones a lead decided. */
  readonly disputedPassages: number;
  readonly decidedPassages: number;
}

/**
 * The review of an article as the library's list of disputed passages shows it (`GET /api/review`):
 * from every reviewer's tags, as `reviewArticle` with the `all` view gives it.
 */
export interface ArticleReviewDigest {
  /** In blind review: the list leaves the article out until the lead reveals the tags. */
  readonly blind: boolean;
  /** Krippendorff's alpha over the article's code points; null with fewer than two reviewers. */
  readonly alpha: number | null;
  /** The disputed passages, in text order. */
  readonly disputed: readonly ReviewPassage[];
}

/** One tag as the library's tag search lists it. Offsets are code points of the `txt` export. */
export interface TagSummary {
  readonly id: string;
  readonly label: Label;
  readonly author: Reviewer;
  /** Who makes the claim ('' when not set). */
  readonly claimant: string;
  readonly status: TagStatus;
  /** The text the tag covers now (its stored quote when it cannot be placed). */
  readonly quote: string;
  /** Where the tag starts and ends; null for a tag whose text is gone (orphaned). */
  readonly start: number | null;
  readonly end: number | null;
  /** True for a tag a lead decided when settling a passage. */
  readonly adjudicated: boolean;
}

/** One tag found by the library's tag search (`GET /api/annotations`), with its article. */
export interface TagSearchResult extends TagSummary {
  readonly articleId: string;
  readonly articleTitle: string;
}

/** The answer of `GET /api/annotations`: how many tags match, and the first `limit` of them. */
export interface TagSearchAnswer {
  readonly total: number;
  readonly results: readonly TagSearchResult[];
}

/**
 * What the server keeps per article for the library, so listing, searching and tag search never
 * load documents: the metadata, tag counts, review progress, the plain text and every tag.
 */
export interface ArticleSummary extends ArticleMeta {
  readonly v: number;
  readonly counts: Record<Label, number>;
  readonly progress: ReviewProgress;
  /** The plain text (the `txt` export), for full-text search. */
  readonly text: string;
  /** Every valid tag (every reviewer's, and decided ones), in text order, orphans last. */
  readonly tags: readonly TagSummary[];
  /** The disputed passages and agreement, so the library lists them without loading documents. */
  readonly review: ArticleReviewDigest;
}

/** The review digest of an article from its resolved tags: empty while it is in blind review or has none. */
function reviewDigest(
  doc: Y.Doc,
  text: string,
  resolved: readonly ResolvedAnnotation[],
  adjudications: readonly Adjudication[],
): ArticleReviewDigest {
  const blind = readBlindReview(doc).blind;
  if (blind || resolved.length === 0) return { blind, alpha: null, disputed: [] };
  return { blind, ...disputesOfResolved(text, resolved, adjudications) };
}

/** Whether one decision covers every tag of a passage (the tags it settled and the tag it made). */
function isDecided(ids: readonly string[], adjudications: readonly Adjudication[]): boolean {
  return adjudications.some((decision) =>
    ids.every((id) => decision.annotationIds.includes(id) || id === decision.resultId),
  );
}

/**
 * Summarizes an article document for the library. Counts and statuses are taken as exports show
 * the article by default (a decided tag instead of the reviewer tags it settled); the tag list and
 * the disputed passages cover every reviewer's tags. Invalid entries are left out.
 */
export function summarizeArticle(doc: Y.Doc): ArticleSummary {
  const projection = projectFragment(getContent(doc));
  const text = projection.text;
  const all = readAnnotations(doc).valid;
  const adjudications = readAdjudications(doc);
  const resolved = resolveAnnotations(doc, all, projection);
  const placed = resolved.filter((tag) => tag.from !== null && tag.to !== null);
  const points = toCodePointOffsets(
    text,
    placed.flatMap((tag) => [tag.from!, tag.to!]),
  );
  const offsets = new Map(placed.map((tag, index) => [tag.annotation.id, index * 2]));

  const tags: TagSummary[] = resolved.map(({ annotation, from, to }) => {
    const at = offsets.get(annotation.id);
    return {
      id: annotation.id,
      label: annotation.label,
      author: { id: annotation.author.id, name: annotation.author.name },
      claimant: annotation.claimant ?? '',
      status: annotation.status,
      quote: from !== null && to !== null ? text.slice(from, to) : annotation.quote,
      start: at === undefined ? null : points[at],
      end: at === undefined ? null : points[at + 1],
      adjudicated: annotation.adjudicated === true,
    };
  });
  tags.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.end ?? 0) - (b.end ?? 0));

  const counts = emptyLabelCounts();
  const statuses: Record<TagStatus, number> = { open: 0, disputed: 0, resolved: 0 };
  for (const annotation of tagsForView(all, adjudications, 'adjudicated')) {
    counts[annotation.label] += 1;
    statuses[annotation.status] += 1;
  }
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const reviewTags: ReviewTag[] = all.flatMap((annotation) => {
    const tag = byId.get(annotation.id);
    if (!tag || tag.start === null || tag.end === null) return [];
    return [
      {
        id: annotation.id,
        label: annotation.label,
        authorId: annotation.author.id,
        start: tag.start,
        end: tag.end,
        createdAt: annotation.createdAt,
        status: annotation.status,
        adjudicated: annotation.adjudicated,
      },
    ];
  });
  const disputed = findPassages(reviewTags).filter((passage) => passage.disputed);

  return {
    v: ARTICLE_SUMMARY_VERSION,
    ...readArticleMeta(doc),
    counts,
    progress: {
      tags: statuses.open + statuses.disputed + statuses.resolved,
      ...statuses,
      disputedPassages: disputed.length,
      decidedPassages: disputed.filter((passage) => isDecided(passage.annotations, adjudications)).length,
    },
    text,
    tags,
    review: reviewDigest(doc, text, resolved, adjudications),
  };
}

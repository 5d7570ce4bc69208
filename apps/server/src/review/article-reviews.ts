import type * as Y from 'yjs';
import {
  getTitle,
  readAnnotations,
  readBlindReview,
  reviewArticle,
  type ArticleReview,
  type TagView,
} from '@factcheck/core';
import type { ArticleSnapshots } from '../export/article-snapshots.js';
import type { ArticleLibrary } from '../library/article-library.js';
import { reviewToJson, type ArticleReviewJson, type ReviewPassageJson } from './review-json.js';

/** One article in the library's cross-article review list. */
export interface DisputedArticleJson {
  readonly id: string;
  readonly title: string;
  /** Number of disputed passages. */
  readonly disputed: number;
  /** The disputed passages, in text order. */
  readonly passages: readonly ReviewPassageJson[];
  readonly agreement: { readonly alpha: number | null };
}

/**
 * An article's review in a view. Agreement compares reviewers' own tags whatever the view: in the
 * adjudicated view decided tags hide the tags they settled, which would drop those from the figures.
 */
function reviewOf(doc: Y.Doc, view: TagView): ArticleReview {
  const review = reviewArticle(doc, { view });
  if (view === 'all') return review;
  const all = reviewArticle(doc, { view: 'all' });
  return { ...review, agreement: all.agreement, reviewers: all.reviewers };
}

/** What the review of a blind article shows until the lead reveals it: nothing. */
const BLIND_REVIEW_JSON: ArticleReviewJson = {
  passages: [],
  agreement: { alpha: null, kappa: [] },
  reviewers: [],
  unansweredAllegations: [],
  orphans: [],
  blind: true,
};

/**
 * Reviews of articles, read like exports: the live document when it is loaded, else a temporary
 * copy from storage, so asking for a review never keeps a document in memory. The list across
 * articles comes from the library's summaries when it can.
 */
export class ArticleReviews {
  constructor(
    private readonly articles: ArticleSnapshots,
    private readonly library: ArticleLibrary,
  ) {}

  /** The review of one article; null when it is not stored. */
  async review(id: string, view: TagView): Promise<ArticleReviewJson | null> {
    const read = await this.articles.read(id, (doc) =>
      readBlindReview(doc).blind ? BLIND_REVIEW_JSON : reviewToJson(reviewOf(doc, view)),
    );
    return read?.value ?? null;
  }

  /**
   * Every article with at least one tag (deleted ones left out), with its disputed passages,
   * sorted by id. The `all` view comes from the library's summaries, which keep each article's
   * disputed passages (computed off the sync path; a loaded article's may lag its edits by about a
   * second); the `adjudicated` view reads and reviews every article, one at a time.
   */
  async disputedAcrossArticles(view: TagView): Promise<DisputedArticleJson[]> {
    if (view === 'all') return this.disputedFromSummaries();
    const deleted = new Set((await this.library.deletedArticles()).map((article) => article.id));
    const listed: DisputedArticleJson[] = [];
    for (const id of await this.articles.list()) {
      if (deleted.has(id)) continue;
      const read = await this.articles.read(id, (doc) => {
        if (readBlindReview(doc).blind || readAnnotations(doc).valid.length === 0) return null;
        const review = reviewToJson(reviewOf(doc, view));
        const passages = review.passages.filter((passage) => passage.disputed);
        return {
          id,
          title: getTitle(doc),
          disputed: passages.length,
          passages,
          agreement: { alpha: review.agreement.alpha },
        };
      });
      if (read?.value) listed.push(read.value);
    }
    return listed;
  }

  private async disputedFromSummaries(): Promise<DisputedArticleJson[]> {
    const listed: DisputedArticleJson[] = [];
    for (const { id, summary } of await this.library.articles()) {
      if (summary.review.blind || summary.tags.length === 0) continue;
      listed.push({
        id,
        title: summary.title,
        disputed: summary.review.disputed.length,
        passages: summary.review.disputed,
        agreement: { alpha: summary.review.alpha },
      });
    }
    return listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

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
 * copy from storage, so asking for a review never keeps a document in memory.
 */
export class ArticleReviews {
  constructor(private readonly articles: ArticleSnapshots) {}

  /** The review of one article; null when it is not stored. */
  async review(id: string, view: TagView): Promise<ArticleReviewJson | null> {
    const read = await this.articles.read(id, (doc) =>
      readBlindReview(doc).blind ? BLIND_REVIEW_JSON : reviewToJson(reviewOf(doc, view)),
    );
    return read?.value ?? null;
  }

  /**
   * Every article with at least one tag, with its disputed passages, sorted by id. This reads and
   * reviews every stored document, one at a time so only one copy is in memory: fine for a
   * newsroom's corpus, but a large library will want disputes kept in the stored summaries.
   */
  async disputedAcrossArticles(view: TagView): Promise<DisputedArticleJson[]> {
    const listed: DisputedArticleJson[] = [];
    for (const id of await this.articles.list()) {
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
}

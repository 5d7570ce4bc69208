import type {
  Adjudication,
  ArticleReview,
  ConfusionTable,
  DisputeReason,
  ReviewPassage,
  Reviewer,
} from '@factcheck/core';

/** A confusion table as JSON: `table[labelA][labelB]` = code points labelled A by `a` and B by `b`. */
export type ConfusionJson = Record<string, Record<string, number>>;

/** Cohen's kappa of one reviewer pair, as the API answers it. */
export interface PairAgreementJson {
  readonly a: string;
  readonly b: string;
  readonly value: number | null;
  readonly confusion: ConfusionJson;
}

/** A passage as the API answers it (`adjudication` null when no lead decided on it). */
export interface ReviewPassageJson {
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly annotations: readonly string[];
  readonly disputed: boolean;
  readonly reasons: readonly DisputeReason[];
  readonly adjudication: Adjudication | null;
}

/** The answer of `GET /api/articles/:id/review`. */
export interface ArticleReviewJson {
  readonly passages: readonly ReviewPassageJson[];
  readonly agreement: { readonly alpha: number | null; readonly kappa: readonly PairAgreementJson[] };
  readonly reviewers: readonly Reviewer[];
  readonly unansweredAllegations: readonly string[];
  readonly orphans: readonly string[];
  /** True while the article is in blind review: passages and agreement stay empty until the reveal. */
  readonly blind?: boolean;
}

/** Turns a confusion table's nested Maps into plain objects, which JSON can carry. */
export function confusionToJson(table: ConfusionTable): ConfusionJson {
  const json: ConfusionJson = {};
  for (const [a, row] of table) json[a] = Object.fromEntries(row);
  return json;
}

function passageToJson(passage: ReviewPassage): ReviewPassageJson {
  const { start, end, quote, annotations, disputed, reasons, adjudication } = passage;
  return { start, end, quote, annotations, disputed, reasons, adjudication };
}

/** An article's review as plain JSON. */
export function reviewToJson(review: ArticleReview): ArticleReviewJson {
  return {
    passages: review.passages.map(passageToJson),
    agreement: {
      alpha: review.agreement.alpha,
      kappa: review.agreement.kappa.map(({ a, b, value, confusion }) => ({
        a,
        b,
        value,
        confusion: confusionToJson(confusion),
      })),
    },
    reviewers: review.reviewers.map(({ id, name }) => ({ id, name })),
    // Sets of ids, sorted: the document's map order differs between a live and a reloaded copy.
    unansweredAllegations: [...review.unansweredAllegations].sort(),
    orphans: [...review.orphans].sort(),
  };
}

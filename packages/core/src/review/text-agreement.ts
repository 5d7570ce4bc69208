import {
  cohenKappa,
  confusionTable,
  krippendorffAlphaNominal,
  type ConfusionTable,
  type WeightedUnit,
} from './agreement.js';
import type { ReviewTag } from './passages.js';

/** The value of a unit no tag of a reviewer covers. */
export const NO_LABEL = 'none';

/** Cohen's kappa of one pair of reviewers, with their confusion table (rows: a, columns: b). */
export interface PairAgreement {
  readonly a: string;
  readonly b: string;
  readonly value: number | null;
  readonly confusion: ConfusionTable;
}

/** Agreement of the reviewers of one article. */
export interface TextAgreement {
  /** Reviewer ids with at least one tag of their own, sorted. */
  readonly reviewers: readonly string[];
  /** Krippendorff's alpha (nominal) over all reviewers; null with fewer than two. */
  readonly alpha: number | null;
  readonly kappa: readonly PairAgreement[];
}

/** Each reviewer's value over stretches of text where no tag starts or ends. */
interface CodedRuns {
  /** Reviewer ids with at least one tag of their own, sorted. */
  readonly reviewers: readonly string[];
  /** One entry per stretch: each reviewer's value (in `reviewers` order) and the stretch's length. */
  readonly runs: readonly WeightedUnit[];
}

/**
 * Every unit (code point) of a text of `length` units, coded per reviewer: the label of their tag
 * covering it (the most recently created where several do) or `none`. Adjudicated tags count as
 * no one's. Units are grouped into runs between tag boundaries, each weighted by its length, so
 * the cost follows the number of tags, not the text.
 */
function codedRuns(tags: readonly ReviewTag[], length: number): CodedRuns {
  const own = tags.filter((tag) => !tag.adjudicated && tag.end > tag.start);
  const reviewers = [...new Set(own.map((tag) => tag.authorId))].sort();
  if (reviewers.length === 0) return { reviewers, runs: [] };

  const boundaries = new Set<number>([0, length]);
  for (const tag of own) {
    boundaries.add(Math.max(0, Math.min(length, tag.start)));
    boundaries.add(Math.max(0, Math.min(length, tag.end)));
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const starts = [...own].sort((a, b) => a.start - b.start);
  const active = new Map<string, Set<ReviewTag>>(reviewers.map((id) => [id, new Set()]));
  const runs: WeightedUnit[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    while (next < starts.length && starts[next].start <= from) {
      active.get(starts[next].authorId)!.add(starts[next]);
      next++;
    }
    const codes = reviewers.map((id) => {
      let latest: ReviewTag | null = null;
      for (const tag of active.get(id)!) {
        if (tag.end <= from) active.get(id)!.delete(tag);
        else if (!latest || tag.createdAt > latest.createdAt) latest = tag;
      }
      return latest ? latest.label : NO_LABEL;
    });
    runs.push({ codes, weight: to - from });
  }
  return { reviewers, runs };
}

/**
 * Agreement over every unit (code point) of a text of `length` units (see `codedRuns` for how a
 * reviewer's value for a unit is chosen): alpha over all reviewers and kappa for each pair.
 */
export function textAgreement(tags: readonly ReviewTag[], length: number): TextAgreement {
  const { reviewers, runs } = codedRuns(tags, length);
  if (reviewers.length === 0) return { reviewers, alpha: null, kappa: [] };
  const alpha = reviewers.length < 2 ? null : krippendorffAlphaNominal(runs);
  const kappa: PairAgreement[] = [];
  for (let a = 0; a < reviewers.length; a++) {
    for (let b = a + 1; b < reviewers.length; b++) {
      const confusion = confusionTable(
        runs.map((run) => ({ a: run.codes[a]!, b: run.codes[b]!, weight: run.weight })),
      );
      kappa.push({ a: reviewers[a], b: reviewers[b], value: cohenKappa(confusion), confusion });
    }
  }
  return { reviewers, alpha, kappa };
}

/**
 * Krippendorff's alpha of `textAgreement` alone, without the kappa of every pair of reviewers
 * (the library summary shows only alpha; with ten reviewers the 45 pairs cost more than alpha).
 */
export function textAlpha(tags: readonly ReviewTag[], length: number): number | null {
  const { reviewers, runs } = codedRuns(tags, length);
  return reviewers.length < 2 ? null : krippendorffAlphaNominal(runs);
}

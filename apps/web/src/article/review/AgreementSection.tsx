import { useId } from 'react';
import type { ArticleReview } from '@factcheck/core';
import { ConfusionTable } from './ConfusionTable.js';
import { formatFigure, readAlpha, readKappa } from './review-words.js';

/** Props of the agreement dashboard. */
export interface AgreementSectionProps {
  readonly review: ArticleReview;
  readonly selfId: string;
}

/**
 * How far the reviewers agree, over every character of the article: Krippendorff's alpha for
 * the team with a plain reading, Cohen's kappa per pair of reviewers, and each pair's confusion table.
 */
export function AgreementSection({ review, selfId }: AgreementSectionProps) {
  const headingId = useId();
  const { alpha, kappa } = review.agreement;
  const names = new Map(review.reviewers.map((reviewer) => [reviewer.id, reviewer.name || 'Anonymous']));
  const nameOf = (id: string) => `${names.get(id) ?? 'Unknown reviewer'}${id === selfId ? ' (you)' : ''}`;
  const reading = alpha === null ? null : readAlpha(alpha);
  const enoughReviewers = review.reviewers.length >= 2;

  return (
    <section className="review-section agreement" aria-labelledby={headingId}>
      <h3 className="sidebar__heading" id={headingId}>
        Agreement
      </h3>
      <div
        className={`agreement__alpha${reading ? ` agreement__alpha--${reading.level}` : ''}`}
        data-testid="agreement-alpha"
        data-value={alpha ?? ''}
      >
        <span className="agreement__figure" title="Krippendorff’s alpha (nominal), over every character">
          <abbr title="Krippendorff’s alpha">α</abbr> {alpha === null ? '–' : formatFigure(alpha)}
        </span>
        <span className="agreement__reading">
          {reading
            ? reading.text
            : enoughReviewers
              ? 'Not defined yet: every character has the same value for everyone.'
              : 'Needs two reviewers: agreement compares the tags of at least two people.'}
        </span>
      </div>
      {enoughReviewers && (
        <p className="agreement__basis">
          Over every character of the article, {review.reviewers.length} reviewers; text a reviewer left
          untagged counts as “none”. Decided tags count for no one.
        </p>
      )}
      {kappa.length > 0 && (
        <ul className="agreement__pairs" aria-label="Agreement per pair of reviewers">
          {kappa.map((pair) => (
            <li key={`${pair.a}|${pair.b}`} className="kappa-row" data-testid="kappa-row">
              <div className="kappa-row__head">
                <span className="kappa-row__names">
                  {nameOf(pair.a)} <span aria-label="and">↔</span> {nameOf(pair.b)}
                </span>
                <span className="kappa-row__value" data-value={pair.value ?? ''}>
                  <abbr title="Cohen’s kappa">κ</abbr> {pair.value === null ? '–' : formatFigure(pair.value)}
                  {pair.value !== null && <span className="kappa-row__word"> {readKappa(pair.value)}</span>}
                </span>
              </div>
              <details className="kappa-row__details">
                <summary>Confusion table</summary>
                <div className="kappa-row__table">
                  <ConfusionTable
                    table={pair.confusion}
                    rowName={nameOf(pair.a)}
                    columnName={nameOf(pair.b)}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { Annotation } from '@factcheck/core';

/** A tag's review state as small badges: decided by a lead, marked disputed, or resolved with its verdict. */
export function ReviewBadges({ annotation }: { readonly annotation: Annotation }) {
  const resolver = annotation.resolvedBy?.name || 'a reviewer';
  return (
    <>
      {annotation.adjudicated && (
        <span
          className="review-badge review-badge--decided"
          data-testid="decided-badge"
          title="A lead settled the disputed passage with this tag; exports show it instead of the reviewers’ tags."
        >
          <span aria-hidden="true">✓</span> Decided by {annotation.author.name || 'Anonymous'}
        </span>
      )}
      {annotation.status === 'disputed' && (
        <span className="review-badge review-badge--disputed" title="A reviewer marked this tag as disputed.">
          Disputed
        </span>
      )}
      {annotation.status === 'resolved' && (
        <span className="review-badge review-badge--resolved" title={`Resolved by ${resolver}`}>
          {annotation.verdict ? `Verdict: ${annotation.verdict}` : 'Resolved'}
        </span>
      )}
    </>
  );
}

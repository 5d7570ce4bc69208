import type { ReviewProgressJson } from '../api/articles-api.js';

/** What the progress line says: how many tags are resolved, and disputes left to settle. */
export function progressText(progress: ReviewProgressJson): { main: string; disputes: string | null } {
  const main = progress.tags === 0 ? 'Not tagged yet' : `${progress.resolved} of ${progress.tags} resolved`;
  const open = progress.disputedPassages - progress.decidedPassages;
  const disputes =
    progress.disputedPassages === 0
      ? null
      : open > 0
        ? `${open} ${open === 1 ? 'dispute' : 'disputes'} to settle`
        : 'disputes settled';
  return { main, disputes };
}

/**
 * An article's review progress: a bar of its tags by status (resolved, disputed, open) and a line
 * saying how many are resolved and how many disputed passages wait for a lead.
 */
export function ReviewProgress({ progress }: { readonly progress: ReviewProgressJson | undefined }) {
  if (!progress) return <div className="review-progress" />;
  const { main, disputes } = progressText(progress);
  const share = (count: number) => (progress.tags === 0 ? 0 : (100 * count) / progress.tags);
  const unsettled = progress.disputedPassages > progress.decidedPassages;
  return (
    <div className="review-progress" data-testid="review-progress">
      <div
        className="review-progress__bar"
        role="img"
        aria-label={`${progress.resolved} resolved, ${progress.disputed} disputed, ${progress.open} open`}
      >
        <span
          className="review-progress__part review-progress__part--resolved"
          style={{ width: `${share(progress.resolved)}%` }}
        />
        <span
          className="review-progress__part review-progress__part--disputed"
          style={{ width: `${share(progress.disputed)}%` }}
        />
      </div>
      <p className="review-progress__text">
        <span className={progress.tags === 0 ? 'review-progress__none' : undefined}>{main}</span>
        {disputes && (
          <span className={`review-progress__disputes${unsettled ? ' review-progress__disputes--open' : ''}`}>
            {disputes}
          </span>
        )}
      </p>
    </div>
  );
}

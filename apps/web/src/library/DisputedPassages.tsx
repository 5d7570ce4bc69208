import { truncateQuote } from '../article/tags/tag-status.js';
import { Link } from '../routing/Link.js';
import { articleReviewPath } from '../routing/router.js';
import type { ReviewSummariesState } from './useReviewSummaries.js';

const figure = (value: number) => value.toFixed(2).replace(/^-/u, '−');

/**
 * The library's "Disputed passages": each article with passages where reviewers disagree, how
 * many, and the team's agreement, linking to the article's Review tab. Absent when the server
 * has no review endpoint.
 */
export function DisputedPassages({ state }: { readonly state: ReviewSummariesState }) {
  if (state.status === 'unavailable' || state.status === 'loading') return null;
  const disputed =
    state.status === 'loaded'
      ? [...state.articles]
          .filter((article) => article.disputed > 0)
          .sort((a, b) => b.disputed - b.decided - (a.disputed - a.decided) || b.disputed - a.disputed)
      : [];
  return (
    <section className="library-review" aria-labelledby="library-review-heading" data-testid="library-review">
      <h2 className="library-review__heading" id="library-review-heading">
        Disputed passages
      </h2>
      {state.status === 'failed' && (
        <p className="library-review__empty">Could not load the review summary: {state.message}</p>
      )}
      {state.status === 'loaded' && disputed.length === 0 && (
        <p className="library-review__empty">No disputed passages: wherever tags overlap, reviewers agree.</p>
      )}
      {disputed.length > 0 && (
        <ul className="library-review__list">
          {disputed.map((article) => (
            <li key={article.id}>
              <Link
                href={articleReviewPath(article.id)}
                className={`library-review__item${article.decided >= article.disputed ? ' library-review__item--settled' : ''}`}
                data-testid="library-review-item"
                data-article-id={article.id}
                data-disputed={article.disputed}
              >
                <span className="library-review__title">{article.title || 'Untitled article'}</span>
                <span className="library-review__count">
                  {article.disputed} {article.disputed === 1 ? 'disputed passage' : 'disputed passages'}
                  {article.decided > 0 && (
                    <span className="library-review__decided">
                      {' · '}
                      {article.decided >= article.disputed ? 'all decided' : `${article.decided} decided`}
                    </span>
                  )}
                </span>
                {article.alpha !== null && (
                  <span
                    className="library-review__alpha"
                    title="Krippendorff’s alpha: how far the reviewers agree"
                  >
                    α {figure(article.alpha)}
                  </span>
                )}
                <span className="library-review__go" aria-hidden="true">
                  Review →
                </span>
                {article.quotes.length > 0 && (
                  <span className="library-review__quotes">
                    {article.quotes.map((quote) => `“${truncateQuote(quote, 90)}”`).join('  ·  ')}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

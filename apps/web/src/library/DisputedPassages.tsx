import type { ArticleSummaryJson } from '../api/articles-api.js';
import { Link } from '../routing/Link.js';
import { articleReviewPath } from '../routing/router.js';

/** Articles listed by name in the banner; more are counted. */
const NAMED = 4;

/** How many disputed passages of an article still wait for a decision. */
function unsettled(article: ArticleSummaryJson): number {
  const progress = article.progress;
  return progress ? progress.disputedPassages - progress.decidedPassages : 0;
}

/**
 * The library's "waiting for a lead" line: the articles whose disputed passages are not all
 * decided, most first, each linking to its Review tab. Read from the stored summaries, so it costs
 * no document loads; absent when every dispute is settled.
 */
export function DisputedPassages({ articles }: { readonly articles: readonly ArticleSummaryJson[] }) {
  const waiting = articles
    .filter((article) => unsettled(article) > 0)
    .sort((a, b) => unsettled(b) - unsettled(a));
  if (waiting.length === 0) return null;
  const total = waiting.reduce((sum, article) => sum + unsettled(article), 0);
  return (
    <section className="library-review" aria-labelledby="library-review-heading" data-testid="library-review">
      <h2 className="library-review__heading" id="library-review-heading">
        {total} disputed {total === 1 ? 'passage waits' : 'passages wait'} for a lead
      </h2>
      <ul className="library-review__list">
        {waiting.slice(0, NAMED).map((article) => (
          <li key={article.id}>
            <Link
              href={articleReviewPath(article.id)}
              className="library-review__item"
              data-testid="library-review-item"
              data-article-id={article.id}
              data-disputed={unsettled(article)}
            >
              <span className="library-review__title">{article.title || 'Untitled article'}</span>
              <span className="library-review__count">{unsettled(article)}</span>
            </Link>
          </li>
        ))}
        {waiting.length > NAMED && (
          <li className="library-review__more">and {waiting.length - NAMED} more</li>
        )}
      </ul>
    </section>
  );
}

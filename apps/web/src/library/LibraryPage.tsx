import { useDocumentTitle } from '../layout/useDocumentTitle.js';
import { ArticleCard } from './ArticleCard.js';
import { DisputedPassages } from './DisputedPassages.js';
import { ExportAllControl } from './ExportAllControl.js';
import { useArticleSummaries } from './useArticleSummaries.js';
import { useReviewSummaries } from './useReviewSummaries.js';

/** The home page: where reviewers disagree, and every article to review with how much of each label it carries. */
export function LibraryPage() {
  const { articles, loading, error, reload } = useArticleSummaries();
  const review = useReviewSummaries();
  useDocumentTitle(null);
  return (
    <main className="library" aria-busy={loading}>
      <div className="library__intro">
        <div>
          <h1 className="library__heading">Articles</h1>
          <p className="library__lede">
            Open an article to tag allegations, denials and unverified rumours together with your colleagues.
          </p>
        </div>
        {articles !== null && articles.length > 0 && <ExportAllControl />}
      </div>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>Could not load the articles: {error}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {articles === null && !error && (
        <p className="library__status" role="status">
          Loading articles…
        </p>
      )}
      {articles !== null && articles.length === 0 && <p className="library__status">No articles yet.</p>}
      {articles !== null && articles.length > 0 && (
        <>
          <DisputedPassages state={review} />
          <ul className="article-list" data-testid="article-list">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

import type { ArticleSummaryJson } from '../api/articles-api.js';
import { byline, formatPublished, languageName } from '../article/header/meta-format.js';
import { Link } from '../routing/Link.js';
import { articlePath } from '../routing/router.js';
import { ArticleActionsMenu } from './ArticleActionsMenu.js';
import { highlightTerms } from './highlight-terms.js';
import { LabelCounts } from './LabelCounts.js';
import { ReviewProgress } from './ReviewProgress.js';

/** Props of one library row. */
export interface ArticleRowProps {
  readonly article: ArticleSummaryJson;
  readonly onToggleArchived: (article: ArticleSummaryJson) => void;
  readonly onDelete: (article: ArticleSummaryJson) => void;
  /** What the library was searched for, marked in the excerpt. */
  readonly query: string;
  /** Whether this reviewer may archive and delete (leads, or everyone in open mode). */
  readonly canManage: boolean;
}

/** The text around a search hit, every searched word in it marked. */
function Excerpt({ text, query }: { readonly text: string; readonly query: string }) {
  return (
    <p className="article-row__excerpt" data-testid="article-excerpt">
      {highlightTerms(text, query).map((piece, index) =>
        piece.hit ? <mark key={index}>{piece.text}</mark> : piece.text,
      )}
    </p>
  );
}

/**
 * One article in the library: outlet, date and language above its title (linking to the editor),
 * the byline, the search excerpt, its tag counts, review progress and its actions.
 */
export function ArticleRow({ article, onToggleArchived, onDelete, query, canManage }: ArticleRowProps) {
  const kicker = [
    article.outlet,
    article.publishedAt && formatPublished(article.publishedAt),
    article.language && languageName(article.language),
  ].filter(Boolean);
  return (
    <li
      className={`article-row${article.archived ? ' article-row--archived' : ''}`}
      data-testid="article-row"
      data-article-id={article.id}
    >
      <div className="article-row__main">
        <p className="article-row__kicker">
          {kicker.length > 0 ? kicker.join(' · ') : 'No source details'}
          {article.archived && <span className="article-row__archived">Archived</span>}
        </p>
        <h2 className="article-row__title">
          <Link href={articlePath(article.id)} className="article-row__link" data-testid="article-link">
            {article.title || 'Untitled article'}
          </Link>
        </h2>
        {article.authors && <p className="article-row__byline">By {byline(article.authors)}</p>}
        {article.excerpt && <Excerpt text={article.excerpt.text} query={query} />}
      </div>
      <LabelCounts counts={article.counts} />
      <ReviewProgress progress={article.progress} />
      {canManage ? (
        <ArticleActionsMenu article={article} onToggleArchived={onToggleArchived} onDelete={onDelete} />
      ) : (
        <span />
      )}
    </li>
  );
}

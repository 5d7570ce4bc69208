import { LABELS } from '@factcheck/core';
import type { ArticleSummaryJson } from '../api/articles-api.js';
import { Link } from '../routing/Link.js';
import { articlePath } from '../routing/router.js';
import { LabelCounts } from './LabelCounts.js';

/** One article in the library: its title and tag counts, linking to its editor. */
export function ArticleCard({ article }: { readonly article: ArticleSummaryJson }) {
  const total = LABELS.reduce((sum, label) => sum + (article.counts[label] ?? 0), 0);
  return (
    <li className="article-card">
      <Link href={articlePath(article.id)} className="article-card__link" data-testid="article-link">
        <h2 className="article-card__title">{article.title || 'Untitled article'}</h2>
        <p className="article-card__meta">
          {total === 0 ? 'Not tagged yet' : `${total} ${total === 1 ? 'tag' : 'tags'}`}
        </p>
        <LabelCounts counts={article.counts} />
      </Link>
    </li>
  );
}

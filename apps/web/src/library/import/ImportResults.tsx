import { Link } from '../../routing/Link.js';
import { articlePath } from '../../routing/router.js';
import type { ImportItem } from './useImportQueue.js';

/** Props of the results list. */
export interface ImportResultsProps {
  readonly items: readonly ImportItem[];
  readonly finished: number;
  /** Closes the dialog (opening an article leaves the library). */
  readonly onOpen: () => void;
}

const STATUS_TEXT: Readonly<Record<ImportItem['status'], string>> = {
  waiting: 'Waiting',
  importing: 'Importing…',
  done: 'Imported',
  failed: 'Not imported',
};

/** The progress of a batch and each file's outcome: a link to the new article, or why it was refused. */
export function ImportResults({ items, finished, onOpen }: ImportResultsProps) {
  const imported = items.filter((item) => item.status === 'done').length;
  const failed = items.filter((item) => item.status === 'failed').length;
  return (
    <section className="article-import__results" aria-label="Imported files">
      <div className="article-import__progress">
        <progress
          className="article-import__bar"
          value={finished}
          max={items.length}
          data-testid="import-progress"
          aria-label="Import progress"
        />
        <span role="status" className="article-import__count">
          {finished < items.length
            ? `Importing ${finished + 1} of ${items.length}…`
            : `${imported} of ${items.length} imported${failed > 0 ? `, ${failed} refused` : ''}`}
        </span>
      </div>
      <ul className="article-import__list" data-testid="import-results">
        {items.map((item) => (
          <li
            key={item.key}
            className="article-import__item"
            data-status={item.status}
            data-testid="import-result-item"
          >
            <span className="article-import__status">{STATUS_TEXT[item.status]}</span>
            <span className="article-import__name">{item.name}</span>
            {item.article && (
              <Link
                href={articlePath(item.article.id)}
                className="article-import__open"
                onClick={onOpen}
                data-testid="import-open-article"
                dir="auto"
              >
                Open “{item.article.title}”
              </Link>
            )}
            {item.error && (
              <span className="article-import__error" role="alert">
                {item.error}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

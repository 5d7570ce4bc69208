import { useCallback, useId, useRef, useState } from 'react';
import type { ArticleSummaryJson } from '../api/articles-api.js';
import { useDismiss } from '../article/popover/useDismiss.js';

/** Props of an article's action menu. */
export interface ArticleActionsMenuProps {
  readonly article: ArticleSummaryJson;
  readonly onToggleArchived: (article: ArticleSummaryJson) => void;
  readonly onDelete: (article: ArticleSummaryJson) => void;
}

/** The "⋯" menu of an article in the library: archive (or unarchive) and delete, both undoable. */
export function ArticleActionsMenu({ article, onToggleArchived, onDelete }: ArticleActionsMenuProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, close, open);
  const choose = (action: (article: ArticleSummaryJson) => void) => {
    setOpen(false);
    action(article);
  };
  return (
    <div className="article-actions" ref={ref}>
      <button
        type="button"
        className="article-actions__button"
        aria-label={`Actions for ${article.title || 'this article'}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        data-testid="article-actions"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div className="article-actions__menu" role="menu" id={menuId}>
          <button
            type="button"
            role="menuitem"
            className="article-actions__item"
            onClick={() => choose(onToggleArchived)}
            data-testid="archive-article"
          >
            {article.archived ? 'Move back to the library' : 'Archive'}
          </button>
          <button
            type="button"
            role="menuitem"
            className="article-actions__item article-actions__item--danger"
            onClick={() => choose(onDelete)}
            data-testid="delete-article"
          >
            Delete
          </button>
        </div>
      )}
    </div>
  );
}

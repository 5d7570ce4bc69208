import { useCallback, useRef, useState } from 'react';
import {
  deleteArticle,
  restoreArticle,
  setArticleArchived,
  type ArticleSummaryJson,
} from '../api/articles-api.js';
import type { UndoOffer } from './UndoToast.js';

/** Archiving and deleting from the library, each reported in a toast that can take it back. */
export interface LibraryActions {
  readonly offer: UndoOffer | null;
  readonly dismiss: () => void;
  readonly toggleArchived: (article: ArticleSummaryJson) => Promise<void>;
  readonly remove: (article: ArticleSummaryJson) => Promise<void>;
}

const quoted = (article: ArticleSummaryJson) => `“${article.title || 'Untitled article'}”`;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Archive, unarchive and delete with undo. The server keeps a deleted article restorable for a
 * while longer than the toast offers it, so Undo always finds it; `changed` refreshes the list.
 */
export function useLibraryActions(changed: () => void): LibraryActions {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const nextId = useRef(0);
  const show = useCallback((text: string, undo?: () => Promise<void>, tone?: UndoOffer['tone']) => {
    setOffer({ id: ++nextId.current, text, undo, tone });
  }, []);
  const dismiss = useCallback(() => setOffer(null), []);

  const toggleArchived = useCallback(
    async (article: ArticleSummaryJson) => {
      const archive = !article.archived;
      try {
        await setArticleArchived(article.id, archive);
      } catch (error) {
        show(
          `Could not ${archive ? 'archive' : 'unarchive'} ${quoted(article)}: ${reason(error)}`,
          undefined,
          'error',
        );
        return;
      }
      changed();
      show(`${quoted(article)} ${archive ? 'archived' : 'moved back to the library'}.`, async () => {
        await setArticleArchived(article.id, !archive);
        changed();
      });
    },
    [changed, show],
  );

  const remove = useCallback(
    async (article: ArticleSummaryJson) => {
      try {
        await deleteArticle(article.id);
      } catch (error) {
        show(`Could not delete ${quoted(article)}: ${reason(error)}`, undefined, 'error');
        return;
      }
      changed();
      show(`${quoted(article)} deleted.`, async () => {
        await restoreArticle(article.id);
        changed();
      });
    },
    [changed, show],
  );

  return { offer, dismiss, toggleArchived, remove };
}

import { useCallback } from 'react';
import { fetchArticles, fetchOutlets } from '../api/articles-api.js';
import { useDocumentTitle } from '../layout/useDocumentTitle.js';
import { useReviewer } from '../reviewer/ReviewerContext.js';
import { ArticleBrowser } from './ArticleBrowser.js';
import { DisputedPassages } from './DisputedPassages.js';
import { ExportAllControl } from './ExportAllControl.js';
import { ImportControl } from './import/ImportControl.js';
import {
  articleListQuery,
  type ArticleFilters,
  type LibraryView,
  type TagFilters,
} from './library-params.js';
import { TagSearchPanel } from './tag-search/TagSearchPanel.js';
import { UndoToast } from './UndoToast.js';
import { useArticleSummaries } from './useArticleSummaries.js';
import { useLibraryActions } from './useLibraryActions.js';
import { useLibraryParams } from './useLibraryParams.js';
import { useServerQuery } from './useServerQuery.js';

const TABS: readonly { readonly view: LibraryView; readonly name: string }[] = [
  { view: 'articles', name: 'Articles' },
  { view: 'tags', name: 'Tags across articles' },
];

/**
 * The home page: every article with its source, tag counts and review progress, searched and
 * filtered on the server as the reviewer types; tag search across all articles; archive and delete
 * with undo. The search lives in the address, so the back button from an article returns to it.
 */
export function LibraryPage() {
  const [params, update] = useLibraryParams();
  const { view, articles: filters } = params;
  const list = useArticleSummaries(articleListQuery(filters));
  // Unfiltered summaries for the outlets and the disputes line: the server answers from memory.
  const outlets = useServerQuery(`outlets:${filters.archived}`, (signal) =>
    fetchOutlets(filters.archived, signal),
  );
  const everything = useServerQuery('all', (signal) => fetchArticles({}, signal));
  const { reload: reloadList } = list;
  const { reload: reloadOutlets } = outlets;
  const { reload: reloadEverything } = everything;
  const reloadArticles = useCallback(() => {
    reloadList();
    reloadOutlets();
    reloadEverything();
  }, [reloadList, reloadOutlets, reloadEverything]);
  const actions = useLibraryActions(reloadArticles);
  const { abilities } = useReviewer();
  useDocumentTitle(null);

  const changeArticles = useCallback(
    (change: Partial<ArticleFilters>) =>
      update((previous) => ({ ...previous, articles: { ...previous.articles, ...change } })),
    [update],
  );
  const changeTags = useCallback(
    (change: Partial<TagFilters>) =>
      update((previous) => ({ ...previous, tags: { ...previous.tags, ...change } })),
    [update],
  );
  const hasArticles = (everything.data?.length ?? 0) > 0;

  return (
    <main className="library" aria-busy={list.loading}>
      <div className="library__intro">
        <div>
          <h1 className="library__heading">Articles</h1>
          <p className="library__lede">
            Open an article to tag allegations, denials and unverified rumours together with your colleagues.
          </p>
        </div>
        <div className="library__actions">
          <ImportControl onImported={reloadArticles} />
          {hasArticles && <ExportAllControl />}
        </div>
      </div>
      {everything.data && view === 'articles' && !filters.archived && (
        <DisputedPassages articles={everything.data} />
      )}
      <div className="library-tabs" role="tablist" aria-label="Library">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            className="library-tabs__tab"
            aria-selected={view === tab.view}
            onClick={() => update((previous) => ({ ...previous, view: tab.view }))}
            data-testid={`library-tab-${tab.view}`}
          >
            {tab.name}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="library__panel">
        {view === 'articles' ? (
          <ArticleBrowser
            filters={filters}
            onChange={changeArticles}
            outlets={outlets.data ?? []}
            list={list}
            onToggleArchived={(article) => void actions.toggleArchived(article)}
            onDelete={(article) => void actions.remove(article)}
            canManage={abilities.manage}
          />
        ) : (
          <TagSearchPanel filters={params.tags} onChange={changeTags} />
        )}
      </div>
      <UndoToast offer={actions.offer} onDone={actions.dismiss} />
    </main>
  );
}

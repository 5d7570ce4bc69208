import type { Reviewer } from '@factcheck/core';
import { useDocumentTitle } from '../layout/useDocumentTitle.js';
import { NotFoundPage } from '../layout/NotFoundPage.js';
import { ExportMenu } from './export/ExportMenu.js';
import { ArticleMasthead } from './header/ArticleMasthead.js';
import { usePresence } from './presence/usePresence.js';
import { usePublishedUser } from './presence/usePublishedUser.js';
import { useArticleExistence } from './shared/useArticleExistence.js';
import { useArticleTitle } from './shared/useArticleTitle.js';
import { useConnectionStatus } from './shared/useConnectionStatus.js';
import { useSharedArticle } from './shared/useSharedArticle.js';
import { useTagFilter } from './tags/useTagFilter.js';
import { OfflineNotice } from './offline/OfflineNotice.js';
import { ArticleWorkspace } from './ArticleWorkspace.js';
import { AccessRefused } from '../session/AccessRefused.js';
import { ARTICLE_DELETED_CLOSE_CODE } from '../api/articles-api.js';
import { useReviewer } from '../reviewer/ReviewerContext.js';
import { ReadingCopyLayout } from './reading-copy/ReadingCopyLayout.js';
import { forgetReadingCopies } from './reading-copy/reading-copy-store.js';
import { useReadingCopy } from './reading-copy/useReadingCopy.js';
import { useCallback, useEffect, useState } from 'react';

/** Props of the editor page. */
export interface ArticlePageProps {
  readonly articleId: string;
  readonly reviewer: Reviewer;
  readonly color: string;
}

/**
 * The editor page: connects to the article, and shows it once it has synced so no one sees it empty.
 * Until then it shows the reading copy this browser kept of the article, or else the server's,
 * painted before the article's document is loaded (decoding a long article and building its
 * editor takes a second or more). It holds the tag filter, which the sidebar sets and the export
 * menu in the masthead applies.
 */
export function ArticlePage({ articleId, reviewer, color }: ArticlePageProps) {
  const { abilities } = useReviewer();
  const existence = useArticleExistence(articleId);
  const { state: readingCopy, release: releaseReadingCopy } = useReadingCopy(reviewer.id, articleId);
  const [shownCopy, setShownCopy] = useState<HTMLElement | null>(null);
  const copyElement = readingCopy.kind === 'found' ? readingCopy.element : null;
  const showedReadingCopy = useCallback(() => setShownCopy(copyElement), [copyElement]);
  // The document loads once the reading copy is on screen: decoding it holds the page for a while.
  const copySettled = readingCopy.kind === 'none' || (copyElement !== null && shownCopy === copyElement);
  const { article, hasSynced, refused } = useSharedArticle(
    articleId,
    existence.state !== 'missing' && copySettled,
    reviewer.id,
  );
  const gone = existence.state === 'missing' || refused?.code === ARTICLE_DELETED_CLOSE_CODE;
  useEffect(() => {
    if (gone) void forgetReadingCopies(articleId).catch(() => undefined);
  }, [gone, articleId]);
  const connection = useConnectionStatus(article?.provider ?? null);
  const awareness = article?.provider.awareness ?? null;
  usePublishedUser(awareness, { id: reviewer.id, name: reviewer.name, color });
  const users = usePresence(awareness);
  const [sharedTitle, saveTitle] = useArticleTitle(article?.ydoc ?? null);
  const title = sharedTitle || (existence.state === 'found' ? existence.summary.title : '');
  useDocumentTitle(title || null);
  const filterControls = useTagFilter();
  const ready = article !== null && hasSynced;

  if (existence.state === 'missing') return <NotFoundPage what="article" />;
  if (refused?.code === ARTICLE_DELETED_CLOSE_CODE) return <NotFoundPage what="article" />;
  if (refused) return <AccessRefused reason={refused.reason} />;

  return (
    <main className="article-page">
      <ArticleMasthead
        title={title || (hasSynced ? 'Untitled article' : 'Loading…')}
        onSaveTitle={hasSynced ? saveTitle : null}
        ydoc={ready ? article.ydoc : null}
        connection={connection}
        users={users}
        actions={
          ready && <ExportMenu articleId={articleId} ydoc={article.ydoc} filter={filterControls.filter} />
        }
      />
      {ready && <OfflineNotice connection={connection} keptLocally={article.local.available} />}
      {ready ? (
        <ArticleWorkspace
          articleId={articleId}
          article={article}
          reviewer={reviewer}
          filterControls={filterControls}
          readingCopy={copyElement}
          onEditorShown={releaseReadingCopy}
        />
      ) : copyElement ? (
        <ReadingCopyLayout
          copy={copyElement}
          reviewer={reviewer}
          canTag={abilities.annotate}
          canEditText={abilities.edit}
          onShown={showedReadingCopy}
        />
      ) : (
        <p className="article-page__loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading article…
        </p>
      )}
    </main>
  );
}

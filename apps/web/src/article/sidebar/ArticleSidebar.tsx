import { memo, useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import type { Reviewer } from '@factcheck/core';
import type { PlacedTag } from '@factcheck/editor';
import { TagDetailsPanel } from '../details/TagDetailsPanel.js';
import { passageDecision } from '../review/passage-decisions.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { useArticleReview } from '../review/useArticleReview.js';
import type { TaggingWrite } from '../tags/tagging-transaction.js';
import type { TagFilterControls } from '../tags/useTagFilter.js';
import { TagSidebar } from './TagSidebar.js';
import type { SidebarPanel, SidebarTab } from './useSidebarPanel.js';

/** Props of the sidebar. */
export interface ArticleSidebarProps {
  readonly panel: SidebarPanel;
  /**
   * Every tag, in document order with orphans last: the annotation plugin's list as of the last
   * change to a tag (`useListedTags`), so positions may be stale.
   */
  readonly tags: readonly PlacedTag[];
  readonly activeIds: ReadonlySet<string>;
  readonly filterControls: TagFilterControls;
  /** Comments per tag id. */
  readonly comments: ReadonlyMap<string, number>;
  readonly ydoc: Y.Doc;
  readonly reviewer: Reviewer;
  readonly write: TaggingWrite;
  readonly onSelectTag: (tag: PlacedTag) => void;
  readonly onSelectTags: (tags: readonly PlacedTag[]) => void;
  readonly onRemoveTag: (id: string) => void;
  readonly onMessage: (message: string) => void;
}

const TABS: readonly SidebarTab[] = ['tags', 'review'];
const TAB_NAMES: Record<SidebarTab, string> = { tags: 'Tags', review: 'Review' };

/**
 * Beside the article: the Tags tab (list and filters), the Review tab (disputed passages and
 * agreement), and in place of either, one tag's details. Renders again only when its props do,
 * not on every keystroke in the article.
 */
export const ArticleSidebar = memo(function ArticleSidebar({
  panel,
  tags,
  activeIds,
  filterControls,
  comments,
  ydoc,
  reviewer,
  write,
  onSelectTag,
  onSelectTags,
  onRemoveTag,
  onMessage,
}: ArticleSidebarProps) {
  const { tab, detailsId, setTab, openDetails, closeDetails } = panel;
  const id = useId();
  const asideRef = useRef<HTMLElement>(null);
  const tabRefs = useRef<Partial<Record<SidebarTab, HTMLButtonElement | null>>>({});
  const review = useArticleReview(ydoc, tab === 'review');
  const placedCount = useMemo(() => tags.filter((tag) => tag.status !== 'orphaned').length, [tags]);
  const openDisputes = useMemo(() => {
    if (!review) return null;
    const live = new Set(tags.map((tag) => tag.annotation.id));
    return review.passages.filter(
      (passage) => passage.disputed && passageDecision(passage, live).state !== 'decided',
    ).length;
  }, [review, tags]);
  const detailsTag =
    detailsId === null ? null : (tags.find((tag) => tag.annotation.id === detailsId) ?? null);

  // Opening details shows them from the top, and on narrow screens (sidebar below the article)
  // brings the sidebar into view.
  useEffect(() => {
    const aside = asideRef.current;
    if (detailsId === null || !aside) return;
    aside.scrollTop = 0;
    const { top, bottom } = aside.getBoundingClientRect();
    if (top > window.innerHeight || bottom < 0) aside.scrollIntoView({ block: 'start' });
  }, [detailsId]);
  const backFromDetails = useCallback(() => {
    closeDetails();
    tabRefs.current[tab]?.focus();
  }, [closeDetails, tab]);

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <aside ref={asideRef} className="sidebar" aria-label="Tags and review">
      <div className="sidebar-tabs" role="tablist" aria-label="Sidebar">
        {TABS.map((name) => {
          const count = name === 'tags' ? placedCount : openDisputes;
          return (
            <button
              key={name}
              ref={(element) => {
                tabRefs.current[name] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-${name}`}
              className="sidebar-tabs__tab"
              data-testid={`${name}-tab`}
              aria-selected={tab === name}
              aria-controls={`${id}-panel`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => (tab === name ? closeDetails() : setTab(name))}
              onKeyDown={onTabKeyDown}
            >
              {TAB_NAMES[name]}
              {count !== null && (
                <span
                  className={`sidebar__count${name === 'review' && count > 0 ? ' sidebar__count--alert' : ''}`}
                  aria-label={name === 'review' ? `${count} disputed passages to decide` : `${count} tags`}
                >
                  {count}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div className="sidebar__panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {detailsId !== null ? (
          detailsTag ? (
            <TagDetailsPanel
              key={detailsTag.annotation.id}
              tag={detailsTag}
              tags={tags}
              ydoc={ydoc}
              reviewer={reviewer}
              write={write}
              backTo={tab === 'review' ? 'the review' : 'tags'}
              onBack={backFromDetails}
              onGoToTag={onSelectTag}
              onOpenDetails={openDetails}
            />
          ) : (
            <div className="sidebar__section">
              <p className="sidebar__empty">This tag is no longer in the article.</p>
              <button type="button" className="button button--small" onClick={backFromDetails}>
                Back
              </button>
            </div>
          )
        ) : tab === 'tags' ? (
          <TagSidebar
            tags={tags}
            activeIds={activeIds}
            filterControls={filterControls}
            selfId={reviewer.id}
            comments={comments}
            onSelectTag={onSelectTag}
            onOpenDetails={openDetails}
            onRemoveTag={onRemoveTag}
          />
        ) : (
          <ReviewPanel
            review={review}
            tags={tags}
            comments={comments}
            ydoc={ydoc}
            reviewer={reviewer}
            write={write}
            onSelectTags={onSelectTags}
            onOpenDetails={openDetails}
            onMessage={onMessage}
          />
        )}
      </div>
    </aside>
  );
});

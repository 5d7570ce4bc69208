import { useReviewer } from '../reviewer/ReviewerContext.js';
import { useBlindReview } from './review/useBlindReview.js';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { getAnnotationsMap, isLabel, LABEL_NAMES, type Label, type Reviewer } from '@factcheck/core';
import { annotationPluginKey, relabelTag, removeTag, type PlacedTag } from '@factcheck/editor';
import type { EditorView } from 'prosemirror-view';
import { Toast, type ToastMessage } from '../layout/Toast.js';
import { useOpenTagFromAddress } from '../routing/useOpenTagFromAddress.js';
import { useArticleEditor } from './editor/useArticleEditor.js';
import { useExposeForTests } from './editor/expose-for-tests.js';
import { TagPopover, type PopoverAnchor } from './popover/TagPopover.js';
import type { SharedArticle } from './shared/useSharedArticle.js';
import { ArticleSidebar } from './sidebar/ArticleSidebar.js';
import { useListedTags } from './sidebar/useListedTags.js';
import { useSidebarPanel } from './sidebar/useSidebarPanel.js';
import { useCommentCounts } from './tags/useCommentCounts.js';
import { applyTagFilter, goToTag, goToTags, showTagsAsActive } from './tags/tag-view-actions.js';
import { writeAsTagging, type TaggingWrite } from './tags/tagging-transaction.js';
import type { TagFilterControls } from './tags/useTagFilter.js';
import { Toolbar } from './toolbar/Toolbar.js';
import { ReadingCopyView } from './reading-copy/ReadingCopyView.js';
import { useReadingCopyCapture } from './reading-copy/useReadingCopyCapture.js';

/** Props of the workspace. */
export interface ArticleWorkspaceProps {
  readonly articleId: string;
  readonly article: SharedArticle;
  readonly reviewer: Reviewer;
  /** The sidebar's tag filter, held by the page so the export menu in the masthead can apply it. */
  readonly filterControls: TagFilterControls;
  /** The reading copy shown until the editor is drawn, or null. */
  readonly readingCopy: HTMLElement | null;
  /** Called once the editor is drawn (the reading copy can go). */
  readonly onEditorShown: () => void;
}

interface OpenPopover {
  readonly ids: readonly string[];
  readonly anchor: PopoverAnchor;
}

const NO_TAGS: readonly PlacedTag[] = [];
const NO_IDS: ReadonlySet<string> = new Set();

/** The synced article: toolbar, the editor itself, the tag popover and the sidebar (tags, review, details). */
export function ArticleWorkspace({
  articleId,
  article,
  reviewer,
  filterControls,
  readingCopy,
  onEditorShown,
}: ArticleWorkspaceProps) {
  const { ydoc, provider } = article;
  const { abilities } = useReviewer();
  const blind = useBlindReview(ydoc);
  const [popover, setPopover] = useState<OpenPopover | null>(null);
  const panel = useSidebarPanel();
  const comments = useCommentCounts(ydoc);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastId = useRef(0);

  const say = useCallback((text: string) => setToast({ id: ++toastId.current, text }), []);
  const clearToast = useCallback(() => setToast(null), []);
  const onTagged = useCallback(
    (id: string) => {
      const label = getAnnotationsMap(ydoc).get(id)?.get('label');
      if (isLabel(label)) say(`Tagged as ${LABEL_NAMES[label]}.`);
    },
    [ydoc, say],
  );
  const onTagsClicked = useCallback((ids: string[], clickedView: EditorView, event: MouseEvent) => {
    setPopover({ ids, anchor: { pageX: event.pageX, pageY: event.pageY } });
    // After ProseMirror has finished handling the click.
    queueMicrotask(() => {
      if (!clickedView.isDestroyed) showTagsAsActive(clickedView, new Set(ids));
    });
  }, []);

  const { mountRef, view, state } = useArticleEditor({
    ydoc,
    awareness: provider.awareness,
    reviewer,
    onTagsClicked,
    onTagged,
    canTag: abilities.annotate,
    textLocked: !abilities.edit || blind.blind,
  });
  useExposeForTests(view ? { view, ydoc, provider } : null);
  useReadingCopyCapture(view, ydoc, reviewer.id, articleId);
  useEffect(() => {
    if (view) onEditorShown();
  }, [view, onEditorShown]);

  const annotations = state ? annotationPluginKey.getState(state) : undefined;
  const tags = annotations?.tags ?? NO_TAGS;
  const activeIds = annotations?.activeIds ?? NO_IDS;
  useOpenTagFromAddress(view, tags);
  // Typing only moves tags: lists follow changes to the tags themselves, and after the editor.
  const listedTags = useListedTags(tags);
  const sidebarTags = useDeferredValue(listedTags);
  const sidebarActiveIds = useDeferredValue(activeIds);

  useEffect(() => {
    if (view) applyTagFilter(view, filterControls.filter);
  }, [view, filterControls.filter]);

  const popoverTags = useMemo(() => {
    if (!popover) return NO_TAGS;
    const byId = new Map(listedTags.map((tag) => [tag.annotation.id, tag]));
    return popover.ids.flatMap((id) => byId.get(id) ?? []);
  }, [popover, listedTags]);
  const closePopover = useCallback(() => {
    setPopover(null);
    if (view && !view.isDestroyed) showTagsAsActive(view, NO_IDS);
  }, [view]);
  useEffect(() => {
    if (popover && popoverTags.length === 0) setPopover(null);
  }, [popover, popoverTags.length]);

  const write = useCallback<TaggingWrite>((change) => writeAsTagging(view, ydoc, change), [view, ydoc]);
  const onRelabel = useCallback(
    (id: string, label: Label) => {
      if (view) relabelTag(id, label, reviewer)(view.state, view.dispatch, view);
    },
    [view, reviewer],
  );
  const onRemove = useCallback(
    (id: string) => {
      if (view && removeTag(id)(view.state, view.dispatch, view)) say('Tag removed. Undo brings it back.');
    },
    [view, say],
  );
  const onSelectTag = useCallback(
    (tag: PlacedTag) => {
      setPopover(null);
      if (view) goToTag(view, tag);
    },
    [view],
  );
  const onSelectTags = useCallback(
    (selected: readonly PlacedTag[]) => {
      setPopover(null);
      if (view) goToTags(view, selected);
    },
    [view],
  );
  const { openDetails } = panel;
  const onOpenDetailsFromPopover = useCallback(
    (id: string) => {
      closePopover();
      openDetails(id);
    },
    [closePopover, openDetails],
  );

  return (
    <div className="workspace">
      <div className="workspace__main">
        <Toolbar
          view={view}
          state={state}
          reviewer={reviewer}
          onTagged={onTagged}
          onMessage={say}
          canTag={abilities.annotate}
          canEditText={abilities.edit && !blind.blind}
        />
        {blind.blind && (
          <p className="blind-banner" role="status" data-testid="blind-banner">
            Blind review: you see only your own tags until the lead reveals everyone’s.
          </p>
        )}
        <article className="sheet" aria-label="Article">
          <div ref={mountRef} className="sheet__editor" />
          {readingCopy && !view && <ReadingCopyView copy={readingCopy} />}
        </article>
      </div>
      <ArticleSidebar
        panel={panel}
        tags={sidebarTags}
        activeIds={sidebarActiveIds}
        filterControls={filterControls}
        comments={comments}
        ydoc={ydoc}
        reviewer={reviewer}
        write={write}
        onSelectTag={onSelectTag}
        onSelectTags={onSelectTags}
        onRemoveTag={onRemove}
        onMessage={say}
      />
      {popover && popoverTags.length > 0 && (
        <TagPopover
          tags={popoverTags}
          anchor={popover.anchor}
          comments={comments}
          onRelabel={onRelabel}
          onRemove={onRemove}
          onOpenDetails={onOpenDetailsFromPopover}
          onClose={closePopover}
        />
      )}
      <Toast message={toast} onDone={clearToast} />
    </div>
  );
}

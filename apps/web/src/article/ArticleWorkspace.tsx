import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getAnnotationsMap, isLabel, LABEL_NAMES, type Label, type Reviewer } from '@factcheck/core';
import { annotationPluginKey, relabelTag, removeTag, type PlacedTag } from '@factcheck/editor';
import type { EditorView } from 'prosemirror-view';
import { Toast, type ToastMessage } from '../layout/Toast.js';
import { useArticleEditor } from './editor/useArticleEditor.js';
import { useExposeForTests } from './editor/expose-for-tests.js';
import { TagPopover, type PopoverAnchor } from './popover/TagPopover.js';
import type { SharedArticle } from './shared/useSharedArticle.js';
import { TagSidebar } from './sidebar/TagSidebar.js';
import { applyTagFilter, goToTag, showTagsAsActive } from './tags/tag-view-actions.js';
import type { TagFilterControls } from './tags/useTagFilter.js';
import { Toolbar } from './toolbar/Toolbar.js';

/** Props of the workspace. */
export interface ArticleWorkspaceProps {
  readonly article: SharedArticle;
  readonly reviewer: Reviewer;
  /** The sidebar's tag filter, held by the page so the export menu in the masthead can apply it. */
  readonly filterControls: TagFilterControls;
}

interface OpenPopover {
  readonly ids: readonly string[];
  readonly anchor: PopoverAnchor;
}

const NO_TAGS: readonly PlacedTag[] = [];
const NO_IDS: ReadonlySet<string> = new Set();

/** The synced article: toolbar, the editor itself, the tag popover and the tag sidebar. */
export function ArticleWorkspace({ article, reviewer, filterControls }: ArticleWorkspaceProps) {
  const { ydoc, provider } = article;
  const [popover, setPopover] = useState<OpenPopover | null>(null);
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
  });
  useExposeForTests(view ? { view, ydoc, provider } : null);

  const annotations = state ? annotationPluginKey.getState(state) : undefined;
  const tags = annotations?.tags ?? NO_TAGS;
  const activeIds = annotations?.activeIds ?? NO_IDS;

  useEffect(() => {
    if (view) applyTagFilter(view, filterControls.filter);
  }, [view, filterControls.filter]);

  const popoverTags = useMemo(() => {
    if (!popover) return NO_TAGS;
    const byId = new Map(tags.map((tag) => [tag.annotation.id, tag]));
    return popover.ids.flatMap((id) => byId.get(id) ?? []);
  }, [popover, tags]);
  const closePopover = useCallback(() => {
    setPopover(null);
    if (view && !view.isDestroyed) showTagsAsActive(view, NO_IDS);
  }, [view]);
  useEffect(() => {
    if (popover && popoverTags.length === 0) setPopover(null);
  }, [popover, popoverTags.length]);

  const onRelabel = useCallback(
    (id: string, label: Label) => {
      if (view) relabelTag(id, label)(view.state, view.dispatch, view);
    },
    [view],
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

  return (
    <div className="workspace">
      <div className="workspace__main">
        <Toolbar view={view} state={state} reviewer={reviewer} onTagged={onTagged} onMessage={say} />
        <article className="sheet" aria-label="Article">
          <div ref={mountRef} className="sheet__editor" />
        </article>
      </div>
      <TagSidebar
        tags={tags}
        activeIds={activeIds}
        filterControls={filterControls}
        selfId={reviewer.id}
        onSelectTag={onSelectTag}
        onRemoveTag={onRemove}
      />
      {popover && popoverTags.length > 0 && (
        <TagPopover
          tags={popoverTags}
          anchor={popover.anchor}
          onRelabel={onRelabel}
          onRemove={onRemove}
          onClose={closePopover}
        />
      )}
      <Toast message={toast} onDone={clearToast} />
    </div>
  );
}

import * as Y from 'yjs';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { DecorationSet, EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { getAnnotationsMap, refreshTagQuotes } from '@factcheck/core';
import { mapPlacedTags, placeTags, type PlacedTag } from './placed-tags.js';
import { SHOW_ALL_TAGS, type TagFilter } from './tag-filter.js';
import { buildTagDecorations } from './tag-decorations.js';

/** What the annotation plugin knows: every tag placed in the document, and what is drawn. */
export interface AnnotationPluginState {
  /** All valid tags in document order, orphans last. */
  readonly tags: readonly PlacedTag[];
  readonly decorations: DecorationSet;
  readonly filter: TagFilter;
  /** Tags to emphasise, such as the ones open in the details popover. */
  readonly activeIds: ReadonlySet<string>;
}

/** Metadata a transaction can carry to steer the annotation plugin. */
export interface AnnotationPluginMeta {
  /** Re-read the annotations from the Y.Doc and place them again. */
  readonly rebuild?: boolean;
  readonly filter?: TagFilter;
  readonly activeIds?: ReadonlySet<string>;
}

/** Key of the annotation plugin, to read its state or send it metadata. */
export const annotationPluginKey = new PluginKey<AnnotationPluginState>('factcheck-annotations');

/** Options of the annotation plugin. */
export interface AnnotationPluginOptions {
  /** Called when the reviewer clicks highlighted text, with the ids of the tags under the click. */
  readonly onTagsClicked?: (ids: string[], view: EditorView, event: MouseEvent) => void;
}

function ydocOf(state: EditorState): Y.Doc | null {
  return (ySyncPluginKey.getState(state)?.doc as Y.Doc | undefined) ?? null;
}

function isRemoteChange(tr: Transaction): boolean {
  return Boolean(tr.getMeta(ySyncPluginKey)?.isChangeOrigin);
}

/** The part of y-prosemirror's sync state that says where the last transaction came from. */
interface SyncPluginState {
  readonly isChangeOrigin?: boolean;
  readonly isUndoRedoOperation?: boolean;
}

function isCollapsed(tag: PlacedTag): boolean {
  return tag.from !== null && tag.to !== null && tag.from >= tag.to;
}

/**
 * Draws the tags stored beside the text. y-prosemirror replaces the whole document on each remote
 * change, so tags are placed again from their relative positions on remote transactions and on
 * changes to the annotations map, and mapped through local transactions.
 */
export function annotationPlugin(options: AnnotationPluginOptions = {}): Plugin<AnnotationPluginState> {
  return new Plugin<AnnotationPluginState>({
    key: annotationPluginKey,
    state: {
      init(_, state) {
        const ydoc = ydocOf(state);
        const tags = (ydoc && placeTags(ydoc, state.doc)) ?? [];
        const activeIds = new Set<string>();
        return {
          tags,
          filter: SHOW_ALL_TAGS,
          activeIds,
          decorations: buildTagDecorations(state.doc, tags, SHOW_ALL_TAGS, activeIds),
        };
      },
      apply(tr, previous, _oldState, newState) {
        const meta = tr.getMeta(annotationPluginKey) as AnnotationPluginMeta | undefined;
        const filter = meta?.filter ?? previous.filter;
        const activeIds = meta?.activeIds ?? previous.activeIds;
        let tags = previous.tags;
        if (meta?.rebuild || isRemoteChange(tr)) {
          const ydoc = ydocOf(newState);
          tags = (ydoc && placeTags(ydoc, newState.doc)) ?? mapPlacedTags(tags, tr.mapping);
        } else if (tr.docChanged) {
          tags = mapPlacedTags(tags, tr.mapping);
          if (filter === previous.filter && activeIds === previous.activeIds) {
            return { ...previous, tags, decorations: previous.decorations.map(tr.mapping, tr.doc) };
          }
        } else if (filter === previous.filter && activeIds === previous.activeIds) {
          return previous;
        }
        return {
          tags,
          filter,
          activeIds,
          decorations: buildTagDecorations(newState.doc, tags, filter, activeIds),
        };
      },
    },
    props: {
      decorations(state) {
        return annotationPluginKey.getState(state)?.decorations;
      },
      handleClick(view, pos, event) {
        if (!options.onTagsClicked) return false;
        const tags = annotationPluginKey.getState(view.state)?.tags ?? [];
        const ids = tags
          .filter((tag) => tag.from !== null && tag.to !== null && tag.from <= pos && pos < tag.to)
          .map((tag) => tag.annotation.id);
        if (ids.length === 0) return false;
        options.onTagsClicked(ids, view, event);
        return false;
      },
    },
    view(view) {
      const ydoc = ydocOf(view.state);
      let destroyed = false;
      let rebuildQueued = false;
      let refreshQueued = false;
      const queueRebuild = () => {
        if (rebuildQueued) return;
        rebuildQueued = true;
        queueMicrotask(() => {
          rebuildQueued = false;
          if (!destroyed) view.dispatch(view.state.tr.setMeta(annotationPluginKey, { rebuild: true }));
        });
      };
      const annotations = ydoc ? getAnnotationsMap(ydoc) : null;
      const onAnnotationsChanged = () => queueRebuild();
      annotations?.observeDeep(onAnnotationsChanged);
      return {
        update(updatedView, previousState) {
          if (!ydoc || refreshQueued || updatedView.state.doc === previousState.doc) return;
          const sync = ySyncPluginKey.getState(updatedView.state) as SyncPluginState | undefined;
          if (sync?.isChangeOrigin && !sync.isUndoRedoOperation) return;
          refreshQueued = true;
          queueMicrotask(() => {
            refreshQueued = false;
            if (destroyed) return;
            refreshTagQuotes(ydoc);
            // Mapping shrinks a tag whose whole text was deleted to nothing; placing the tags again
            // shows it as orphaned at once.
            if (annotationPluginKey.getState(view.state)?.tags.some(isCollapsed)) queueRebuild();
          });
        },
        destroy() {
          destroyed = true;
          annotations?.unobserveDeep(onAnnotationsChanged);
        },
      };
    },
  });
}

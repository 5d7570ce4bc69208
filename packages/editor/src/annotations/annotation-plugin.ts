import * as Y from 'yjs';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { DecorationSet, EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { getAnnotationsMap, refreshQuotesOf } from '@factcheck/core';
import { changedRegion, regionMapping } from './changed-region.js';
import { mapPlacedTags, placeTags, type PlacedTag } from './placed-tags.js';
import { sameTagFilter, SHOW_ALL_TAGS, type TagFilter } from './tag-filter.js';
import {
  buildTagDecorations,
  keepUnchangedBlocks,
  patchTagDecorations,
  type DirtyRange,
} from './tag-decorations.js';
import { pauseScheduler, QUOTE_REFRESH_TIMING, type PauseTiming } from './pause-scheduler.js';
import { activeChanges, followDocumentChange, placeChangedTags } from './tag-updates.js';

/** What the annotation plugin knows: every tag placed in the document, and what is drawn. */
export interface AnnotationPluginState {
  /** All valid tags in document order, orphans last. */
  readonly tags: readonly PlacedTag[];
  readonly decorations: DecorationSet;
  readonly filter: TagFilter;
  /** Tags to emphasise, such as the ones open in the details popover. */
  readonly activeIds: ReadonlySet<string>;
  /** Whether the tags were placed from the Y.Doc (false until its text reached the editor). */
  readonly placed: boolean;
}

/** Metadata a transaction can carry to steer the annotation plugin. */
export interface AnnotationPluginMeta {
  /** Re-read every annotation from the Y.Doc and place them all again. */
  readonly rebuild?: boolean;
  /** Annotations created, changed or deleted in the Y.Doc: place these again. */
  readonly changedIds?: ReadonlySet<string>;
  readonly filter?: TagFilter;
  readonly activeIds?: ReadonlySet<string>;
}

/** Key of the annotation plugin, to read its state or send it metadata. */
export const annotationPluginKey = new PluginKey<AnnotationPluginState>('factcheck-annotations');

/** Options of the annotation plugin. */
export interface AnnotationPluginOptions {
  /** Called when the reviewer clicks highlighted text, with the ids of the tags under the click. */
  readonly onTagsClicked?: (ids: string[], view: EditorView, event: MouseEvent) => void;
  /** When the quotes of tags this reviewer's edits touched are refreshed (default: after a pause). */
  readonly quoteRefresh?: PauseTiming;
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

/** Places every tag again, or maps the old ones when the editor does not show the Y.Doc's text yet. */
function placeAll(
  ydoc: Y.Doc | null,
  state: EditorState,
  previous: readonly PlacedTag[],
  tr: Transaction,
): { tags: readonly PlacedTag[]; placed: boolean } {
  const tags = ydoc && placeTags(ydoc, state.doc);
  return tags ? { tags, placed: true } : { tags: mapPlacedTags(previous, tr.mapping), placed: false };
}

/**
 * The next plugin state. Remote changes (y-prosemirror replaces the whole document) place again
 * only the tags they touched and move the rest with the text; changed annotations are placed
 * again by id; local changes map tags and decorations. Highlights are drawn again only where
 * something changed.
 */
function nextState(
  tr: Transaction,
  previous: AnnotationPluginState,
  oldState: EditorState,
  newState: EditorState,
): AnnotationPluginState {
  const meta = tr.getMeta(annotationPluginKey) as AnnotationPluginMeta | undefined;
  // An equal filter (the page sets its own on mount) keeps the drawing: a rebuild costs ~100 ms.
  const filter = meta?.filter && !sameTagFilter(meta.filter, previous.filter) ? meta.filter : previous.filter;
  const activeIds = meta?.activeIds ?? previous.activeIds;
  const ydoc = ydocOf(newState);
  const remote = isRemoteChange(tr) && tr.docChanged;
  if (!remote && !tr.docChanged && !meta) return previous;

  let tags = previous.tags;
  let placed = previous.placed;
  let decorations = previous.decorations;
  let dirty: DirtyRange[] | null = [];

  const wantsAll = meta?.rebuild || (!placed && (remote || meta?.changedIds));
  const followed =
    !wantsAll && remote && ydoc
      ? followDocumentChange(ydoc, tags, decorations, oldState.doc, newState.doc)
      : null;
  if (wantsAll || (remote && !followed)) {
    ({ tags, placed } = placeAll(ydoc, newState, tags, tr));
    dirty = null;
  } else if (followed) {
    ({ tags, decorations } = followed);
    dirty.push(...followed.dirty);
  } else if (tr.docChanged) {
    tags = mapPlacedTags(tags, tr.mapping);
    decorations = decorations.map(tr.mapping, tr.doc);
  }

  if (dirty && meta?.changedIds && ydoc) {
    const changed = placeChangedTags(ydoc, tags, newState.doc, meta.changedIds);
    if (changed) {
      tags = changed.tags;
      dirty.push(...changed.dirty);
    } else {
      ({ tags, placed } = placeAll(ydoc, newState, previous.tags, tr));
      dirty = null;
    }
  }

  if (filter !== previous.filter) dirty = null;
  else if (dirty && activeIds !== previous.activeIds)
    dirty.push(...activeChanges(tags, previous.activeIds, activeIds));

  return {
    tags,
    placed,
    filter,
    activeIds,
    decorations: dirty
      ? patchTagDecorations(decorations, newState.doc, tags, filter, activeIds, dirty)
      : keepUnchangedBlocks(
          previousDrawing(tr, previous.decorations, oldState, newState, remote),
          buildTagDecorations(newState.doc, tags, filter, activeIds),
          newState.doc,
        ),
  };
}

/** The previous highlights moved into the new document, as a base to keep unchanged blocks from. */
function previousDrawing(
  tr: Transaction,
  decorations: DecorationSet,
  oldState: EditorState,
  newState: EditorState,
  remote: boolean,
): DecorationSet {
  if (!tr.docChanged) return decorations;
  if (!remote) return decorations.map(tr.mapping, newState.doc);
  // y-prosemirror replaced the whole document: map through what actually differs.
  const region = changedRegion(oldState.doc, newState.doc);
  return region ? decorations.map(regionMapping(region), newState.doc) : decorations;
}

/**
 * Draws the tags stored beside the text, keeps them placed as text and annotations change, and
 * refreshes the quotes of tags this reviewer's edits touched.
 */
export function annotationPlugin(options: AnnotationPluginOptions = {}): Plugin<AnnotationPluginState> {
  return new Plugin<AnnotationPluginState>({
    key: annotationPluginKey,
    state: {
      init(_, state) {
        const ydoc = ydocOf(state);
        const tags = ydoc && placeTags(ydoc, state.doc);
        const activeIds = new Set<string>();
        return {
          tags: tags ?? [],
          placed: tags !== null,
          filter: SHOW_ALL_TAGS,
          activeIds,
          decorations: buildTagDecorations(state.doc, tags ?? [], SHOW_ALL_TAGS, activeIds),
        };
      },
      apply: nextState,
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
      const changedIds = new Set<string>();
      let placeQueued = false;
      /** Coalesces annotation changes into one transaction, after the Yjs transaction. */
      const queuePlace = (ids: Iterable<string>) => {
        for (const id of ids) changedIds.add(id);
        if (placeQueued) return;
        placeQueued = true;
        queueMicrotask(() => {
          placeQueued = false;
          if (destroyed || changedIds.size === 0) return;
          const ids = new Set(changedIds);
          changedIds.clear();
          view.dispatch(
            view.state.tr.setMeta(annotationPluginKey, { changedIds: ids } satisfies AnnotationPluginMeta),
          );
        });
      };
      const annotations = ydoc ? getAnnotationsMap(ydoc) : null;
      const onAnnotationsChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        const ids: string[] = [];
        for (const event of events) {
          if (event.target === annotations) ids.push(...(event as Y.YMapEvent<unknown>).keysChanged);
          else if (typeof event.path[0] === 'string') ids.push(event.path[0]);
        }
        queuePlace(ids);
      };
      annotations?.observeDeep(onAnnotationsChanged);

      // Quotes of the tags this reviewer's edits touched are refreshed once typing pauses, in idle
      // time: resolving them costs more than the keystroke itself and no one needs them sooner.
      const staleQuotes = new Set<string>();
      const quoteRefresh = pauseScheduler(() => {
        if (destroyed || !ydoc) return;
        const ids = [...staleQuotes];
        staleQuotes.clear();
        refreshQuotesOf(ydoc, ids);
      }, options.quoteRefresh ?? QUOTE_REFRESH_TIMING);
      // A reload or a closed tab does not destroy the view: refresh before the page goes away.
      const page = (view.dom as HTMLElement | undefined)?.ownerDocument;
      const refreshBeforeLeaving = () => {
        if (page?.visibilityState === 'hidden') quoteRefresh.flush();
      };
      page?.addEventListener('visibilitychange', refreshBeforeLeaving);
      page?.defaultView?.addEventListener('pagehide', quoteRefresh.flush);
      return {
        update(updatedView, previousState) {
          if (!ydoc || updatedView.state.doc === previousState.doc) return;
          const sync = ySyncPluginKey.getState(updatedView.state) as SyncPluginState | undefined;
          if (sync?.isChangeOrigin && !sync.isUndoRedoOperation) return;
          // This reviewer's own edit (or undo): the tags it touched get a fresh quote later.
          const region = changedRegion(previousState.doc, updatedView.state.doc);
          if (!region) return;
          const tags = annotationPluginKey.getState(updatedView.state)?.tags ?? [];
          const touched = tagsTouching(tags, region.from, region.toNew);
          if (touched.length === 0) return;
          for (const tag of touched) staleQuotes.add(tag.annotation.id);
          // Text far from its last quote no longer counts as the tag's on other pages: not later.
          if (touched.some(outgrowsQuote)) quoteRefresh.pokeSoon();
          else quoteRefresh.poke();
          // Mapping shrinks a tag whose whole text was deleted to nothing; placing it again
          // shows it as orphaned at once.
          queuePlace(touched.filter(isCollapsed).map((tag) => tag.annotation.id));
        },
        destroy() {
          // Leaving the article keeps the quotes of the last edits.
          quoteRefresh.flush();
          page?.removeEventListener('visibilitychange', refreshBeforeLeaving);
          page?.defaultView?.removeEventListener('pagehide', quoteRefresh.flush);
          destroyed = true;
          annotations?.unobserveDeep(onAnnotationsChanged);
        },
      };
    },
  });
}

/**
 * Whether a tag's length moved a quarter away from its quote's: resolving it elsewhere would soon
 * find its text too unlike the quote (half of it different) and show it orphaned there.
 */
function outgrowsQuote(tag: PlacedTag): boolean {
  const quoteLength = tag.annotation.quote.length;
  return Math.abs(tag.to! - tag.from! - quoteLength) * 4 >= quoteLength;
}

/** The placed tags whose text overlaps or touches `from`–`to`. */
function tagsTouching(tags: readonly PlacedTag[], from: number, to: number): PlacedTag[] {
  const touched: PlacedTag[] = [];
  for (const tag of tags) {
    if (tag.from !== null && tag.to !== null && tag.from <= to && tag.to >= from) touched.push(tag);
  }
  return touched;
}

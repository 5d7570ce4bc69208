import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  annotationPluginKey,
  type AnnotationPluginMeta,
  sameTagFilter,
  type PlacedTag,
  type TagFilter,
} from '@factcheck/editor';

/** Steering the highlights from the page: which tags are emphasised, which are drawn, and going to one. */

function sendMeta(view: EditorView, meta: AnnotationPluginMeta): void {
  view.dispatch(view.state.tr.setMeta(annotationPluginKey, meta).setMeta('addToHistory', false));
}

/** Outlines the given tags' highlights (an empty set clears the emphasis). */
export function showTagsAsActive(view: EditorView, ids: ReadonlySet<string>): void {
  const current = annotationPluginKey.getState(view.state)?.activeIds;
  if (current && current.size === ids.size && [...ids].every((id) => current.has(id))) return;
  sendMeta(view, { activeIds: ids });
}

/** Draws only the tags passing the filter. */
export function applyTagFilter(view: EditorView, filter: TagFilter): void {
  const current = annotationPluginKey.getState(view.state)?.filter;
  if (current && sameTagFilter(current, filter)) return;
  sendMeta(view, { filter });
}

/**
 * Where the tag is now: lists hold a tag as of its last change (`useListedTags`), and typing
 * since has moved it.
 */
function placedNow(view: EditorView, tag: PlacedTag): PlacedTag {
  const id = tag.annotation.id;
  return annotationPluginKey.getState(view.state)?.tags.find((now) => now.annotation.id === id) ?? tag;
}

/** Selects a tag's text, scrolls it into view and outlines it. */
export function goToTag(view: EditorView, listed: PlacedTag): void {
  const tag = placedNow(view, listed);
  if (tag.from === null || tag.to === null) return;
  goToRange(view, tag.from, tag.to, [tag.annotation.id]);
}

/** Selects the text a group of tags covers (a passage), scrolls it into view and outlines those tags. */
export function goToTags(view: EditorView, listed: readonly PlacedTag[]): void {
  const placed = listed
    .map((tag) => placedNow(view, tag))
    .filter((tag) => tag.from !== null && tag.to !== null);
  if (placed.length === 0) return;
  const from = Math.min(...placed.map((tag) => tag.from!));
  const to = Math.max(...placed.map((tag) => tag.to!));
  goToRange(
    view,
    from,
    to,
    placed.map((tag) => tag.annotation.id),
  );
}

function goToRange(view: EditorView, rangeFrom: number, rangeTo: number, ids: readonly string[]): void {
  const { doc } = view.state;
  const from = Math.min(rangeFrom, doc.content.size);
  const to = Math.min(rangeTo, doc.content.size);
  const tr = view.state.tr
    .setSelection(TextSelection.create(doc, from, to))
    .setMeta(annotationPluginKey, { activeIds: new Set(ids) } satisfies AnnotationPluginMeta)
    .scrollIntoView();
  view.dispatch(tr);
  view.focus();
}

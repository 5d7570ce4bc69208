import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  annotationPluginKey,
  type AnnotationPluginMeta,
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
  if (annotationPluginKey.getState(view.state)?.filter === filter) return;
  sendMeta(view, { filter });
}

/** Selects a tag's text, scrolls it into view and outlines it. */
export function goToTag(view: EditorView, tag: PlacedTag): void {
  if (tag.from === null || tag.to === null) return;
  const { doc } = view.state;
  const from = Math.min(tag.from, doc.content.size);
  const to = Math.min(tag.to, doc.content.size);
  const tr = view.state.tr
    .setSelection(TextSelection.create(doc, from, to))
    .setMeta(annotationPluginKey, { activeIds: new Set([tag.annotation.id]) } satisfies AnnotationPluginMeta)
    .scrollIntoView();
  view.dispatch(tr);
  view.focus();
}

import * as Y from 'yjs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Mapping } from 'prosemirror-transform';
import {
  compareByPosition,
  getContent,
  projectFragment,
  readAnnotations,
  resolveAnnotations,
  type AnchorStatus,
  type Annotation,
} from '@factcheck/core';
import { indexPmText, pmPosFromText } from '../text-positions.js';

/** A tag placed in the editor: the annotation, how it anchored, and its ProseMirror range. */
export interface PlacedTag {
  readonly annotation: Annotation;
  readonly status: AnchorStatus;
  /** ProseMirror positions; null for orphaned tags. */
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * Places every valid annotation of the Y.Doc in the ProseMirror document, in document order.
 * Returns null when the ProseMirror document does not yet show the Y.Doc's text (mid-sync).
 */
export function placeTags(ydoc: Y.Doc, pmDoc: ProseMirrorNode): PlacedTag[] | null {
  const projection = projectFragment(getContent(ydoc));
  const index = indexPmText(pmDoc);
  if (index.text !== projection.text) return null;
  const resolved = resolveAnnotations(ydoc, readAnnotations(ydoc).valid, projection).sort(compareByPosition);
  return resolved.map((tag) => ({
    annotation: tag.annotation,
    status: tag.status,
    from: tag.from === null ? null : pmPosFromText(index, tag.from),
    to: tag.to === null ? null : pmPosFromText(index, tag.to),
  }));
}

/** Maps placed tags through a local change; a tag whose text was deleted keeps its last place until the next rebuild. */
export function mapPlacedTags(tags: readonly PlacedTag[], mapping: Mapping): PlacedTag[] {
  return tags.map((tag) => {
    if (tag.from === null || tag.to === null) return tag;
    const from = mapping.map(tag.from, 1);
    const to = mapping.map(tag.to, -1);
    return { ...tag, from, to: Math.max(from, to) };
  });
}

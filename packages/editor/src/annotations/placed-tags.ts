import * as Y from 'yjs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Mapping } from 'prosemirror-transform';
import {
  getAnnotationsMap,
  parseAnnotation,
  readAnnotations,
  resolveAnnotation,
  resolveAnnotations,
  type AnchorStatus,
  type Annotation,
  type ResolvedAnnotation,
} from '@factcheck/core';
import { indexPmText, pmPosFromText, showsText, type PmTextIndex } from '../text-positions.js';
import { contentProjection } from './content-projection.js';

/** A tag placed in the editor: the annotation, how it anchored, and its ProseMirror range. */
export interface PlacedTag {
  readonly annotation: Annotation;
  readonly status: AnchorStatus;
  /** ProseMirror positions; null for orphaned tags. */
  readonly from: number | null;
  readonly to: number | null;
}

function toPlaced(tag: ResolvedAnnotation, index: PmTextIndex): PlacedTag {
  return {
    annotation: tag.annotation,
    status: tag.status,
    from: tag.from === null ? null : pmPosFromText(index, tag.from),
    to: tag.to === null ? null : pmPosFromText(index, tag.to),
  };
}

/** The text index of the ProseMirror document if it shows the Y.Doc's text; null mid-sync. */
function matchingIndex(ydoc: Y.Doc, pmDoc: ProseMirrorNode) {
  const projection = contentProjection(ydoc);
  const index = indexPmText(pmDoc);
  return showsText(index, projection) ? { projection, index } : null;
}

/**
 * Places every valid annotation of the Y.Doc in the ProseMirror document, in document order.
 * Returns null when the ProseMirror document does not yet show the Y.Doc's text (mid-sync).
 */
export function placeTags(ydoc: Y.Doc, pmDoc: ProseMirrorNode): PlacedTag[] | null {
  const matching = matchingIndex(ydoc, pmDoc);
  if (!matching) return null;
  const resolved = resolveAnnotations(ydoc, readAnnotations(ydoc).valid, matching.projection);
  return resolved.map((tag) => toPlaced(tag, matching.index)).sort(comparePlacedTags);
}

/**
 * Places some annotations again, by id: each maps to its placed tag, or to null when it is gone
 * or no longer valid. Returns null mid-sync, like `placeTags`.
 */
export function placeTagsById(
  ydoc: Y.Doc,
  pmDoc: ProseMirrorNode,
  ids: Iterable<string>,
): Map<string, PlacedTag | null> | null {
  const matching = matchingIndex(ydoc, pmDoc);
  if (!matching) return null;
  const annotations = getAnnotationsMap(ydoc);
  const placed = new Map<string, PlacedTag | null>();
  for (const id of ids) {
    const entry: unknown = annotations.get(id);
    const parsed = entry instanceof Y.Map ? parseAnnotation(id, entry) : null;
    placed.set(
      id,
      parsed?.ok
        ? toPlaced(resolveAnnotation(ydoc, matching.projection, parsed.annotation), matching.index)
        : null,
    );
  }
  return placed;
}

/**
 * Document order of placed tags, as core's `compareByPosition` orders resolved ones (orphans last,
 * longer first, older first), then by id, so every way of placing tags gives one order.
 */
export function comparePlacedTags(a: PlacedTag, b: PlacedTag): number {
  const af = a.from ?? Number.MAX_SAFE_INTEGER;
  const bf = b.from ?? Number.MAX_SAFE_INTEGER;
  if (af !== bf) return af - bf;
  const at = a.to ?? 0;
  const bt = b.to ?? 0;
  if (at !== bt) return bt - at;
  const byAge = a.annotation.createdAt.localeCompare(b.annotation.createdAt);
  if (byAge !== 0) return byAge;
  return a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0;
}

/** The tags with some replaced (by id; null removes), still in document order. */
export function replaceTags(
  tags: readonly PlacedTag[],
  replacements: ReadonlyMap<string, PlacedTag | null>,
): PlacedTag[] {
  const kept = tags.filter((tag) => !replacements.has(tag.annotation.id));
  const added = [...replacements.values()].filter((tag): tag is PlacedTag => tag !== null);
  added.sort(comparePlacedTags);
  // Merge two sorted lists.
  const merged: PlacedTag[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < added.length) {
    if (j >= added.length || (i < kept.length && comparePlacedTags(kept[i], added[j]) <= 0))
      merged.push(kept[i++]);
    else merged.push(added[j++]);
  }
  return merged;
}

/** Maps placed tags through a local change; a tag whose text was deleted keeps its last place until the next rebuild. */
export function mapPlacedTags(tags: readonly PlacedTag[], mapping: Mapping): PlacedTag[] {
  const unchangedBefore = firstChangedPosition(mapping);
  return tags.map((tag) => {
    if (tag.from === null || tag.to === null || tag.to < unchangedBefore) return tag;
    const from = mapping.map(tag.from, 1);
    const to = mapping.map(tag.to, -1);
    if (from === tag.from && to === tag.to) return tag;
    // Spelled out, not spread: every tag after the caret gets a new object on each keystroke.
    return { annotation: tag.annotation, status: tag.status, from, to: Math.max(from, to) };
  });
}

/** Positions before this one are the same after the mapping (each keystroke maps 5,000 tags). */
function firstChangedPosition(mapping: Mapping): number {
  let first = Number.MAX_SAFE_INTEGER;
  for (const map of mapping.maps) map.forEach((oldStart) => (first = Math.min(first, oldStart)));
  return first;
}

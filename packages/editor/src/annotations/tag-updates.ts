import type * as Y from 'yjs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { DecorationSet } from 'prosemirror-view';
import { changedRegion, regionMapping } from './changed-region.js';
import { placeTagsById, replaceTags, type PlacedTag } from './placed-tags.js';
import type { DirtyRange } from './tag-decorations.js';

/**
 * Keeping placed tags current without placing all of them again: after a remote change only the
 * tags it touched are resolved from their relative positions, the others move with the text; after
 * a change to some annotations only those are placed again. Each returns the stretches whose
 * highlights must be drawn again, or null when placing everything is the better choice.
 */

/** Tags placed again, with the stretches (in the new document) their highlights covered or cover. */
export interface TagUpdate {
  readonly tags: readonly PlacedTag[];
  readonly dirty: DirtyRange[];
}

/** Beyond this share of tags to place again, placing every tag is as cheap and simpler. */
const MOST_TAGS = 0.25;

function rangeOf(tag: PlacedTag | null | undefined): DirtyRange[] {
  return tag && tag.from !== null && tag.to !== null ? [{ from: tag.from, to: tag.to }] : [];
}

/**
 * Follows a change that replaced the document (y-prosemirror draws remote changes that way):
 * tags outside the changed region move with the text; tags touching it, and tags not anchored
 * exactly (their place depends on the whole text), are resolved again.
 */
export function followDocumentChange(
  ydoc: Y.Doc,
  tags: readonly PlacedTag[],
  decorations: DecorationSet,
  before: ProseMirrorNode,
  after: ProseMirrorNode,
): (TagUpdate & { decorations: DecorationSet }) | null {
  const region = changedRegion(before, after);
  if (!region) return { tags, dirty: [], decorations };
  const mapping = regionMapping(region);
  const touched = new Set<string>();
  const moved: PlacedTag[] = [];
  const dirty: DirtyRange[] = [{ from: region.from, to: region.toNew }];
  for (const tag of tags) {
    const touches = tag.from !== null && tag.to !== null && tag.from <= region.toOld && tag.to >= region.from;
    if (touches || tag.status !== 'anchored') {
      touched.add(tag.annotation.id);
      if (tag.from !== null && tag.to !== null)
        dirty.push({ from: mapping.map(tag.from, -1), to: mapping.map(tag.to, 1) });
    } else if (tag.from === null || tag.to === null || tag.to < region.from) {
      // Orphans, and tags before the change, stay as they are (the same objects).
      moved.push(tag);
    } else {
      // Spelled out, not spread: every tag after the change gets a new object.
      const from = mapping.map(tag.from, 1);
      moved.push({ annotation: tag.annotation, status: tag.status, from, to: mapping.map(tag.to, -1) });
    }
  }
  if (touched.size > tags.length * MOST_TAGS && touched.size > 50) return null;
  const placed = placeTagsById(ydoc, after, touched);
  if (!placed) return null;
  for (const tag of placed.values()) dirty.push(...rangeOf(tag));
  return { tags: replaceTags(moved, placed), dirty, decorations: decorations.map(mapping, after) };
}

/** Places the annotations with these ids again (created, changed or deleted in the Y.Doc). */
export function placeChangedTags(
  ydoc: Y.Doc,
  tags: readonly PlacedTag[],
  doc: ProseMirrorNode,
  ids: ReadonlySet<string>,
): TagUpdate | null {
  if (ids.size > tags.length * MOST_TAGS && ids.size > 50) return null;
  const placed = placeTagsById(ydoc, doc, ids);
  if (!placed) return null;
  const dirty: DirtyRange[] = [];
  for (const tag of tags) if (ids.has(tag.annotation.id)) dirty.push(...rangeOf(tag));
  for (const tag of placed.values()) dirty.push(...rangeOf(tag));
  return { tags: replaceTags(tags, placed), dirty };
}

/** The stretches of tags whose emphasis (active or not) differs between two sets of ids. */
export function activeChanges(
  tags: readonly PlacedTag[],
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): DirtyRange[] {
  const dirty: DirtyRange[] = [];
  for (const tag of tags) {
    const id = tag.annotation.id;
    if (before.has(id) !== after.has(id)) dirty.push(...rangeOf(tag));
  }
  return dirty;
}

import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { flattenRanges, LABELS } from '@factcheck/core';
import type { PlacedTag } from './placed-tags.js';
import { tagMatchesFilter, type TagFilter } from './tag-filter.js';

/**
 * Class on every highlighted stretch; label classes are `fc-tag--<label>`, and `fc-tag--decided`
 * marks a stretch under a tag a lead decided.
 */
export const TAG_CLASS = 'fc-tag';
/** Attribute listing the ids of the tags covering a highlighted stretch, space-separated. */
export const TAG_IDS_ATTRIBUTE = 'data-tag-ids';

/**
 * Draws tags as inline decorations, one per stretch of text covered by the same set of tags, so
 * overlapping tags show every label's colour and line style at once.
 */
export function buildTagDecorations(
  doc: ProseMirrorNode,
  tags: readonly PlacedTag[],
  filter: TagFilter,
  activeIds: ReadonlySet<string>,
): DecorationSet {
  const byId = new Map<string, PlacedTag>();
  const ranges: { id: string; from: number; to: number }[] = [];
  for (const tag of tags) {
    if (tag.from === null || tag.to === null || tag.to <= tag.from) continue;
    if (!tagMatchesFilter(tag, filter)) continue;
    byId.set(tag.annotation.id, tag);
    ranges.push({ id: tag.annotation.id, from: tag.from, to: tag.to });
  }
  const decorations = flattenRanges(ranges).map((segment) => {
    const labels = new Set(segment.ids.map((id) => byId.get(id)!.annotation.label));
    const classes = [
      TAG_CLASS,
      ...LABELS.filter((label) => labels.has(label)).map((label) => `${TAG_CLASS}--${label}`),
    ];
    if (segment.ids.length > 1) classes.push(`${TAG_CLASS}--overlap`);
    if (segment.ids.some((id) => activeIds.has(id))) classes.push(`${TAG_CLASS}--active`);
    if (segment.ids.some((id) => byId.get(id)!.annotation.adjudicated)) classes.push(`${TAG_CLASS}--decided`);
    return Decoration.inline(
      segment.from,
      segment.to,
      { class: classes.join(' '), [TAG_IDS_ATTRIBUTE]: segment.ids.join(' ') },
      { inclusiveStart: false, inclusiveEnd: false },
    );
  });
  return DecorationSet.create(doc, decorations);
}

import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { flattenRanges, LABELS, type IdRange, type Segment } from '@factcheck/core';
import { indexPmText, textblockPieces } from '../text-positions.js';
import type { PlacedTag } from './placed-tags.js';
import { tagMatchesFilter, type TagFilter } from './tag-filter.js';

/**
 * Class on every highlighted stretch; label classes are `fc-tag--<label>`, and `fc-tag--decided`
 * marks a stretch under a tag a lead decided.
 */
export const TAG_CLASS = 'fc-tag';
/** Attribute listing the ids of the tags covering a highlighted stretch, space-separated. */
export const TAG_IDS_ATTRIBUTE = 'data-tag-ids';

/** Spec of a highlight: `drawn` sums up its attributes, to tell whether two highlights look the same. */
interface TagDecorationSpec {
  readonly inclusiveStart: false;
  readonly inclusiveEnd: false;
  readonly drawn: string;
}

/** A stretch of the document whose highlights must be drawn again. */
export interface DirtyRange {
  readonly from: number;
  readonly to: number;
}

function drawnRanges(
  tags: readonly PlacedTag[],
  filter: TagFilter,
  within?: DirtyRange,
): { byId: Map<string, PlacedTag>; ranges: IdRange[] } {
  const byId = new Map<string, PlacedTag>();
  const ranges: IdRange[] = [];
  for (const tag of tags) {
    if (tag.from === null || tag.to === null || tag.to <= tag.from) continue;
    if (within && (tag.to <= within.from || tag.from >= within.to)) continue;
    if (!tagMatchesFilter(tag, filter)) continue;
    byId.set(tag.annotation.id, tag);
    const from = within ? Math.max(tag.from, within.from) : tag.from;
    const to = within ? Math.min(tag.to, within.to) : tag.to;
    ranges.push({ id: tag.annotation.id, from, to });
  }
  return { byId, ranges };
}

/** One highlighted stretch inside a text block: ProseMirror positions and the attributes drawn on it. */
export interface HighlightStretch {
  readonly from: number;
  readonly to: number;
  readonly attrs: { readonly class: string; readonly [TAG_IDS_ATTRIBUTE]: string };
}

/**
 * The stretches drawing one segment covered by the same tags: one per text block it crosses, so
 * each lies inside its block.
 */
function segmentStretches(
  doc: ProseMirrorNode,
  segment: Segment,
  byId: ReadonlyMap<string, PlacedTag>,
  activeIds: ReadonlySet<string>,
): HighlightStretch[] {
  let labels = 0;
  let active = false;
  let decided = false;
  for (const id of segment.ids) {
    const annotation = byId.get(id)!.annotation;
    labels |= 1 << LABELS.indexOf(annotation.label);
    active ||= activeIds.has(id);
    decided ||= annotation.adjudicated === true;
  }
  const className = highlightClass(labels, segment.ids.length > 1, active, decided);
  const ids = segment.ids.length === 1 ? segment.ids[0] : segment.ids.join(' ');
  const attrs = { class: className, [TAG_IDS_ATTRIBUTE]: ids };
  return textblockPieces(indexPmText(doc), segment.from, segment.to).map((piece) => ({
    from: piece.from,
    to: piece.to,
    attrs,
  }));
}

/**
 * The decorations drawing one segment, one per text block it crosses. ProseMirror keeps such
 * decorations with their block and skips blocks whose decorations are the same object; a
 * decoration spanning blocks would be cut and compared again for every block on every view update.
 */
function segmentDecorations(
  doc: ProseMirrorNode,
  segment: Segment,
  byId: ReadonlyMap<string, PlacedTag>,
  activeIds: ReadonlySet<string>,
): Decoration[] {
  return segmentStretches(doc, segment, byId, activeIds).map((stretch) => {
    const spec: TagDecorationSpec = {
      inclusiveStart: false,
      inclusiveEnd: false,
      drawn: `${stretch.attrs.class}|${stretch.attrs[TAG_IDS_ATTRIBUTE]}`,
    };
    return Decoration.inline(stretch.from, stretch.to, stretch.attrs, spec);
  });
}

/**
 * Every highlighted stretch of the document in document order, as the editor draws them with this
 * filter: one per set of covering tags and text block. What a drawing without ProseMirror's view
 * (a reading copy on the server) draws.
 */
export function highlightStretches(
  doc: ProseMirrorNode,
  tags: readonly PlacedTag[],
  filter: TagFilter,
  activeIds: ReadonlySet<string> = new Set(),
): HighlightStretch[] {
  const { byId, ranges } = drawnRanges(tags, filter);
  return flattenRanges(ranges).flatMap((segment) => segmentStretches(doc, segment, byId, activeIds));
}

/** Class strings of highlights by their labels (a bit per label) and flags: few distinct ones. */
const highlightClasses = new Map<string, string>();

/** The class attribute of a highlight: `fc-tag`, a class per label in label order, then the flags. */
function highlightClass(labels: number, overlap: boolean, active: boolean, decided: boolean): string {
  const key = `${labels}${overlap ? 'o' : ''}${active ? 'a' : ''}${decided ? 'd' : ''}`;
  let className = highlightClasses.get(key);
  if (className === undefined) {
    const classes = [
      TAG_CLASS,
      ...LABELS.filter((_, bit) => labels & (1 << bit)).map((label) => `${TAG_CLASS}--${label}`),
    ];
    if (overlap) classes.push(`${TAG_CLASS}--overlap`);
    if (active) classes.push(`${TAG_CLASS}--active`);
    if (decided) classes.push(`${TAG_CLASS}--decided`);
    className = classes.join(' ');
    highlightClasses.set(key, className);
  }
  return className;
}

/**
 * Draws tags as inline decorations, one per stretch of text covered by the same set of tags (cut at
 * block edges), so overlapping tags show every label's colour and line style at once.
 */
export function buildTagDecorations(
  doc: ProseMirrorNode,
  tags: readonly PlacedTag[],
  filter: TagFilter,
  activeIds: ReadonlySet<string>,
): DecorationSet {
  const { byId, ranges } = drawnRanges(tags, filter);
  return DecorationSet.create(
    doc,
    flattenRanges(ranges).flatMap((segment) => segmentDecorations(doc, segment, byId, activeIds)),
  );
}

/** Sorted, merged copies of ranges (touching ones join). */
function mergeRanges(ranges: readonly DirtyRange[]): DirtyRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ from: range.from, to: range.to });
  }
  return merged;
}

/**
 * Draws the highlights of some stretches again and keeps the rest, giving the same decorations
 * `buildTagDecorations` would. Each stretch grows to the far edges of the highlights touching it,
 * which lie outside what changed, so every edge it is cut at is an edge a full rebuild has too.
 */
export function patchTagDecorations(
  decorations: DecorationSet,
  doc: ProseMirrorNode,
  tags: readonly PlacedTag[],
  filter: TagFilter,
  activeIds: ReadonlySet<string>,
  dirty: readonly DirtyRange[],
): DecorationSet {
  if (dirty.length === 0) return decorations;
  const size = doc.content.size;
  const windows = mergeRanges(
    dirty.map((range) => {
      let from = Math.max(0, Math.min(range.from, range.to));
      let to = Math.min(size, Math.max(range.from, range.to));
      // `find` includes highlights that merely touch the stretch, so its edges become theirs.
      for (const decoration of decorations.find(from, to)) {
        from = Math.min(from, decoration.from);
        to = Math.max(to, decoration.to);
      }
      return { from, to };
    }),
  );
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const window of windows) {
    for (const decoration of decorations.find(window.from, window.to)) {
      if (decoration.from >= window.from && decoration.to <= window.to) stale.push(decoration);
    }
    const { byId, ranges } = drawnRanges(tags, filter, window);
    for (const segment of flattenRanges(ranges))
      fresh.push(...segmentDecorations(doc, segment, byId, activeIds));
  }
  return decorations.remove(stale).add(doc, fresh);
}

function drawnKey(decoration: Decoration): string {
  return `${decoration.from}-${decoration.to}:${(decoration.spec as Partial<TagDecorationSpec>).drawn ?? ''}`;
}

function sameHighlights(a: readonly Decoration[], b: readonly Decoration[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(drawnKey));
  return b.every((decoration) => keys.has(drawnKey(decoration)));
}

/**
 * Highlights drawn from scratch (`next`), as a change of `previous` (already placed in the same
 * document) that keeps the blocks whose highlights are the same. ProseMirror skips a block when
 * its decorations are the very same object as last time, and otherwise compares them one by one,
 * for every block on every update, for as long as the objects differ: a set built anew would make
 * every later keystroke compare all highlights.
 */
export function keepUnchangedBlocks(
  previous: DecorationSet,
  next: DecorationSet,
  doc: ProseMirrorNode,
): DecorationSet {
  if (previous === DecorationSet.empty) return next;
  const stale = new Set<Decoration>();
  const fresh: Decoration[] = [];
  doc.forEach((node, offset) => {
    const before = previous.find(offset, offset + node.nodeSize);
    const after = next.find(offset, offset + node.nodeSize);
    if (sameHighlights(before, after)) return;
    for (const decoration of before) stale.add(decoration);
    fresh.push(...after);
  });
  return stale.size === 0 && fresh.length === 0 ? previous : previous.remove([...stale]).add(doc, fresh);
}

/**
 * Flattening overlapping tag ranges into non-overlapping segments, each knowing every tag that
 * covers it, so overlaps can be drawn legibly (one element per segment, every label's cue on it).
 */

/** A range carrying an id, such as a resolved tag. */
export interface IdRange {
  readonly id: string;
  readonly from: number;
  readonly to: number;
}

/** A maximal stretch covered by the same set of ranges. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  /** Ids of the covering ranges in the order they were given. */
  readonly ids: readonly string[];
}

/** Splits overlapping ranges into segments in O(n log n); empty ranges are ignored. */
export function flattenRanges(ranges: readonly IdRange[]): Segment[] {
  const order = new Map<string, number>();
  const events: { at: number; id: string; open: boolean }[] = [];
  ranges.forEach((range, index) => {
    if (range.to <= range.from) return;
    order.set(range.id, index);
    events.push({ at: range.from, id: range.id, open: true }, { at: range.to, id: range.id, open: false });
  });
  events.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const active = new Set<string>();
  const segments: Segment[] = [];
  let last = 0;
  for (const event of events) {
    if (event.at > last && active.size > 0) {
      const ids = [...active].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      segments.push({ from: last, to: event.at, ids });
    }
    last = event.at;
    if (event.open) active.add(event.id);
    else active.delete(event.id);
  }
  return segments;
}

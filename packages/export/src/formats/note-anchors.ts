import type { ExportModel, ExportTag } from '../export-model.js';

/**
 * Where each tag's note reference and start anchor sit among a model's pieces, found once for all
 * tags by binary search. A tag normally starts and ends on piece boundaries; one that starts or
 * ends inside a block separator (which no piece holds) attaches to the nearest piece instead.
 */

/** Tags keyed by the UTF-16 end offset of the piece their reference follows. */
export type TagsByOffset = ReadonlyMap<number, readonly ExportTag[]>;

function pieceBounds(model: ExportModel): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const block of model.blocks) {
    for (const piece of block.pieces) {
      starts.push(piece.from);
      ends.push(piece.from + piece.text.length);
    }
  }
  return { starts, ends };
}

/** Index of the first value in the ascending `values` that is greater than `target`. */
function upperBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function add(map: Map<number, ExportTag[]>, key: number, tag: ExportTag): void {
  const list = map.get(key);
  if (list) list.push(tag);
  else map.set(key, [tag]);
}

/** Each tag under the end of the last piece its text reaches, in tag number order. */
export function tagsByEndingPiece(model: ExportModel): TagsByOffset {
  const { ends } = pieceBounds(model);
  const map = new Map<number, ExportTag[]>();
  if (ends.length === 0) return map;
  for (const tag of model.tags) {
    const index = Math.max(0, upperBound(ends, tag.to) - 1);
    add(map, ends[index], tag);
  }
  return map;
}

/** Each tag under the start of the first piece its text covers, in tag number order. */
export function tagsByStartingPiece(model: ExportModel): TagsByOffset {
  const { starts } = pieceBounds(model);
  const map = new Map<number, ExportTag[]>();
  if (starts.length === 0) return map;
  for (const tag of model.tags) {
    const index = Math.min(starts.length - 1, upperBound(starts, tag.from - 1));
    add(map, starts[index], tag);
  }
  return map;
}

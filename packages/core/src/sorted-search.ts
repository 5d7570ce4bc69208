/**
 * Index of the last item whose key is at or before `value`, in items sorted by that key; 0 when
 * none is (or there are no items). A binary search: O(log n).
 */
export function lastIndexAtOrBefore<T>(
  items: readonly T[],
  value: number,
  keyOf: (item: T) => number,
): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (keyOf(items[mid]) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

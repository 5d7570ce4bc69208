import * as Y from 'yjs';
import { getAnnotationsMap, THREAD_KEY, type ThreadEntry } from '@factcheck/core';

/**
 * Comments (deleted ones left out) per tag id, for tags that have any. Reads only the length and
 * the deleted flag of each thread, so lists of thousands of tags can show counts on every change.
 */
export function countComments(doc: Y.Doc): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  getAnnotationsMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const thread = entry.get(THREAD_KEY);
    if (!(thread instanceof Y.Array) || thread.length === 0) return;
    let count = 0;
    for (const item of thread.toArray() as Partial<ThreadEntry>[]) {
      if (item && typeof item === 'object' && !item.deleted) count += 1;
    }
    if (count > 0) counts.set(id, count);
  });
  return counts;
}

/** Whether two comment counts are the same for every tag. */
export function sameCommentCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, count] of a) if (b.get(id) !== count) return false;
  return true;
}

/** "2 comments", "1 comment", "No comments". */
export function describeCommentCount(count: number): string {
  if (count === 0) return 'No comments';
  return `${count} ${count === 1 ? 'comment' : 'comments'}`;
}

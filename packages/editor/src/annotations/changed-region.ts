import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Mapping, StepMap } from 'prosemirror-transform';

/** Where two versions of a document differ: `from`–`toOld` of the old one became `from`–`toNew`. */
export interface ChangedRegion {
  readonly from: number;
  readonly toOld: number;
  readonly toNew: number;
}

/**
 * The region two documents differ in, or null when they are equal. Repeated content makes a
 * change ambiguous (typing "a" into "aa" could have happened at three places), so the region
 * covers every way of reading it: outside it, each position of the old document holds the same
 * content at its mapped position in the new one.
 */
export function changedRegion(before: ProseMirrorNode, after: ProseMirrorNode): ChangedRegion | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  const delta = after.content.size - before.content.size;
  if (!end) return { from: start, toOld: before.content.size, toNew: after.content.size };
  // Every reading agrees with both documents up to `start` and from `end`: a deletion of d
  // characters may have begun anywhere from the earliest `from` to `start`, so it may end as late
  // as `start + d` in the old document (the content between is repeated). An insertion likewise
  // ends by `start` in the new one.
  const from = Math.min(start, end.a, end.b);
  const toOld = Math.max(start, end.a, start - delta);
  return { from, toOld, toNew: toOld + delta };
}

/** The mapping of old positions to new ones that replaces the region. */
export function regionMapping(region: ChangedRegion): Mapping {
  return new Mapping([new StepMap([region.from, region.toOld - region.from, region.toNew - region.from])]);
}

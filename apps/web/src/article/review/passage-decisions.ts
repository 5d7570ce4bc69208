import type * as Y from 'yjs';
import {
  acceptTag,
  createAnchor,
  dismissPassage,
  mergePassage,
  readAdjudications,
  removeAnnotation,
  type Adjudication,
  type Annotation,
  type Label,
  type ReviewPassage,
  type Reviewer,
} from '@factcheck/core';
import { currentSpans, rangeOf, type BoundsChoice } from './merge-bounds.js';

/** Where a disputed passage stands: not decided, decided, or decided before tags were added to it. */
export type PassageDecision =
  | { readonly state: 'open' }
  | { readonly state: 'decided'; readonly decision: Adjudication }
  | { readonly state: 'reopened'; readonly decision: Adjudication };

/**
 * Whether a passage is settled. A decision whose decided tag is gone (undone or removed) settles
 * nothing; one that did not cover every tag now in the passage leaves it open again.
 */
export function passageDecision(passage: ReviewPassage, liveTagIds: ReadonlySet<string>): PassageDecision {
  const decision = passage.adjudication;
  if (!decision) return { state: 'open' };
  if (decision.kind !== 'dismiss' && (!decision.resultId || !liveTagIds.has(decision.resultId))) {
    return { state: 'open' };
  }
  const covered = new Set(decision.annotationIds);
  return passage.annotations.every((id) => covered.has(id))
    ? { state: 'decided', decision }
    : { state: 'reopened', decision };
}

/** Removes the decided tags of earlier decisions on these tags, so a passage keeps one decided tag. */
function withdrawEarlierDecisions(doc: Y.Doc, tagIds: readonly string[]): void {
  const ids = new Set(tagIds);
  for (const decision of readAdjudications(doc)) {
    if (decision.resultId && decision.annotationIds.some((id) => ids.has(id))) {
      removeAnnotation(doc, decision.resultId);
    }
  }
}

/** Settles a passage with one reviewer's tag (call inside a transaction). */
export function acceptPassageTag(
  doc: Y.Doc,
  passageTagIds: readonly string[],
  accepted: Annotation,
  by: Reviewer,
): void {
  withdrawEarlierDecisions(doc, passageTagIds);
  acceptTag(doc, passageTagIds, accepted, by);
}

/**
 * Settles a passage with one decided tag of the given label over the chosen boundaries, taken
 * from where the tags sit now (call inside a transaction). False when those boundaries cover no text.
 */
export function mergePassageTags(
  doc: Y.Doc,
  passageTags: readonly Annotation[],
  label: Label,
  bounds: BoundsChoice,
  by: Reviewer,
): boolean {
  const { projection, spans } = currentSpans(doc, passageTags);
  const range = rangeOf(bounds, spans);
  const anchor = range && createAnchor(projection, range.from, range.to);
  if (!anchor) return false;
  const ids = passageTags.map((tag) => tag.id);
  withdrawEarlierDecisions(doc, ids);
  mergePassage(doc, ids, label, anchor, by);
  return true;
}

/** Dismisses the dispute: every reviewer's tag stays, and earlier decided tags are withdrawn. */
export function dismissPassageDispute(doc: Y.Doc, passageTagIds: readonly string[], by: Reviewer): void {
  withdrawEarlierDecisions(doc, passageTagIds);
  dismissPassage(doc, passageTagIds, by);
}

import * as Y from 'yjs';
import { z } from 'zod';
import { newAnnotationId, writeAnnotation, type Annotation, type Reviewer } from '../annotation.js';
import type { Anchor } from '../anchoring.js';
import { getAnnotationsMap } from '../document-layout.js';
import type { Label } from '../labels.js';
import { appendHistory } from './tag-history.js';

/**
 * Settling disputed passages. A lead accepts one reviewer's tag, merges the passage into one
 * decided tag (label and boundaries of their choice), or dismisses the dispute. Each decision is
 * a record in the `adjudications` map; accepting or merging also writes an adjudicated tag that
 * belongs to no reviewer and is what exports show by default.
 */

/** Name of the top-level Y.Map from adjudication id to its record. */
export const ADJUDICATIONS_KEY = 'adjudications';

/** How a passage was settled. */
export type AdjudicationKind = 'accept' | 'merge' | 'dismiss';

const recordSchema = z.object({
  kind: z.enum(['accept', 'merge', 'dismiss']),
  annotationIds: z.array(z.string()).min(1),
  resultId: z.string().optional(),
  decidedBy: z.object({ id: z.string().min(1), name: z.string() }),
  decidedAt: z.iso.datetime({ offset: true }),
});

/** A lead's decision on a passage. */
export interface Adjudication extends z.infer<typeof recordSchema> {
  readonly id: string;
}

/** The adjudications map of an article. */
export function getAdjudicationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ADJUDICATIONS_KEY);
}

/** Every valid adjudication record, oldest first. */
export function readAdjudications(doc: Y.Doc): Adjudication[] {
  const records: Adjudication[] = [];
  getAdjudicationsMap(doc).forEach((value, id) => {
    const parsed = recordSchema.safeParse(value instanceof Y.Map ? value.toJSON() : value);
    if (parsed.success) records.push({ id, ...parsed.data });
  });
  return records.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
}

function record(doc: Y.Doc, fields: Omit<Adjudication, 'id'>): string {
  const id = `adj-${newAnnotationId().slice(2)}`;
  getAdjudicationsMap(doc).set(id, { ...fields });
  for (const tagId of fields.annotationIds) {
    const entry = getAnnotationsMap(doc).get(tagId);
    if (entry instanceof Y.Map) {
      appendHistory(entry, {
        at: fields.decidedAt,
        by: fields.decidedBy,
        action: 'adjudication',
        detail: fields.kind,
      });
    }
  }
  return id;
}

/** Accepts one reviewer's tag for a passage: a decided copy of it is written. Returns the adjudication id. */
export function acceptTag(
  doc: Y.Doc,
  passageTagIds: readonly string[],
  accepted: Annotation,
  by: Reviewer,
  now = new Date(),
): string {
  return decide(doc, 'accept', passageTagIds, { label: accepted.label, anchor: accepted }, by, now);
}

/** Merges a passage into one decided tag with the given label and boundaries. Returns the adjudication id. */
export function mergePassage(
  doc: Y.Doc,
  passageTagIds: readonly string[],
  label: Label,
  anchor: Anchor,
  by: Reviewer,
  now = new Date(),
): string {
  return decide(doc, 'merge', passageTagIds, { label, anchor }, by, now);
}

/** Dismisses the dispute of a passage: every reviewer's tags stay as they are. */
export function dismissPassage(
  doc: Y.Doc,
  passageTagIds: readonly string[],
  by: Reviewer,
  now = new Date(),
): string {
  return record(doc, {
    kind: 'dismiss',
    annotationIds: [...passageTagIds],
    decidedBy: { id: by.id, name: by.name },
    decidedAt: now.toISOString(),
  });
}

function decide(
  doc: Y.Doc,
  kind: 'accept' | 'merge',
  passageTagIds: readonly string[],
  result: { label: Label; anchor: Pick<Anchor, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'> },
  by: Reviewer,
  now: Date,
): string {
  const resultId = newAnnotationId();
  const adjudicationId = record(doc, {
    kind,
    annotationIds: [...passageTagIds],
    resultId,
    decidedBy: { id: by.id, name: by.name },
    decidedAt: now.toISOString(),
  });
  writeAnnotation(doc, resultId, {
    label: result.label,
    start: result.anchor.start,
    end: result.anchor.end,
    quote: result.anchor.quote,
    prefix: result.anchor.prefix,
    suffix: result.anchor.suffix,
    author: { id: by.id, name: by.name },
    now,
    adjudicationId,
  });
  return adjudicationId;
}

/** Which tags an export or view shows. */
export type TagView = 'adjudicated' | 'all';

/**
 * The tags a view shows. `adjudicated`: the decided tag where a passage was accepted or merged,
 * every reviewer's tags elsewhere (and where a dispute was dismissed). `all`: every reviewer's
 * tags everywhere, no decided tags.
 */
export function tagsForView<T extends Pick<Annotation, 'id' | 'adjudicated'>>(
  tags: readonly T[],
  adjudications: readonly Adjudication[],
  view: TagView,
): T[] {
  if (view === 'all') return tags.filter((tag) => !tag.adjudicated);
  const liveIds = new Set(tags.map((tag) => tag.id));
  const superseded = new Set<string>();
  for (const decision of adjudications) {
    if (decision.kind === 'dismiss' || !decision.resultId || !liveIds.has(decision.resultId)) continue;
    for (const id of decision.annotationIds) superseded.add(id);
  }
  return tags.filter((tag) => !superseded.has(tag.id));
}

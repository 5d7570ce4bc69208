import type * as Y from 'yjs';
import {
  readTagDetails,
  type Adjudication,
  type Annotation,
  type EvidenceStance,
  type Reviewer,
  type TagStatus,
} from '@factcheck/core';

/**
 * The review side of an exported tag (issue 4): its status and verdict, who makes the claim and
 * whom it is about, whether a lead decided it, its discussion, its evidence and the exported tags
 * it answers. Read from the shared document once per tag while the export model is built.
 */

/** A comment or reply of a tag's discussion, as exported (deleted comments are left out). */
export interface ExportComment {
  readonly id: string;
  readonly author: Reviewer;
  readonly text: string;
  readonly createdAt: string;
  readonly editedAt?: string;
  /** Id of the comment this one answers. */
  readonly replyTo?: string;
}

/** A link that backs, refutes or explains a claim. */
export interface ExportEvidence {
  readonly id: string;
  readonly url: string;
  readonly stance: EvidenceStance;
  readonly note: string;
  readonly author: Reviewer;
  readonly createdAt: string;
}

/** Another exported tag this one responds to; `number` when that tag is placed in the text. */
export interface ExportTagLink {
  readonly id: string;
  readonly number?: number;
}

/**
 * Review fields of an exported tag. Named apart from `status`, which stays the anchor status
 * (`anchored`, `reanchored`, `drifted`).
 */
export interface ExportReviewFields {
  readonly reviewStatus: TagStatus;
  /** Who makes the claim. */
  readonly claimant?: string;
  /** Whom the claim is about. */
  readonly subject?: string;
  /** Set once the tag is resolved. */
  readonly verdict?: string;
  readonly resolvedBy?: Reviewer;
  readonly resolvedAt?: string;
  /** True for the tag a lead decided when settling a disputed passage. */
  readonly adjudicated: boolean;
  /** The lead who decided an adjudicated tag, and when (from its adjudication record). */
  readonly decidedBy?: Reviewer;
  readonly decidedAt?: string;
  readonly thread: readonly ExportComment[];
  readonly evidence: readonly ExportEvidence[];
  /** Exported tags this tag responds to (a denial answering an allegation), in link order. */
  readonly respondsTo: readonly ExportTagLink[];
}

/** Where the tags of an export are: numbers of placed tags, and ids of every exported tag. */
export interface ExportedTagIndex {
  readonly numbers: ReadonlyMap<string, number>;
  readonly ids: ReadonlySet<string>;
}

/** The review fields of one exported tag. */
export function readReviewFields(
  doc: Y.Doc,
  annotation: Annotation,
  adjudications: ReadonlyMap<string, Adjudication>,
  exported: ExportedTagIndex,
): ExportReviewFields {
  const details = readTagDetails(doc, annotation.id);
  const decision =
    annotation.adjudicated && annotation.adjudicationId
      ? adjudications.get(annotation.adjudicationId)
      : undefined;
  const thread: ExportComment[] = (details?.thread ?? [])
    .filter((entry) => !entry.deleted)
    .map((entry) => ({
      id: entry.id,
      author: entry.author,
      text: entry.text,
      createdAt: entry.createdAt,
      ...(entry.editedAt ? { editedAt: entry.editedAt } : {}),
      ...(entry.replyTo ? { replyTo: entry.replyTo } : {}),
    }));
  const respondsTo = (details?.respondsTo ?? [])
    .filter((id) => exported.ids.has(id))
    .map((id): ExportTagLink => {
      const number = exported.numbers.get(id);
      return number === undefined ? { id } : { id, number };
    });
  return {
    reviewStatus: annotation.status,
    ...(annotation.claimant ? { claimant: annotation.claimant } : {}),
    ...(annotation.subject ? { subject: annotation.subject } : {}),
    ...(annotation.status === 'resolved' && annotation.verdict !== undefined
      ? { verdict: annotation.verdict }
      : {}),
    ...(annotation.status === 'resolved' && annotation.resolvedBy
      ? { resolvedBy: annotation.resolvedBy }
      : {}),
    ...(annotation.status === 'resolved' && annotation.resolvedAt
      ? { resolvedAt: annotation.resolvedAt }
      : {}),
    adjudicated: annotation.adjudicated === true,
    ...(decision ? { decidedBy: decision.decidedBy, decidedAt: decision.decidedAt } : {}),
    thread,
    evidence: details?.evidence ?? [],
    respondsTo,
  };
}

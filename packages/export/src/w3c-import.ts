import * as Y from 'yjs';
import {
  createAnchor,
  getAnnotationsMap,
  getContent,
  IMPORT_ORIGIN,
  newAnnotationId,
  offsetOfRelativePosition,
  projectFragment,
  readAnnotations,
  resolveAnnotations,
  setClaimField,
  writeAnnotation,
  type NewAnnotation,
  type Reviewer,
  type TextProjection,
} from '@factcheck/core';
import { codePointBoundaries, resolveTextPosition, resolveTextQuote, type TextSpan } from './selectors.js';
import {
  annotationsOfInput,
  notALabelReason,
  notATagReason,
  readImportedAnnotation,
  type ImportedAnnotation,
} from './w3c-input.js';

/**
 * Importing W3C Web Annotations back onto an article: each tagging annotation's selectors are
 * resolved against the article's text, quote first and position as a hint, and the tags are
 * written in one transaction. What cannot be placed is reported with a reason, never dropped.
 */

export { W3cInputError } from './w3c-input.js';

/** Options of `importW3cAnnotations`. */
export interface W3cImportOptions {
  /** Who the tags are recorded as when an annotation names no creator. */
  readonly author?: Reviewer;
  /** Time recorded for annotations without a valid `created`. */
  readonly now?: Date;
}

/** An annotation (or one of its tags) that was not imported, and why. */
export interface UnresolvedAnnotation {
  /** Position in the input's annotations: embedded pages, then `items`, then `unanchored`. */
  readonly index: number;
  readonly id?: string;
  readonly reason: string;
  /** The quote it was looking for, when it had one. */
  readonly exact?: string;
}

/** What an import did. */
export interface W3cImportResult {
  /** Ids of the tags created. */
  readonly created: string[];
  readonly unresolved: UnresolvedAnnotation[];
  /**
   * Annotations that are not tags and were left alone on purpose: comments, verdicts and evidence
   * on other annotations (the review part of a `w3c` export is not imported).
   */
  readonly skipped: UnresolvedAnnotation[];
}

/** Same label, reviewer and range: the same tag. */
function tagKey(label: string, authorId: string, from: number, to: number): string {
  return JSON.stringify([label, authorId, from, to]);
}

function existingTagKeys(doc: Y.Doc, projection: TextProjection): Set<string> {
  const keys = new Set<string>();
  for (const tag of resolveAnnotations(doc, readAnnotations(doc).valid, projection)) {
    if (tag.from === null || tag.to === null) continue;
    keys.add(tagKey(tag.annotation.label, tag.annotation.author.id, tag.from, tag.to));
  }
  return keys;
}

/** The span an annotation's selectors point to, or why there is none. */
function locate(
  text: string,
  boundaries: Uint32Array,
  annotation: ImportedAnnotation,
): { ok: true; span: TextSpan } | { ok: false; reason: string } {
  const { quote, position } = annotation;
  const positioned = position ? resolveTextPosition(text, position, boundaries) : null;
  if (quote) {
    const found = resolveTextQuote(text, quote, positioned ? positioned.from : null);
    if (found.ok) return { ok: true, span: found };
    return {
      ok: false,
      reason:
        found.reason === 'not-found'
          ? 'quote not found in the article'
          : 'quote found only where its prefix and suffix do not match',
    };
  }
  if (!positioned) return { ok: false, reason: 'TextPositionSelector is outside the article text' };
  return { ok: true, span: positioned };
}

/**
 * Imports W3C tagging annotations onto an article. Throws `W3cInputError` when the input is not
 * annotations at all; otherwise every annotation is either created or listed in `unresolved`.
 */
export function importW3cAnnotations(
  doc: Y.Doc,
  input: unknown,
  options: W3cImportOptions = {},
): W3cImportResult {
  const values = annotationsOfInput(input);
  const projection = projectFragment(getContent(doc));
  const text = projection.text;
  const boundaries = codePointBoundaries(text);
  const known = existingTagKeys(doc, projection);
  const now = options.now ?? new Date();
  const pending: {
    id: string;
    fields: NewAnnotation;
    modified?: string;
    parties: Pick<ImportedAnnotation, 'claimant' | 'subject'>;
  }[] = [];
  const unresolved: UnresolvedAnnotation[] = [];
  const skipped: UnresolvedAnnotation[] = [];

  values.forEach((value, index) => {
    const notATag = notATagReason(value);
    if (notATag !== null) {
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
      skipped.push({ index, ...(typeof id === 'string' ? { id } : {}), reason: notATag });
      return;
    }
    const read = readImportedAnnotation(value);
    if (!read.ok) {
      unresolved.push({ index, ...read.unreadable });
      return;
    }
    const annotation = read.annotation;
    const about = {
      index,
      ...(annotation.id === undefined ? {} : { id: annotation.id }),
      ...(annotation.quote ? { exact: annotation.quote.exact } : {}),
    };
    for (const other of annotation.otherTags) unresolved.push({ ...about, reason: notALabelReason(other) });
    if (annotation.labels.length === 0) return;
    const author = annotation.creator ?? options.author;
    if (!author) {
      unresolved.push({ ...about, reason: 'no creator, and no reviewer to record the tag as' });
      return;
    }
    const located = locate(text, boundaries, annotation);
    if (!located.ok) {
      unresolved.push({ ...about, reason: located.reason });
      return;
    }
    const anchor = createAnchor(projection, located.span.from, located.span.to);
    if (!anchor) {
      unresolved.push({ ...about, reason: 'the selected range covers no text' });
      return;
    }
    // Where the tag will sit, found the way existing tags are found, so duplicates compare alike.
    const from = offsetOfRelativePosition(doc, projection, anchor.start);
    const to = offsetOfRelativePosition(doc, projection, anchor.end);
    for (const label of annotation.labels) {
      const key = tagKey(label, author.id, from ?? -1, to ?? -1);
      if (known.has(key)) {
        unresolved.push({ ...about, reason: 'duplicate' });
        continue;
      }
      known.add(key);
      const created = annotation.created ?? now.toISOString();
      const modified = annotation.modified ?? created;
      pending.push({
        id: newAnnotationId(),
        fields: { label, author, ...anchor, now: new Date(created) },
        ...(modified === created ? {} : { modified }),
        parties: { claimant: annotation.claimant, subject: annotation.subject },
      });
    }
  });

  if (pending.length > 0) {
    doc.transact(() => {
      for (const { id, fields, modified, parties } of pending) {
        writeAnnotation(doc, id, fields);
        // Recorded as set by the tag's reviewer when it was made: the file does not say who or when.
        for (const field of ['claimant', 'subject'] as const) {
          const name = parties[field];
          if (name) setClaimField(doc, id, field, name, fields.author, fields.now);
        }
        if (modified) getAnnotationsMap(doc).get(id)?.set('updatedAt', modified);
      }
    }, IMPORT_ORIGIN);
  }
  return { created: pending.map((tag) => tag.id), unresolved, skipped };
}

import type * as Y from 'yjs';
import {
  getContent,
  projectFragment,
  resolveAnnotations,
  type Annotation,
  type TextProjection,
} from '@factcheck/core';

/** Which boundaries a merged tag takes. */
export type BoundsChoice =
  | { readonly kind: 'shortest' }
  | { readonly kind: 'longest' }
  | { readonly kind: 'tag'; readonly id: string };

/** Where one tag of a passage sits, in UTF-16 offsets of the projected text. */
export interface TagSpan {
  readonly id: string;
  readonly from: number;
  readonly to: number;
}

/** The projected text and where each of the given tags sits in it now (orphans left out). */
export function currentSpans(
  doc: Y.Doc,
  annotations: readonly Annotation[],
): { projection: TextProjection; spans: TagSpan[] } {
  const projection = projectFragment(getContent(doc));
  const spans = resolveAnnotations(doc, annotations, projection).flatMap((tag) =>
    tag.from !== null && tag.to !== null && tag.from < tag.to
      ? [{ id: tag.annotation.id, from: tag.from, to: tag.to }]
      : [],
  );
  return { projection, spans };
}

/**
 * The range a choice stands for: the text every tag covers (shortest common), the text any tag
 * covers (longest), or one tag's own span. Null when there is no such text.
 */
export function rangeOf(
  choice: BoundsChoice,
  spans: readonly TagSpan[],
): { from: number; to: number } | null {
  if (spans.length === 0) return null;
  if (choice.kind === 'tag') {
    const span = spans.find((candidate) => candidate.id === choice.id);
    return span ? { from: span.from, to: span.to } : null;
  }
  const froms = spans.map((span) => span.from);
  const tos = spans.map((span) => span.to);
  const range =
    choice.kind === 'shortest'
      ? { from: Math.max(...froms), to: Math.min(...tos) }
      : { from: Math.min(...froms), to: Math.max(...tos) };
  return range.from < range.to ? range : null;
}

/** Whether two choices are the same. */
export function sameChoice(a: BoundsChoice, b: BoundsChoice): boolean {
  return a.kind === b.kind && (a.kind !== 'tag' || (b.kind === 'tag' && a.id === b.id));
}

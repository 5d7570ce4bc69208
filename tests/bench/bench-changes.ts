import * as Y from 'yjs';
import {
  createAnchor,
  getContent,
  LABELS,
  newAnnotationId,
  projectFragment,
  readAnnotations,
  TAGGING_ORIGIN,
  writeAnnotation,
  type Reviewer,
} from '@factcheck/core';

/** Origin of the benchmark's simulated typing. */
export const BENCH_TYPING_ORIGIN = 'bench:typing';

/** Types one character at a random place of a random paragraph, as a reviewer in edit mode would. */
export function typeCharacter(doc: Y.Doc, next: () => number, paragraphIndex?: number): void {
  const content = getContent(doc);
  const index = paragraphIndex ?? Math.floor(next() * content.length);
  const paragraph = content.get(Math.min(index, content.length - 1));
  if (!(paragraph instanceof Y.XmlElement)) return;
  const text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) return;
  const at = Math.floor(next() * (text.length + 1));
  doc.transact(() => text.insert(at, 'abcdefghij'[Math.floor(next() * 10)]), BENCH_TYPING_ORIGIN);
}

/** Tags a random stretch of 10–60 characters, as a reviewer pressing 1, 2 or 3 would; returns the id. */
export function tagRandomPassage(doc: Y.Doc, next: () => number, author: Reviewer): string | null {
  const projection = projectFragment(getContent(doc));
  const length = projection.text.length;
  if (length < 80) return null;
  const from = Math.floor(next() * (length - 70));
  const anchor = createAnchor(projection, from, from + 10 + Math.floor(next() * 50));
  if (!anchor) return null;
  const id = newAnnotationId();
  const label = LABELS[Math.floor(next() * LABELS.length)];
  doc.transact(() => writeAnnotation(doc, id, { label, author, ...anchor }), TAGGING_ORIGIN);
  return id;
}

/** One change of a simulated reviewer: mostly typing, every fifth change a tag. */
export function makeSmallChange(doc: Y.Doc, next: () => number, author: Reviewer, count: number): void {
  if (count % 5 === 4 && tagRandomPassage(doc, next, author)) return;
  typeCharacter(doc, next);
}

/** Ids of the tags that start or end in one paragraph's text: the tags typing there touches. */
export function tagIdsInParagraph(doc: Y.Doc, paragraphIndex: number): string[] {
  const paragraph = getContent(doc).get(paragraphIndex);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return readAnnotations(doc)
    .valid.filter((tag) =>
      [tag.start, tag.end].some(
        (position) => Y.createAbsolutePositionFromRelativePosition(position, doc)?.type === text,
      ),
    )
    .map((tag) => tag.id);
}

import * as Y from 'yjs';
import {
  BLOCK_SEPARATOR,
  createAnchor,
  getContent,
  projectFragment,
  readAnnotations,
  resolveAnnotation,
  refreshTagQuotes,
  TAGGING_ORIGIN,
  writeAnnotation,
  writeArticle,
  type Label,
  type ResolvedAnnotation,
  type TextProjection,
} from '../../src/index.js';

/** Builds article documents for tests and edits them the way the editor binding would. */

/** Stands in for the editor binding's origin on text edits. */
export const EDIT_ORIGIN = 'test:edit';

export const REVIEWER = { id: 'reviewer-1', name: 'Reviewer One' } as const;

const MARK = /<([a-z])>/gu;

/**
 * An article doc from paragraphs, `<a>`-style marks giving projected offsets:
 * `buildArticle('one <a>two<b>', 'three')` → marks `{ a: 4, b: 7 }`.
 */
export function buildArticle(...paragraphs: string[]): { doc: Y.Doc; marks: Record<string, number> } {
  const marks: Record<string, number> = {};
  const clean: string[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    let removed = 0;
    for (const match of paragraph.matchAll(MARK)) {
      marks[match[1]] = offset + (match.index ?? 0) - removed;
      removed += match[0].length;
    }
    const text = paragraph.replace(MARK, '');
    clean.push(text);
    offset += text.length + BLOCK_SEPARATOR.length;
  }
  const doc = new Y.Doc();
  writeArticle(doc, { title: 'Test article', titleDerived: false, paragraphs: clean });
  return { doc, marks };
}

export function projectionOf(doc: Y.Doc): TextProjection {
  return projectFragment(getContent(doc));
}

export function textOf(doc: Y.Doc): string {
  return projectionOf(doc).text;
}

/** The Y.XmlText of each paragraph, in order. */
export function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return getContent(doc)
    .toArray()
    .map((element) => (element as Y.XmlElement).get(0))
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText);
}

/** The text type and index a projected offset falls in (the earlier paragraph at a boundary). */
export function locate(doc: Y.Doc, offset: number): { type: Y.XmlText; index: number } {
  for (const segment of projectionOf(doc).segments) {
    if (segment.type && offset >= segment.start && offset <= segment.start + segment.length) {
      return { type: segment.type, index: offset - segment.start };
    }
  }
  throw new Error(`offset ${offset} is not inside a paragraph`);
}

/** Types text at a projected offset. */
export function insertText(doc: Y.Doc, offset: number, text: string): void {
  const { type, index } = locate(doc, offset);
  doc.transact(() => type.insert(index, text), EDIT_ORIGIN);
}

/** Deletes a projected range that lies inside one paragraph. */
export function deleteText(doc: Y.Doc, from: number, to: number): void {
  const { type, index } = locate(doc, from);
  if (index + (to - from) > type.length) throw new Error(`range ${from}–${to} crosses a paragraph`);
  doc.transact(() => type.delete(index, to - from), EDIT_ORIGIN);
}

/** Deletes a whole paragraph by index. */
export function deleteParagraph(doc: Y.Doc, index: number): void {
  doc.transact(() => getContent(doc).delete(index, 1), EDIT_ORIGIN);
}

/** Appends a new paragraph at a block index. */
export function insertParagraph(doc: Y.Doc, index: number, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    getContent(doc).insert(index, [paragraph]);
  }, EDIT_ORIGIN);
}

export interface TagOptions {
  readonly id?: string;
  readonly label?: Label;
  readonly now?: Date;
}

let tagCounter = 0;

/** Tags a projected range as a reviewer would; returns the new id, or null if nothing to tag. */
export function tagRange(doc: Y.Doc, from: number, to: number, options: TagOptions = {}): string | null {
  const anchor = createAnchor(projectionOf(doc), from, to);
  if (!anchor) return null;
  const id = options.id ?? `tag-${++tagCounter}`;
  doc.transact(() => {
    writeAnnotation(doc, id, {
      label: options.label ?? 'allegation',
      ...anchor,
      author: REVIEWER,
      now: options.now ?? new Date('2024-05-01T10:00:00Z'),
    });
  }, TAGGING_ORIGIN);
  return id;
}

/** Where a tag sits now. */
export function resolveTag(doc: Y.Doc, id: string): ResolvedAnnotation {
  const annotation = readAnnotations(doc).valid.find((candidate) => candidate.id === id);
  if (!annotation) throw new Error(`no valid annotation ${id}`);
  return resolveAnnotation(doc, projectionOf(doc), annotation);
}

/** The text a resolved tag covers, or null when orphaned. */
export function coveredText(doc: Y.Doc, resolved: ResolvedAnnotation): string | null {
  return resolved.from === null || resolved.to === null
    ? null
    : textOf(doc).slice(resolved.from, resolved.to);
}

/** What the editing client does after its own edit: drifted and reanchored tags get a fresh quote. */
export function refreshQuotes(doc: Y.Doc, now = new Date('2024-05-01T11:00:00Z')): number {
  return refreshTagQuotes(doc, now);
}

/**
 * Rewrites a tag the way clients before session 6 (and stock scripts following docs/data-model.md)
 * store it: `start`, `end`, `quote`, `prefix` and `suffix` as separate keys instead of one
 * `anchor` value, positions as bytes or in `Y.relativePositionToJSON` form.
 */
export function storeAnchorAsSeparateKeys(entry: Y.Map<unknown>, positions: 'bytes' | 'json'): void {
  const anchor = entry.get('anchor') as Record<string, unknown>;
  entry.delete('anchor');
  for (const [key, value] of Object.entries(anchor)) {
    const position = key === 'start' || key === 'end';
    entry.set(
      key,
      position && positions === 'json'
        ? Y.relativePositionToJSON(Y.decodeRelativePosition(value as Uint8Array))
        : value,
    );
  }
}

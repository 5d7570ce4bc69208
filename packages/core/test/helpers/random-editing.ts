import * as Y from 'yjs';
import {
  getAnnotationsMap,
  getContent,
  LABELS,
  NODE_NAMES,
  relabelAnnotation,
  removeAnnotation,
  splitsSurrogatePair,
  TAGGING_ORIGIN,
} from '../../src/index.js';
import { EDIT_ORIGIN, projectionOf, tagRange } from './article-builder.js';
import type { Random } from './seeded-random.js';

/**
 * Random edits of an article doc shaped like what the editor binding produces: typing and
 * deleting inside a paragraph, Enter (split), Backspace at a paragraph start (join), whole
 * paragraphs removed or added, and tagging. Offsets stay on code-point boundaries, as a caret does.
 */

const TOKENS = [
  'the ',
  'Ali ',
  'Zafar',
  ' said',
  ' court',
  ' fake news',
  'Meesha ',
  '.',
  ' ',
  'x',
  '’',
  '“',
  '”',
  ' – ',
  '\u00a0',
  '😀',
  'علی ظفر',
];

export function randomText(random: Random, maxTokens = 3): string {
  let text = '';
  for (let i = random.between(1, maxTokens); i > 0; i--) text += random.pick(TOKENS);
  return text;
}

/** What random edits must leave alone; everything is allowed by default. */
export interface EditLimits {
  /** Whether a projected range may change (an insertion point when from === to). */
  readonly canEdit: (from: number, to: number) => boolean;
  /** Whether a paragraph (by block index) may be split, joined or deleted. */
  readonly canRestructure: (paragraph: number) => boolean;
}

const NO_LIMITS: EditLimits = { canEdit: () => true, canRestructure: () => true };

interface ParagraphView {
  readonly element: Y.XmlElement;
  readonly text: Y.XmlText;
  readonly string: string;
  /** Projected offset of the paragraph's first character. */
  readonly start: number;
}

function paragraphsOf(doc: Y.Doc): ParagraphView[] {
  const projection = projectionOf(doc);
  return getContent(doc)
    .toArray()
    .map((element) => {
      const paragraph = element as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      const start = projection.startOfType.get(text) ?? 0;
      return { element: paragraph, text, start, string: projection.text.slice(start, start + text.length) };
    });
}

function newParagraph(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement(NODE_NAMES.paragraph);
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/** A caret index in a string, never between the halves of a surrogate pair. */
function caret(random: Random, text: string, min = 0): number {
  const index = random.between(min, text.length);
  return splitsSurrogatePair(text, index) ? index - 1 : index;
}

/** Makes one random text edit; returns what it did, or null when the chosen edit was not allowed. */
export function randomTextEdit(doc: Y.Doc, random: Random, limits: EditLimits = NO_LIMITS): string | null {
  const paragraphs = paragraphsOf(doc);
  const k = random.int(paragraphs.length);
  const p = paragraphs[k];
  // Concurrent deletions can empty the article; the editor then starts a fresh paragraph.
  const roll = paragraphs.length === 0 ? 1 : random.next();

  if (roll < 0.45) {
    const index = caret(random, p.string);
    if (!limits.canEdit(p.start + index, p.start + index)) return null;
    const inserted = randomText(random);
    doc.transact(() => p.text.insert(index, inserted), EDIT_ORIGIN);
    return `insert ${JSON.stringify(inserted)} at ${p.start + index}`;
  }
  if (roll < 0.7) {
    if (p.string.length === 0) return null;
    const from = caret(random, p.string);
    let to = Math.min(p.string.length, from + random.between(1, 12));
    if (splitsSurrogatePair(p.string, to)) to++;
    if (to <= from || !limits.canEdit(p.start + from, p.start + to)) return null;
    doc.transact(() => p.text.delete(from, to - from), EDIT_ORIGIN);
    return `delete ${p.start + from}–${p.start + to}`;
  }
  if (roll < 0.8) {
    if (!limits.canRestructure(k)) return null;
    const index = caret(random, p.string);
    const tail = p.string.slice(index);
    doc.transact(() => {
      p.text.delete(index, tail.length);
      getContent(doc).insert(k + 1, [newParagraph(tail)]);
    }, EDIT_ORIGIN);
    return `split paragraph ${k} at ${index}`;
  }
  if (roll < 0.88) {
    if (k === 0 || !limits.canRestructure(k - 1) || !limits.canRestructure(k)) return null;
    const previous = paragraphs[k - 1];
    doc.transact(() => {
      previous.text.insert(previous.string.length, p.string);
      getContent(doc).delete(k, 1);
    }, EDIT_ORIGIN);
    return `join paragraph ${k} into ${k - 1}`;
  }
  if (roll < 0.94) {
    if (paragraphs.length < 2 || !limits.canRestructure(k)) return null;
    doc.transact(() => getContent(doc).delete(k, 1), EDIT_ORIGIN);
    return `delete paragraph ${k}`;
  }
  const at = random.int(paragraphs.length + 1);
  const before = paragraphs[at - 1];
  const after = paragraphs[at];
  const gapFrom = before ? before.start + before.string.length : 0;
  const gapTo = after ? after.start : gapFrom;
  if (!limits.canEdit(gapFrom, gapTo)) return null;
  const text = randomText(random, 6);
  doc.transact(() => getContent(doc).insert(at, [newParagraph(text)]), EDIT_ORIGIN);
  return `insert paragraph ${at} ${JSON.stringify(text)}`;
}

/** A random range of the projected text: usually short, sometimes long or across paragraphs. */
export function randomRange(random: Random, text: string): [number, number] {
  const from = random.int(text.length + 1);
  const length = random.chance(0.2) ? random.between(1, 200) : random.between(1, 30);
  return [from, Math.min(text.length, from + length)];
}

/** Tags a random range, or relabels or removes a random tag; returns what it did. */
export function randomTagEdit(
  doc: Y.Doc,
  random: Random,
  newId: () => string,
  now: Date,
  keep: ReadonlySet<string> = new Set(),
): string | null {
  const ids = [...getAnnotationsMap(doc).keys()].sort();
  const roll = random.next();
  if (roll < 0.6 || ids.length === 0) {
    const [from, to] = randomRange(random, projectionOf(doc).text);
    const id = tagRange(doc, from, to, { id: newId(), label: random.pick(LABELS), now });
    return id ? `tag ${id} ${from}–${to}` : null;
  }
  const id = random.pick(ids);
  if (roll < 0.85) {
    const label = random.pick(LABELS);
    doc.transact(() => relabelAnnotation(doc, id, label, now), TAGGING_ORIGIN);
    return `relabel ${id} ${label}`;
  }
  if (keep.has(id)) return null;
  doc.transact(() => removeAnnotation(doc, id), TAGGING_ORIGIN);
  return `remove ${id}`;
}

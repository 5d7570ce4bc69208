import type * as Y from 'yjs';
import {
  createAnchor,
  getContent,
  LABELS,
  projectFragment,
  TAGGING_ORIGIN,
  writeAnnotation,
} from '@factcheck/core';

/**
 * Writes `count` tags in one tagging transaction, as a bot reviewer: tag `i` gets the id
 * `${prefix}${i}` (zero-padded), labels in turn, and covers the projected range `rangeOf(i, length)`
 * of the article's text (`length` is the text's length).
 */
export function writeManyTags(
  doc: Y.Doc,
  count: number,
  prefix: string,
  rangeOf: (index: number, textLength: number) => readonly [number, number],
): void {
  const projection = projectFragment(getContent(doc));
  const digits = String(count - 1).length;
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const [from, to] = rangeOf(i, projection.text.length);
      const anchor = createAnchor(projection, from, to);
      if (!anchor) throw new Error(`no text to tag at ${from}–${to}`);
      writeAnnotation(doc, `${prefix}${String(i).padStart(digits, '0')}`, {
        label: LABELS[i % LABELS.length],
        author: { id: 'bot', name: 'Bot' },
        ...anchor,
      });
    }
  }, TAGGING_ORIGIN);
}

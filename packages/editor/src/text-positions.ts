import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { BLOCK_SEPARATOR, inlineLeafText } from '@factcheck/core';

/**
 * The same plain-text projection core computes from the Y.XmlFragment, computed from a ProseMirror
 * document, with conversions between its offsets and ProseMirror positions.
 */

interface BlockRun {
  /** Offset of the block's first character in the projected text. */
  readonly textStart: number;
  /** ProseMirror position of the block's content start. */
  readonly pmStart: number;
  readonly node: ProseMirrorNode;
  readonly length: number;
}

/** The projected text of a ProseMirror document and the map between its offsets and positions. */
export interface PmTextIndex {
  readonly text: string;
  readonly blocks: readonly BlockRun[];
}

function blockText(node: ProseMirrorNode): string {
  let out = '';
  node.forEach((child) => {
    out += child.isText ? (child.text ?? '') : inlineLeafText(child.type.name);
  });
  return out;
}

/** Projects a ProseMirror document to text: text blocks joined by a blank line. */
export function indexPmText(doc: ProseMirrorNode): PmTextIndex {
  const blocks: BlockRun[] = [];
  const parts: string[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return !node.isLeaf;
    if (blocks.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
    const text = blockText(node);
    blocks.push({ textStart: offset, pmStart: pos + 1, node, length: text.length });
    parts.push(text);
    offset += text.length;
    return false;
  });
  return { text: parts.join(''), blocks };
}

function blockAtText(index: PmTextIndex, offset: number): BlockRun | undefined {
  const { blocks } = index;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid].textStart <= offset) low = mid;
    else high = mid - 1;
  }
  return blocks[low];
}

/** ProseMirror position of a projected-text offset (offsets inside a separator snap to the next block). */
export function pmPosFromText(index: PmTextIndex, offset: number): number {
  const block = blockAtText(index, offset);
  if (!block) return 0;
  if (offset > block.textStart + block.length) {
    const next = index.blocks[index.blocks.indexOf(block) + 1];
    return next ? next.pmStart : block.pmStart + block.node.content.size;
  }
  return block.pmStart + Math.max(0, offset - block.textStart);
}

/** Projected-text offset of a ProseMirror position (positions between blocks snap forward). */
export function textFromPmPos(index: PmTextIndex, pos: number): number {
  const { blocks } = index;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid].pmStart <= pos) low = mid;
    else high = mid - 1;
  }
  const block = blocks[low];
  if (!block) return 0;
  if (pos < block.pmStart) return block.textStart;
  return block.textStart + Math.min(block.length, pos - block.pmStart);
}

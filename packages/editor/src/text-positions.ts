import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { BLOCK_SEPARATOR, inlineLeafText, lastIndexAtOrBefore, type ReadableText } from '@factcheck/core';

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
  /** The whole projected text, joined on first read (a long article's takes about a millisecond). */
  readonly text: string;
  readonly blocks: readonly BlockRun[];
}

/** Projected text of text blocks already seen (nodes are immutable; unchanged blocks are shared between documents). */
const textOfBlock = new WeakMap<ProseMirrorNode, string>();
/** Index of documents already projected (documents are immutable). */
const indexOfDoc = new WeakMap<ProseMirrorNode, PmTextIndex>();

function blockText(node: ProseMirrorNode): string {
  const known = textOfBlock.get(node);
  if (known !== undefined) return known;
  let out = '';
  node.forEach((child) => {
    out += child.isText ? (child.text ?? '') : inlineLeafText(child.type.name);
  });
  textOfBlock.set(node, out);
  return out;
}

/**
 * Projects a ProseMirror document to text: text blocks joined by a blank line. Computed once per
 * document; blocks a change did not touch reuse their text.
 */
export function indexPmText(doc: ProseMirrorNode): PmTextIndex {
  const known = indexOfDoc.get(doc);
  if (known) return known;
  const index = projectPmText(doc);
  indexOfDoc.set(doc, index);
  return index;
}

function projectPmText(doc: ProseMirrorNode): PmTextIndex {
  const blocks: BlockRun[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return !node.isLeaf;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    const length = blockText(node).length;
    blocks.push({ textStart: offset, pmStart: pos + 1, node, length });
    offset += length;
    return false;
  });
  let text: string | undefined;
  return {
    get text() {
      text ??= blocks.map((block) => blockText(block.node)).join(BLOCK_SEPARATOR);
      return text;
    },
    blocks,
  };
}

/**
 * Whether a ProseMirror document's projected text is `text` (as projected from the Y.Doc, read
 * through the projection itself), checked block by block without joining either text.
 */
export function showsText(index: PmTextIndex, text: ReadableText): boolean {
  const { blocks } = index;
  const last = blocks[blocks.length - 1] as BlockRun | undefined;
  if ((last ? last.textStart + last.length : 0) !== text.length) return false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (i > 0 && text.slice(block.textStart - BLOCK_SEPARATOR.length, block.textStart) !== BLOCK_SEPARATOR)
      return false;
    // A slice compared whole is far faster in V8 than `startsWith` at an offset (~20x here).
    if (text.slice(block.textStart, block.textStart + block.length) !== blockText(block.node)) return false;
  }
  return true;
}

/** Index of the last text block starting at or before a ProseMirror position (0 if none). */
function blockIndexAtPos(index: PmTextIndex, pos: number): number {
  return lastIndexAtOrBefore(index.blocks, pos, (block) => block.pmStart);
}

/**
 * The parts of a ProseMirror range that lie inside text blocks, one per block, in order. Inline
 * decorations cut this way each sit inside one block, where ProseMirror keeps them per block.
 */
export function textblockPieces(
  index: PmTextIndex,
  from: number,
  to: number,
): { from: number; to: number }[] {
  const pieces: { from: number; to: number }[] = [];
  const { blocks } = index;
  for (let i = blockIndexAtPos(index, from); i < blocks.length && blocks[i].pmStart < to; i++) {
    const block = blocks[i];
    const start = Math.max(from, block.pmStart);
    const end = Math.min(to, block.pmStart + block.node.content.size);
    if (start < end) pieces.push({ from: start, to: end });
  }
  return pieces;
}

function blockIndexAtText(index: PmTextIndex, offset: number): number {
  return lastIndexAtOrBefore(index.blocks, offset, (block) => block.textStart);
}

/** ProseMirror position of a projected-text offset (offsets inside a separator snap to the next block). */
export function pmPosFromText(index: PmTextIndex, offset: number): number {
  const at = blockIndexAtText(index, offset);
  const block = index.blocks[at] as BlockRun | undefined;
  if (!block) return 0;
  if (offset > block.textStart + block.length) {
    const next = index.blocks[at + 1] as BlockRun | undefined;
    return next ? next.pmStart : block.pmStart + block.node.content.size;
  }
  return block.pmStart + Math.max(0, offset - block.textStart);
}

/** Projected-text offset of a ProseMirror position (positions between blocks snap forward). */
export function textFromPmPos(index: PmTextIndex, pos: number): number {
  const block = index.blocks[blockIndexAtPos(index, pos)];
  if (!block) return 0;
  if (pos < block.pmStart) return block.textStart;
  return block.textStart + Math.min(block.length, pos - block.pmStart);
}

import type * as Y from 'yjs';
import type { DOMOutputSpec, Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { getContent } from '@factcheck/core';
import { articleSchema } from './schema.js';
import { placeTags, type PlacedTag } from './annotations/placed-tags.js';
import { highlightStretches, type HighlightStretch } from './annotations/tag-decorations.js';
import { SHOW_ALL_TAGS } from './annotations/tag-filter.js';

/**
 * An article drawn as the editor draws it (blocks, marks and highlight spans), without a DOM: a
 * tree of plain data that a page turns into markup. The server draws one of every article, so a
 * browser that has never opened the article can show it while its editor is built.
 */

/** One node of a drawn article: text, or an element as `[tag, attributes, ...children]`. */
export type CopyNode = string | CopyElement;

/** An element of a drawn article: its lower-case tag, its attributes, then its children. */
export type CopyElement = [string, Record<string, string>, ...CopyNode[]];

function isAttributes(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('nodeType' in value);
}

/**
 * Draws a schema's `toDOM` output as ProseMirror's `renderSpec` would: attributes that are null
 * are left out, and the hole (`0`) takes `content`.
 */
function drawSpec(spec: DOMOutputSpec, content: () => CopyNode[]): CopyNode[] {
  if (typeof spec === 'string') return [spec];
  if (!Array.isArray(spec)) throw new Error('the article schema draws its nodes as arrays');
  const [tagName, ...rest] = spec as readonly unknown[];
  const tag = String(tagName).split(' ').pop()!.toLowerCase();
  const element: CopyElement = [tag, {}];
  let children = rest;
  if (isAttributes(rest[0])) {
    for (const [name, value] of Object.entries(rest[0]))
      if (value !== null && value !== undefined) element[1][name] = String(value);
    children = rest.slice(1);
  }
  for (const child of children) {
    if (child === 0) element.push(...content());
    else element.push(...drawSpec(child as DOMOutputSpec, content));
  }
  return [element];
}

/** Highlight stretches of one text block, read in order as its inline content is drawn. */
class StretchCursor {
  private next = 0;

  constructor(private readonly stretches: readonly HighlightStretch[]) {}

  /** The stretches overlapping `[from, to)`, skipping those that end before it. */
  overlapping(from: number, to: number): HighlightStretch[] {
    while (this.next < this.stretches.length && this.stretches[this.next].to <= from) this.next++;
    const found: HighlightStretch[] = [];
    for (let i = this.next; i < this.stretches.length && this.stretches[i].from < to; i++)
      found.push(this.stretches[i]);
    return found;
  }
}

/** One piece of a text block's inline content: its marks and what it draws. */
interface InlinePiece {
  readonly marks: readonly Mark[];
  readonly drawn: CopyNode;
}

/** A text node cut at highlight edges: plain text, or a highlight span around it (as ProseMirror wraps decorated text). */
function textPieces(node: ProseMirrorNode, pos: number, cursor: StretchCursor): InlinePiece[] {
  const text = node.text!;
  const end = pos + text.length;
  const pieces: InlinePiece[] = [];
  let at = pos;
  for (const stretch of cursor.overlapping(pos, end)) {
    const from = Math.max(stretch.from, pos);
    const to = Math.min(stretch.to, end);
    if (from > at) pieces.push({ marks: node.marks, drawn: text.slice(at - pos, from - pos) });
    pieces.push({
      marks: node.marks,
      drawn: ['span', { ...stretch.attrs }, text.slice(from - pos, to - pos)],
    });
    at = to;
  }
  if (at < end) pieces.push({ marks: node.marks, drawn: text.slice(at - pos) });
  return pieces;
}

/** An inline leaf (a hard break): a highlight over it sets its attributes on the element itself. */
function leafPiece(node: ProseMirrorNode, pos: number, cursor: StretchCursor): InlinePiece {
  const [drawn] = drawSpec(node.type.spec.toDOM!(node), () => []);
  const over = cursor.overlapping(pos, pos + node.nodeSize)[0];
  if (over && typeof drawn !== 'string') Object.assign(drawn[1], over.attrs);
  return { marks: node.marks, drawn };
}

/** The element a mark draws, empty, to be filled with the pieces it covers. */
function markElement(mark: Mark): CopyElement {
  const [drawn] = drawSpec(mark.type.spec.toDOM!(mark, true), () => []);
  if (typeof drawn === 'string') throw new Error(`mark ${mark.type.name} draws no element`);
  return drawn;
}

/**
 * A text block's inline content: consecutive pieces with the same marks share the marks' elements,
 * as ProseMirror's view keeps one mark element across them; an empty block, or one ending in
 * something other than text, ends with a line break, as the view adds one for the caret.
 */
function drawInline(block: ProseMirrorNode, contentStart: number, cursor: StretchCursor): CopyNode[] {
  const top: CopyNode[] = [];
  const open: { mark: Mark; element: CopyElement }[] = [];
  const target = () => (open.length > 0 ? open[open.length - 1].element : top);
  block.forEach((child, offset) => {
    const pos = contentStart + offset;
    const pieces = child.isText ? textPieces(child, pos, cursor) : [leafPiece(child, pos, cursor)];
    for (const piece of pieces) {
      let kept = 0;
      while (kept < open.length && kept < piece.marks.length && open[kept].mark.eq(piece.marks[kept])) kept++;
      open.length = kept;
      for (const mark of piece.marks.slice(kept)) {
        const element = markElement(mark);
        target().push(element);
        open.push({ mark, element });
      }
      target().push(piece.drawn);
    }
  });
  const last = block.lastChild;
  if (!last || !last.isText || last.text!.endsWith('\n')) top.push(['br', {}]);
  return top;
}

/** Draws a block and what it holds; `pos` is where the block starts. */
function drawBlock(node: ProseMirrorNode, pos: number, stretches: readonly HighlightStretch[]): CopyNode[] {
  const spec = node.type.spec.toDOM!(node);
  if (node.isTextblock) {
    const inside = stretches.filter((stretch) => stretch.from >= pos && stretch.to <= pos + node.nodeSize);
    return drawSpec(spec, () => drawInline(node, pos + 1, new StretchCursor(inside)));
  }
  return drawSpec(spec, () => {
    const drawn: CopyNode[] = [];
    node.forEach((child, offset) => drawn.push(...drawBlock(child, pos + 1 + offset, stretches)));
    return drawn;
  });
}

/** Splits document-ordered stretches by the top-level block that holds them. */
function stretchesByBlock(
  doc: ProseMirrorNode,
  stretches: readonly HighlightStretch[],
): HighlightStretch[][] {
  const byBlock: HighlightStretch[][] = [];
  let next = 0;
  doc.forEach((node, offset) => {
    const end = offset + node.nodeSize;
    const mine: HighlightStretch[] = [];
    while (next < stretches.length && stretches[next].to <= end) mine.push(stretches[next++]);
    byBlock.push(mine);
  });
  return byBlock;
}

/**
 * The article's blocks as the editor draws them with every tag shown: the schema's elements, each
 * highlighted stretch a `span` with the editor's highlight classes and tag ids.
 */
export function drawArticle(doc: ProseMirrorNode, tags: readonly PlacedTag[]): CopyNode[] {
  const byBlock = stretchesByBlock(doc, highlightStretches(doc, tags, SHOW_ALL_TAGS));
  const drawn: CopyNode[] = [];
  let index = 0;
  doc.forEach((node, offset) => drawn.push(...drawBlock(node, offset, byBlock[index++])));
  return drawn;
}

/**
 * The article of a shared document drawn with every valid tag, as the editor would show it on
 * opening. Throws if the tags cannot be placed (the drawn document does not show the shared
 * text), rather than drawing the article without them.
 */
export function drawSharedArticle(ydoc: Y.Doc): CopyNode[] {
  const doc = yXmlFragmentToProseMirrorRootNode(getContent(ydoc), articleSchema);
  const tags = placeTags(ydoc, doc);
  if (!tags) throw new Error('the drawn article does not show the shared text; its tags cannot be placed');
  return drawArticle(doc, tags);
}

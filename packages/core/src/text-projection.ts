import * as Y from 'yjs';
import { NODE_NAMES } from './document-layout.js';
import type { ReadableText } from './quote-search.js';
import { lastIndexAtOrBefore } from './sorted-search.js';

/**
 * The article's plain text as everything outside the editor sees it: each text block's text,
 * blocks separated by one blank line. Offsets here are UTF-16 indexes into that string; exports
 * convert them to code points at the edge.
 */

/** Separator between two text blocks in the projected text. */
export const BLOCK_SEPARATOR = '\n\n';

/** Block nodes that only hold other blocks and contribute no text of their own. */
export const CONTAINER_NODES: ReadonlySet<string> = new Set([
  NODE_NAMES.blockquote,
  NODE_NAMES.bulletList,
  NODE_NAMES.orderedList,
  NODE_NAMES.listItem,
]);

/** Block leaves (no content) that are skipped in the projected text. */
export const BLOCK_LEAF_NODES: ReadonlySet<string> = new Set(['horizontal_rule']);

/** Text an inline leaf node stands for in the projected text (one UTF-16 unit each). */
export function inlineLeafText(nodeName: string): string {
  return nodeName === NODE_NAMES.hardBreak ? '\n' : '\uFFFC';
}

/** One run of projected text backed by a Y.XmlText (or by an inline leaf when `type` is null). */
export interface TextSegment {
  readonly type: Y.XmlText | null;
  readonly start: number;
  readonly length: number;
  /** The run's text. */
  readonly text: string;
}

/**
 * The projected text of a fragment with the map back to the Yjs types that hold it. It reads like a
 * string (`length`, `slice`, `indexOf`) without joining the whole text: a long article's joined text
 * is over 128 KB, which V8 allocates apart from other objects at about 1 ms a time, and a
 * colleague's keystroke projects the text again. `text` joins it on first read.
 */
export interface TextProjection extends ReadableText {
  /** The whole projected text, joined on first read. */
  readonly text: string;
  readonly segments: readonly TextSegment[];
  readonly startOfType: ReadonlyMap<Y.XmlText, number>;
}

/** The projected text of one Y.XmlText: its string, an embed standing for one `\uFFFC`. */
export function xmlTextString(type: Y.XmlText): string {
  let out = '';
  for (const op of type.toDelta() as { insert: unknown }[]) {
    out += typeof op.insert === 'string' ? op.insert : '\uFFFC';
  }
  return out;
}

/** The separator is one character repeated, so any stretch of separator text is that character repeated. */
const SEPARATOR_UNIT = BLOCK_SEPARATOR[0];

/** A run of segments with no separator between them (one text block), searched as one string. */
interface Block {
  readonly start: number;
  readonly text: string;
}

/** A projection held as its segments; the text between them is block separators. */
class SegmentedProjection implements TextProjection {
  private joined: string | undefined;
  private blockList: Block[] | undefined;

  constructor(
    readonly segments: readonly TextSegment[],
    readonly startOfType: ReadonlyMap<Y.XmlText, number>,
    readonly length: number,
  ) {}

  get text(): string {
    this.joined ??= this.slice(0, this.length);
    return this.joined;
  }

  /** The text between two offsets (clamped to the text, as `String.prototype.slice` with non-negative offsets). */
  slice(from = 0, to = this.length): string {
    const start = Math.max(0, Math.min(from, this.length));
    const end = Math.max(start, Math.min(to, this.length));
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const { segments } = this;
    const parts: string[] = [];
    let at = start;
    for (let i = lastIndexAtOrBefore(segments, start, (segment) => segment.start); at < end; i++) {
      const segment = segments[i] as TextSegment | undefined;
      const segmentEnd = segment ? segment.start + segment.length : end;
      if (segment && segmentEnd <= at) continue;
      // Before the segment (or after the last one) lies separator text.
      const gapEnd = segment ? Math.min(end, segment.start) : end;
      if (at < gapEnd) {
        parts.push(SEPARATOR_UNIT.repeat(gapEnd - at));
        at = gapEnd;
      }
      if (!segment || at >= end) continue;
      const pieceEnd = Math.min(end, segmentEnd);
      parts.push(segment.text.slice(at - segment.start, pieceEnd - segment.start));
      at = pieceEnd;
    }
    return parts.length === 1 ? parts[0] : parts.join('');
  }

  /**
   * Where `search` first occurs at or after `position`, as `String.prototype.indexOf`. Text without
   * a line break never spans two blocks, so it is searched block by block.
   */
  indexOf(search: string, position = 0): number {
    if (this.joined !== undefined || search.length === 0 || search.includes(SEPARATOR_UNIT))
      return this.text.indexOf(search, position);
    const blocks = this.blocks();
    for (let i = lastIndexAtOrBefore(blocks, position, (block) => block.start); i < blocks.length; i++) {
      const block = blocks[i];
      const found = block.text.indexOf(search, Math.max(0, position - block.start));
      if (found !== -1) return block.start + found;
    }
    return -1;
  }

  private blocks(): Block[] {
    if (this.blockList) return this.blockList;
    const blocks: Block[] = [];
    let pending: TextSegment[] = [];
    const close = () => {
      if (pending.length === 0) return;
      const text = pending.length === 1 ? pending[0].text : pending.map((segment) => segment.text).join('');
      blocks.push({ start: pending[0].start, text });
      pending = [];
    };
    let end = -1;
    for (const segment of this.segments) {
      if (segment.start !== end) close();
      pending.push(segment);
      end = segment.start + segment.length;
    }
    close();
    this.blockList = blocks;
    return blocks;
  }
}

/**
 * Projects a Y.XmlFragment to plain text, remembering where each Y.XmlText starts. `textOf` reads
 * one Y.XmlText's text (a caller that knows which ones changed can pass remembered strings).
 */
export function projectFragment(
  fragment: Y.XmlFragment,
  textOf: (type: Y.XmlText) => string = xmlTextString,
): TextProjection {
  const segments: TextSegment[] = [];
  const startOfType = new Map<Y.XmlText, number>();
  let offset = 0;
  let blocks = 0;

  const push = (text: string, type: Y.XmlText | null) => {
    if (type) startOfType.set(type, offset);
    segments.push({ type, start: offset, length: text.length, text });
    offset += text.length;
  };

  const visitTextBlock = (element: Y.XmlElement) => {
    if (blocks++ > 0) offset += BLOCK_SEPARATOR.length;
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlText) push(textOf(child), child);
      else if (child instanceof Y.XmlElement) push(inlineLeafText(child.nodeName), null);
    }
  };

  const visitBlocks = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (CONTAINER_NODES.has(child.nodeName)) visitBlocks(child);
      else if (!BLOCK_LEAF_NODES.has(child.nodeName)) visitTextBlock(child);
    }
  };

  visitBlocks(fragment);
  return new SegmentedProjection(segments, startOfType, offset);
}

/** Which side of a position a relative position sticks to. */
export type Stickiness = 'after' | 'before';

/**
 * A Yjs relative position for a projected-text offset. `after` sticks to the character after the
 * offset (a tag's start), `before` to the character before it (a tag's end), so text typed at a
 * tag's edges stays outside the tag.
 */
export function relativePositionAt(
  projection: TextProjection,
  offset: number,
  stick: Stickiness,
): Y.RelativePosition | null {
  for (const segment of projection.segments) {
    if (!segment.type) continue;
    const end = segment.start + segment.length;
    if (stick === 'after' && offset >= segment.start && offset < end) {
      return Y.createRelativePositionFromTypeIndex(segment.type, offset - segment.start, 0);
    }
    if (stick === 'before' && offset > segment.start && offset <= end) {
      return Y.createRelativePositionFromTypeIndex(segment.type, offset - segment.start, -1);
    }
  }
  return null;
}

/** The projected-text offset a relative position resolves to now, or null if its text is gone. */
export function offsetOfRelativePosition(
  doc: Y.Doc,
  projection: TextProjection,
  position: Y.RelativePosition,
): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  const start = projection.startOfType.get(absolute.type);
  return start === undefined ? null : start + absolute.index;
}

import * as Y from 'yjs';
import { NODE_NAMES } from './document-layout.js';

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
}

/** The projected text of a fragment with the map back to the Yjs types that hold it. */
export interface TextProjection {
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

/**
 * Projects a Y.XmlFragment to plain text, remembering where each Y.XmlText starts. `textOf` reads
 * one Y.XmlText's text (a caller that knows which ones changed can pass remembered strings).
 */
export function projectFragment(
  fragment: Y.XmlFragment,
  textOf: (type: Y.XmlText) => string = xmlTextString,
): TextProjection {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  const startOfType = new Map<Y.XmlText, number>();
  let offset = 0;
  let blocks = 0;

  const push = (text: string, type: Y.XmlText | null) => {
    parts.push(text);
    if (type) startOfType.set(type, offset);
    segments.push({ type, start: offset, length: text.length });
    offset += text.length;
  };

  const visitTextBlock = (element: Y.XmlElement) => {
    if (blocks++ > 0) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
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
  return { text: parts.join(''), segments, startOfType };
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

import { isHardBreak, isTextBlock, type ImportedBlock, type TextBlock } from './imported-article.js';

/** The text blocks of an article in reading order, inside quotes and lists too. */
export function* textBlocksOf(blocks: readonly ImportedBlock[]): Generator<TextBlock> {
  for (const block of blocks) {
    if (isTextBlock(block)) yield block;
    else if (block.type === 'blockquote') yield* textBlocksOf(block.children);
    else for (const item of block.items) yield* textBlocksOf(item);
  }
}

/** A text block's text, a line break as "\n" (as core's text projection reads it). */
export function textOfBlock(block: TextBlock): string {
  return block.content.map((item) => (isHardBreak(item) ? '\n' : item.text)).join('');
}

/** The article's plain text: text blocks joined by a blank line, as core's projection gives it. */
export function articlePlainText(blocks: readonly ImportedBlock[]): string {
  return [...textBlocksOf(blocks)].map(textOfBlock).join('\n\n');
}

import { isHardBreak, type ImportedBlock, type InlineContent, type InlineMarks } from './imported-article.js';

/**
 * Collects the blocks of one container (the article, a quote, a list item) from a walk over
 * markup: inline text gathers into the current text block until a block boundary closes it.
 * White space is collapsed as a browser shows it; every other character is kept as written.
 */

/** HTML's collapsible white space (not the no-break space, which is text). */
const COLLAPSIBLE = /[ \t\n\r\f]+/gu;

function sameMarks(a: InlineMarks, b: InlineMarks): boolean {
  return a.em === b.em && a.strong === b.strong && a.code === b.code && a.link === b.link;
}

/**
 * Inline content as it reads: white space collapsed to one space (unless `preformatted`), none at
 * the start or end of the block or around a line break, adjacent runs with equal marks merged.
 */
export function normalizeInline(items: readonly InlineContent[], preformatted = false): InlineContent[] {
  const out: InlineContent[] = [];
  let atLineStart = true;
  for (const item of items) {
    if (isHardBreak(item)) {
      trimTrailingSpace(out);
      out.push(item);
      atLineStart = true;
      continue;
    }
    let text = preformatted ? item.text : item.text.replace(COLLAPSIBLE, ' ');
    if (!preformatted && atLineStart) text = text.replace(/^ /u, '');
    if (text === '') continue;
    const last = out.at(-1);
    if (last && !isHardBreak(last) && sameMarks(last.marks, item.marks)) {
      out[out.length - 1] = { text: last.text + text, marks: last.marks };
    } else {
      out.push({ text, marks: item.marks });
    }
    atLineStart = !preformatted && text.endsWith(' ');
  }
  if (!preformatted) trimTrailingSpace(out);
  while (out.length > 0 && isHardBreak(out.at(-1)!)) out.pop();
  while (out.length > 0 && isHardBreak(out[0])) out.shift();
  return out;
}

function trimTrailingSpace(out: InlineContent[]): void {
  const last = out.at(-1);
  if (!last || isHardBreak(last) || !last.text.endsWith(' ')) return;
  const text = last.text.replace(/ +$/u, '');
  if (text === '') out.pop();
  else out[out.length - 1] = { text, marks: last.marks };
}

/** Whether inline content has any text to show. */
export function hasText(items: readonly InlineContent[]): boolean {
  return items.some((item) => !isHardBreak(item) && item.text.trim() !== '');
}

/** The blocks of one container, built in reading order. */
export class BlockBuilder {
  private readonly blocks: ImportedBlock[] = [];
  private pending: InlineContent[] = [];
  private pendingPreformatted = false;

  /** Adds a run of text to the open paragraph. */
  text(text: string, marks: InlineMarks, preformatted = false): void {
    if (text === '') return;
    this.pending.push({ text, marks });
    this.pendingPreformatted ||= preformatted;
  }

  /** Adds a line break to the open paragraph. */
  hardBreak(): void {
    this.pending.push({ hardBreak: true });
  }

  /** Closes the open paragraph (dropped when it has no text). */
  closeParagraph(): void {
    const content = normalizeInline(this.pending, this.pendingPreformatted);
    this.pending = [];
    this.pendingPreformatted = false;
    if (hasText(content)) this.blocks.push({ type: 'paragraph', content });
  }

  /** Closes the open paragraph, then adds a finished block. */
  block(block: ImportedBlock): void {
    this.closeParagraph();
    this.blocks.push(block);
  }

  /** Every block, the open paragraph closed. */
  finish(): ImportedBlock[] {
    this.closeParagraph();
    return this.blocks;
  }
}

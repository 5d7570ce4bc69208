import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { BlockBuilder, hasText, normalizeInline } from './block-builder.js';
import type { ImportedBlock, InlineContent, InlineMarks, TextBlock } from './imported-article.js';
import { textBlocksOf } from './article-text.js';
import { absoluteLinkHref } from './meta-values.js';

/**
 * Sanitized article HTML to blocks. Only the structure the shared document keeps is read:
 * headings, paragraphs, quotes, lists and em/strong/code/link; any other element is a block
 * boundary (div, section, table cell) whose text becomes paragraphs.
 */

type DomNode = ChildNode;
type DomElement = Element;

const HEADING = /^h([1-6])$/u;
const MARK_OF_TAG: Readonly<Record<string, keyof InlineMarks>> = {
  em: 'em',
  i: 'em',
  cite: 'em',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  kbd: 'code',
  samp: 'code',
};
/** Elements whose content flows inline (their text joins the surrounding paragraph). */
const INLINE_TAGS = new Set([
  'span',
  'a',
  'abbr',
  'q',
  'small',
  'sub',
  'sup',
  'u',
  'mark',
  'time',
  'data',
  'bdi',
  'bdo',
  'font',
  'del',
  'ins',
  's',
  ...Object.keys(MARK_OF_TAG),
]);

interface WalkContext {
  readonly marks: InlineMarks;
  readonly preformatted: boolean;
  readonly baseUrl: string | null;
}

function isElement(node: DomNode): node is DomElement {
  return isTag(node);
}

function walkChildren(nodes: readonly DomNode[], builder: BlockBuilder, context: WalkContext): void {
  for (const node of nodes) walk(node, builder, context);
}

function walkText(text: string, builder: BlockBuilder, context: WalkContext): void {
  if (!context.preformatted) {
    builder.text(text, context.marks);
    return;
  }
  text.split(/\r\n|\r|\n/u).forEach((line, index) => {
    if (index > 0) builder.hardBreak();
    builder.text(line, context.marks, true);
  });
}

function inlineContext(element: DomElement, context: WalkContext): WalkContext {
  const mark = MARK_OF_TAG[element.name];
  if (mark) return { ...context, marks: { ...context.marks, [mark]: true } };
  if (element.name === 'a') {
    const href = absoluteLinkHref(element.attribs.href, context.baseUrl);
    const { link: _dropped, ...rest } = context.marks;
    return { ...context, marks: href ? { ...rest, link: href } : rest };
  }
  return context;
}

/** The inline content of an element, flattening any blocks inside it (a heading holding a div). */
function inlineOf(element: DomElement, context: WalkContext): InlineContent[] {
  const inner = new BlockBuilder();
  walkChildren(element.children, inner, context);
  const content: InlineContent[] = [];
  for (const block of textBlocksOf(inner.finish())) {
    if (content.length > 0) content.push({ hardBreak: true });
    content.push(...block.content);
  }
  return normalizeInline(content, context.preformatted);
}

function blocksOf(nodes: readonly DomNode[], context: WalkContext): ImportedBlock[] {
  const builder = new BlockBuilder();
  walkChildren(nodes, builder, context);
  return builder.finish();
}

/** A list item's blocks, starting with a paragraph as the schema wants. */
function listItem(blocks: ImportedBlock[]): ImportedBlock[] {
  const [first, ...rest] = blocks;
  if (first.type === 'paragraph') return blocks;
  if (first.type === 'heading') return [{ type: 'paragraph', content: first.content }, ...rest];
  return [{ type: 'paragraph', content: [] }, ...blocks];
}

function walkList(element: DomElement, builder: BlockBuilder, context: WalkContext): void {
  const items: ImportedBlock[][] = [];
  let loose: DomNode[] = [];
  const flushLoose = () => {
    const blocks = blocksOf(loose, context);
    if (blocks.length > 0) items.push(listItem(blocks));
    loose = [];
  };
  for (const child of element.children) {
    if (isElement(child) && child.name === 'li') {
      flushLoose();
      const blocks = blocksOf(child.children, context);
      if (blocks.length > 0) items.push(listItem(blocks));
    } else {
      loose.push(child);
    }
  }
  flushLoose();
  if (items.length > 0)
    builder.block({ type: element.name === 'ol' ? 'ordered_list' : 'bullet_list', items });
}

function walk(node: DomNode, builder: BlockBuilder, context: WalkContext): void {
  if (isText(node)) {
    walkText(node.data, builder, context);
    return;
  }
  if (!isElement(node)) return;
  const name = node.name;
  if (name === 'br') {
    builder.hardBreak();
    return;
  }
  if (INLINE_TAGS.has(name)) {
    walkChildren(node.children, builder, inlineContext(node, context));
    return;
  }
  const heading = HEADING.exec(name);
  if (heading) {
    const content = inlineOf(node, context);
    if (hasText(content)) {
      const block: TextBlock = { type: 'heading', level: Number(heading[1]), content };
      builder.block(block);
    } else builder.closeParagraph();
    return;
  }
  if (name === 'blockquote') {
    const children = blocksOf(node.children, context);
    if (children.length > 0) builder.block({ type: 'blockquote', children });
    else builder.closeParagraph();
    return;
  }
  if (name === 'ul' || name === 'ol') {
    walkList(node, builder, context);
    return;
  }
  // Any other element (p, div, section, td, pre, figcaption…) is a block boundary around its content.
  builder.closeParagraph();
  walkChildren(node.children, builder, name === 'pre' ? { ...context, preformatted: true } : context);
  builder.closeParagraph();
}

/**
 * The blocks of an HTML fragment that has been through `sanitizeArticleHtml`. Relative links are
 * resolved against `baseUrl` (the page's address) and dropped when there is none.
 */
export function htmlToBlocks(html: string, baseUrl: string | null = null): ImportedBlock[] {
  const document = parseDocument(html);
  return blocksOf(document.children, { marks: {}, preformatted: false, baseUrl });
}

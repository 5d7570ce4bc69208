import * as Y from 'yjs';
import { getContent, getMeta, IMPORT_ORIGIN, NODE_NAMES } from '@factcheck/core';
import {
  isHardBreak,
  type ImportedArticle,
  type ImportedBlock,
  type InlineContent,
  type InlineMarks,
  type TextRun,
} from './imported-article.js';

/**
 * Writes an imported article into an empty Y.Doc in one transaction (origin `factcheck:import`),
 * in the encoding y-prosemirror itself uses, so the editor shows it without rewriting it: node
 * attributes with their values, marks as formatting attributes holding the mark's attributes.
 */

/** A run's marks as y-prosemirror stores them (mark name → the mark's attributes). */
function formattingOf(marks: InlineMarks): Record<string, unknown> {
  return {
    ...(marks.em ? { em: {} } : {}),
    ...(marks.strong ? { strong: {} } : {}),
    ...(marks.code ? { code: {} } : {}),
    ...(marks.link ? { link: { href: marks.link, title: null } } : {}),
  };
}

function xmlText(runs: readonly TextRun[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(runs.map((run) => ({ insert: run.text, attributes: formattingOf(run.marks) })));
  return text;
}

/** The inline children of a text block: Y.XmlText runs split by hard_break elements. */
function inlineChildren(content: readonly InlineContent[]): (Y.XmlText | Y.XmlElement)[] {
  const children: (Y.XmlText | Y.XmlElement)[] = [];
  let runs: TextRun[] = [];
  const flush = () => {
    if (runs.length > 0) children.push(xmlText(runs));
    runs = [];
  };
  for (const item of content) {
    if (isHardBreak(item)) {
      flush();
      children.push(new Y.XmlElement(NODE_NAMES.hardBreak));
    } else runs.push(item);
  }
  flush();
  return children;
}

function element(
  name: string,
  children: (Y.XmlText | Y.XmlElement)[],
  attributes: Record<string, number> = {},
) {
  const node = new Y.XmlElement(name);
  // y-prosemirror stores attribute values as they are (numbers for a level or list start).
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as unknown as string);
  node.insert(0, children);
  return node;
}

/** One block as the Y.XmlElement y-prosemirror would make of it. */
export function blockElement(block: ImportedBlock): Y.XmlElement {
  switch (block.type) {
    case 'paragraph':
      return element(NODE_NAMES.paragraph, inlineChildren(block.content));
    case 'heading':
      return element(NODE_NAMES.heading, inlineChildren(block.content), { level: block.level ?? 1 });
    case 'blockquote':
      return element(NODE_NAMES.blockquote, block.children.map(blockElement));
    case 'bullet_list':
    case 'ordered_list': {
      const items = block.items.map((item) => element(NODE_NAMES.listItem, item.map(blockElement)));
      return block.type === 'ordered_list'
        ? element(NODE_NAMES.orderedList, items, { order: 1 })
        : element(NODE_NAMES.bulletList, items);
    }
  }
}

/**
 * Fills an empty document with an imported article: blocks into `content`, title, `titleDerived`
 * and the file's metadata into `meta`, all in one transaction. Throws if the document has content.
 */
export function writeImportedArticle(doc: Y.Doc, article: ImportedArticle): void {
  doc.transact(() => {
    const content = getContent(doc);
    if (content.length > 0) throw new Error('The document already has content.');
    content.insert(0, article.blocks.map(blockElement));
    const meta = getMeta(doc);
    meta.set('title', article.title);
    meta.set('titleDerived', article.titleDerived);
    for (const [key, value] of Object.entries(article.meta)) if (value) meta.set(key, value);
  }, IMPORT_ORIGIN);
}

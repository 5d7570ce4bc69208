import type { CopyElement, CopyNode } from '@factcheck/editor';

/**
 * A reading copy is the article as this browser last drew it (or as the server drew it, for a first
 * open), kept as a small tree of allowed elements and attributes, so it can be shown at once while
 * the editor is built.
 * Only what the editor draws for the article's text and highlights is kept: widgets (colleagues'
 * cursors), ProseMirror's helper elements and every other attribute are left out, and the same
 * rules apply again when a stored tree is written out as markup to be drawn.
 */

/** One node of a reading copy: text, or an element as `[tag, attributes, ...children]` (the shape the server draws too). */
export type ReadingCopyNode = CopyNode;

/** An element of a reading copy: its lower-case tag, its kept attributes, then its children. */
export type ReadingCopyElement = CopyElement;

/** Elements the article editor draws (schema blocks and marks, and highlight spans). */
const ALLOWED_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'hr',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'br',
  'em',
  'strong',
  'a',
  'span',
]);

/** Classes a highlight carries: `fc-tag` and its `fc-tag--…` modifiers. */
const HIGHLIGHT_CLASS = /^fc-tag(--[a-z-]+)?$/;
/** Tag ids as the editor writes them: space-separated, no markup characters. */
const TAG_IDS = /^[\w:.-]+( [\w:.-]+)*$/;
/** Links a reading copy may keep. */
const SAFE_HREF = /^(https?:|mailto:)/i;

/** Highlight classes of a class attribute, by attribute: an article has only a few distinct ones. */
const keptClasses = new Map<string, string>();

function highlightClasses(attribute: string | null): string {
  if (!attribute) return '';
  let kept = keptClasses.get(attribute);
  if (kept === undefined) {
    kept = attribute
      .split(/\s+/)
      .filter((name) => HIGHLIGHT_CLASS.test(name))
      .join(' ');
    if (keptClasses.size < 1_000) keptClasses.set(attribute, kept);
  }
  return kept;
}

/** Whether a reading copy may hold an element with this (lower-case) tag name. */
export function isAllowedTag(tag: string): boolean {
  return ALLOWED_TAGS.has(tag);
}

/** The attributes a reading copy keeps of an element: highlight classes, tag ids, text direction, safe links. */
export function keptAttributes(tag: string, read: (name: string) => string | null): Record<string, string> {
  const kept: Record<string, string> = {};
  const classes = highlightClasses(read('class'));
  if (classes !== '') kept.class = classes;
  const ids = read('data-tag-ids');
  if (ids !== null && TAG_IDS.test(ids)) kept['data-tag-ids'] = ids;
  const dir = read('dir');
  if (dir === 'auto' || dir === 'ltr' || dir === 'rtl') kept.dir = dir;
  if (tag === 'a') {
    const href = read('href');
    if (href !== null && SAFE_HREF.test(href.trim())) kept.href = href.trim();
    const title = read('title');
    if (title !== null) kept.title = title;
  }
  if (tag === 'ol') {
    const start = read('start');
    if (start !== null && /^\d{1,9}$/.test(start)) kept.start = start;
  }
  return kept;
}

/** The reading copy of one node the editor drew (a block, usually), or null if none is kept. */
export function captureNode(node: Node): ReadingCopyNode | null {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  // Widgets (cursors, names) are not part of the article.
  if (!isAllowedTag(tag) || element.getAttribute('contenteditable') === 'false') return null;
  const copied: ReadingCopyElement = [tag, keptAttributes(tag, (name) => element.getAttribute(name))];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    const kept = captureNode(child);
    if (kept !== null) copied.push(kept);
  }
  return copied;
}

const VOID_TAGS = new Set(['br', 'hr']);

const MARKUP_CHARACTERS = /[&<>"]/;

function escapeText(text: string): string {
  if (!MARKUP_CHARACTERS.test(text)) return text;
  return text.replace(/[&<>]/g, (character) =>
    character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;',
  );
}

function escapeAttribute(value: string): string {
  if (!MARKUP_CHARACTERS.test(value)) return value;
  return value.replace(/[&"<>]/g, (character) =>
    character === '&' ? '&amp;' : character === '"' ? '&quot;' : character === '<' ? '&lt;' : '&gt;',
  );
}

function writeNode(node: unknown, parts: string[]): void {
  if (typeof node === 'string') {
    parts.push(escapeText(node));
    return;
  }
  if (!Array.isArray(node) || typeof node[0] !== 'string' || !isAllowedTag(node[0])) return;
  const tag = node[0];
  const given: unknown = node[1];
  const attributes = given && typeof given === 'object' ? (given as Record<string, unknown>) : {};
  const kept = keptAttributes(tag, (name) =>
    typeof attributes[name] === 'string' ? attributes[name] : null,
  );
  parts.push('<', tag);
  for (const name in kept) parts.push(' ', name, '="', escapeAttribute(kept[name]), '"');
  parts.push('>');
  if (VOID_TAGS.has(tag)) return;
  for (let i = 2; i < node.length; i++) writeNode(node[i], parts);
  parts.push('</', tag, '>');
}

/**
 * The markup of a reading copy, for the browser's parser (several times faster than building the
 * same elements one by one). A stored copy is checked again here: only allowed elements and
 * attributes are written, every text and attribute value escaped.
 */
export function readingCopyHtml(nodes: readonly unknown[]): string {
  const parts: string[] = [];
  for (const node of nodes) writeNode(node, parts);
  return parts.join('');
}

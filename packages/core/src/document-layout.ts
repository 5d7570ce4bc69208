import * as Y from 'yjs';

/**
 * The layout of an article's Y.Doc, the one contract every client and the server share
 * (see docs/data-model.md).
 */

/** Name of the Y.XmlFragment that y-prosemirror binds to the editor. */
export const CONTENT_KEY = 'content';
/** Name of the Y.Map holding article metadata (`title`, …). */
export const META_KEY = 'meta';
/** Name of the Y.Map from annotation id to a Y.Map of the annotation's fields. */
export const ANNOTATIONS_KEY = 'annotations';

/** ProseMirror node names used in the shared content; the editor schema must use the same names. */
export const NODE_NAMES = {
  paragraph: 'paragraph',
  heading: 'heading',
  hardBreak: 'hard_break',
  blockquote: 'blockquote',
  bulletList: 'bullet_list',
  orderedList: 'ordered_list',
  listItem: 'list_item',
} as const;

/** The article text as a Y.XmlFragment. */
export function getContent(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(CONTENT_KEY);
}

/** Whether a shared type is the article text (`content`) or lies inside it. */
export function liesInContent(type: { readonly _item: Y.Item | null }, content: Y.XmlFragment): boolean {
  for (let at: { readonly _item: Y.Item | null } | null = type; at;) {
    if (at === (content as unknown)) return true;
    const parent: unknown = at._item?.parent;
    at = parent instanceof Y.AbstractType ? parent : null;
  }
  return false;
}

/** The article metadata map. */
export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}

/** The annotations map: id → Y.Map of fields. */
export function getAnnotationsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ANNOTATIONS_KEY);
}

/** The article title from `meta`, or an empty string. */
export function getTitle(doc: Y.Doc): string {
  const title = getMeta(doc).get('title');
  return typeof title === 'string' ? title : '';
}

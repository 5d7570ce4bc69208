import * as Y from 'yjs';
import {
  getContent,
  liesInContent,
  projectFragment,
  xmlTextString,
  type TextProjection,
} from '@factcheck/core';

/**
 * The projected text of a Y.Doc's content, computed again only after the content changed: placing
 * one new tag then costs the tag, not a walk of the whole article. When it is computed again, the
 * text of each Y.XmlText no transaction changed since is reused: a colleague's keystroke in one
 * paragraph reads that paragraph, not all of them (on the 20,000-word article that was about half
 * of each remote change's projection).
 */

interface CachedProjection {
  projection: TextProjection | null;
  /** The text of each Y.XmlText as last read, dropped when a transaction changes the type. */
  readonly textOfType: WeakMap<Y.XmlText, string>;
}

const cache = new WeakMap<Y.Doc, CachedProjection>();

/** Whether a transaction changed a type inside the content fragment (or the fragment itself). */
function touchesContent(transaction: Y.Transaction, content: Y.XmlFragment): boolean {
  for (const type of transaction.changed.keys()) if (liesInContent(type, content)) return true;
  return false;
}

/** The projection of the Y.Doc's content as it is now. */
export function contentProjection(ydoc: Y.Doc): TextProjection {
  const content = getContent(ydoc);
  // Inside a transaction the content may have changed already: project it afresh.
  if (ydoc._transaction !== null) return projectFragment(content);
  let entry = cache.get(ydoc);
  if (!entry) {
    const created: CachedProjection = { projection: null, textOfType: new WeakMap() };
    // Before observers run, so y-prosemirror's observer (which redraws the editor) never sees a
    // stale projection.
    ydoc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        if (type instanceof Y.XmlText) created.textOfType.delete(type);
      }
      if (created.projection && touchesContent(transaction, content)) created.projection = null;
    });
    cache.set(ydoc, created);
    entry = created;
  }
  const { textOfType } = entry;
  entry.projection ??= projectFragment(content, (type) => {
    let text = textOfType.get(type);
    if (text === undefined) {
      text = xmlTextString(type);
      textOfType.set(type, text);
    }
    return text;
  });
  return entry.projection;
}

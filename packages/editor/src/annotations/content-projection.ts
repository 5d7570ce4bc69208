import * as Y from 'yjs';
import { getContent, liesInContent, projectFragment, type TextProjection } from '@factcheck/core';

/**
 * The projected text of a Y.Doc's content, computed again only after the content changed: placing
 * one new tag then costs the tag, not a walk of the whole article.
 */

interface CachedProjection {
  projection: TextProjection | null;
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
    const created: CachedProjection = { projection: null };
    // Before observers run, so y-prosemirror's observer (which redraws the editor) never sees a
    // stale projection.
    ydoc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      if (created.projection && touchesContent(transaction, content)) created.projection = null;
    });
    cache.set(ydoc, created);
    entry = created;
  }
  entry.projection ??= projectFragment(content);
  return entry.projection;
}

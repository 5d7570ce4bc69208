import * as Y from 'yjs';
import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from 'y-prosemirror';
import { getAnnotationsMap, getContent, getMeta, META_ORIGIN, TAGGING_ORIGIN } from '@factcheck/core';

/**
 * The undo manager behind undo and redo: it covers the text, the tags and the metadata, and
 * tracks only this client's own origins, so undo never takes back a colleague's work.
 */
export function createUndoManager(ydoc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([getContent(ydoc), getAnnotationsMap(ydoc), getMeta(ydoc)], {
    trackedOrigins: new Set<unknown>([ySyncPluginKey, TAGGING_ORIGIN, META_ORIGIN]),
    deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
    captureTransaction: (transaction) => transaction.meta.get('addToHistory') !== false,
  });
}

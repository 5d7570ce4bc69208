import * as Y from 'yjs';
import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from 'y-prosemirror';
import {
  getAdjudicationsMap,
  getAnnotationsMap,
  getContent,
  getMeta,
  META_ORIGIN,
  TAGGING_ORIGIN,
} from '@factcheck/core';

/**
 * The undo manager behind undo and redo: it covers the text, the tags, the metadata and the
 * lead's decisions, and tracks only this client's own origins, so undo never takes back a
 * colleague's work.
 */
export function createUndoManager(ydoc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(
    [getContent(ydoc), getAnnotationsMap(ydoc), getMeta(ydoc), getAdjudicationsMap(ydoc)],
    {
      trackedOrigins: new Set<unknown>([ySyncPluginKey, TAGGING_ORIGIN, META_ORIGIN]),
      deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
      captureTransaction: (transaction) => transaction.meta.get('addToHistory') !== false,
    },
  );
}

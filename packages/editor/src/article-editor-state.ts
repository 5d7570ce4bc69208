import * as Y from 'yjs';
import { EditorState } from 'prosemirror-state';
import type { Awareness } from 'y-protocols/awareness';
import { ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { getContent, type Reviewer } from '@factcheck/core';
import { articleSchema } from './schema.js';
import { annotationPlugin, type AnnotationPluginOptions } from './annotations/annotation-plugin.js';
import { reviewModePlugin } from './review-mode.js';
import { presencePlugin } from './presence.js';
import { createUndoManager } from './undo.js';
import { baseKeys, editingKeymap, taggingKeymap } from './keymaps.js';

/** What the article editor needs: the shared document, presence, and who is reviewing. */
export interface ArticleEditorOptions extends AnnotationPluginOptions {
  readonly ydoc: Y.Doc;
  /** Presence; omit for an editor without remote cursors (tests, exports). */
  readonly awareness?: Awareness;
  /** The reviewer tags are recorded as. Read at tagging time, so a rename takes effect at once. */
  readonly reviewer: () => Reviewer;
  /** Called with the id of each tag this reviewer creates by keyboard. */
  readonly onTagged?: (id: string) => void;
  /** Start in review mode (read-only text). Default true. */
  readonly reviewMode?: boolean;
  /** Whether this reviewer may tag (keys 1–3). Default always. */
  readonly canTag?: () => boolean;
  /** Whether the text is locked in review mode now (role, blind review). Default never. */
  readonly textLocked?: () => boolean;
}

/** Builds the editor state for an article bound to its shared document. */
export function createArticleEditorState(options: ArticleEditorOptions): EditorState {
  const { ydoc, awareness } = options;
  return EditorState.create({
    schema: articleSchema,
    plugins: [
      ySyncPlugin(getContent(ydoc)),
      ...(awareness ? [presencePlugin(awareness)] : []),
      yUndoPlugin({ undoManager: createUndoManager(ydoc) }),
      reviewModePlugin(options.reviewMode ?? true, options.textLocked),
      annotationPlugin({ onTagsClicked: options.onTagsClicked, quoteRefresh: options.quoteRefresh }),
      taggingKeymap(options.reviewer, options.onTagged, options.canTag),
      editingKeymap(),
      baseKeys(),
    ],
  });
}

import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

/**
 * Review mode, the default: the article text is read-only while selection, cursors and tagging
 * keep working. Edit mode allows changing the text. Remote changes always apply.
 */

/** Key of the review-mode plugin; its state is true in review mode. */
export const reviewModeKey = new PluginKey<boolean>('factcheck-review-mode');

/** Whether the text may not be edited at all now (role or blind review). */
export function isTextLocked(state: EditorState): boolean {
  const locked = (reviewModeKey.get(state)?.spec as { textLocked?: () => boolean } | undefined)?.textLocked;
  return locked?.() ?? false;
}

/** Whether the editor is in review (read-only text) mode. */
export function isReviewMode(state: EditorState): boolean {
  return reviewModeKey.getState(state) ?? false;
}

/** Switches between review mode (true) and edit mode (false); edit mode fails while the text is locked. */
export function setReviewMode(review: boolean): Command {
  return (state, dispatch) => {
    if (isReviewMode(state) === review) return false;
    if (!review && isTextLocked(state)) return false;
    dispatch?.(state.tr.setMeta(reviewModeKey, review));
    return true;
  };
}

/**
 * The review-mode plugin, starting in review mode unless told otherwise. While `textLocked` says
 * so (the reviewer may not edit text, or the article is in blind review) it stays in review mode.
 */
export function reviewModePlugin(
  startInReview = true,
  textLocked: () => boolean = () => false,
): Plugin<boolean> {
  return new Plugin<boolean>({
    key: reviewModeKey,
    state: {
      init: () => startInReview || textLocked(),
      apply: (tr, review) => textLocked() || ((tr.getMeta(reviewModeKey) as boolean | undefined) ?? review),
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged || !isReviewMode(state)) return true;
      return Boolean(tr.getMeta(ySyncPluginKey)?.isChangeOrigin);
    },
    textLocked,
    props: {
      attributes: (state): Record<string, string> => ({
        'data-mode': isReviewMode(state) ? 'review' : 'edit',
        'aria-readonly': isReviewMode(state) ? 'true' : 'false',
      }),
      handleDOMEvents: {
        beforeinput(view, event) {
          if (!isReviewMode(view.state)) return false;
          event.preventDefault();
          return true;
        },
      },
      handlePaste: (view) => isReviewMode(view.state),
      handleDrop: (view) => isReviewMode(view.state),
    },
  });
}

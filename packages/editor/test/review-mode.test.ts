import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { isReviewMode, setReviewMode } from '../src/index.js';
import { b, editorStateFor, ydocFrom } from './editor-fixtures.js';

const { doc, p } = b;

describe('review mode', () => {
  const start = () => editorStateFor(ydocFrom(doc(p('Fixed article text.'))));

  it('is the default and refuses local text changes', () => {
    const state = start();
    expect(isReviewMode(state)).toBe(true);
    const after = state.applyTransaction(state.tr.insertText('typed', 1)).state;
    expect(after.doc.textContent).toBe('Fixed article text.');
  });

  it('still applies remote changes', () => {
    const state = start();
    const tr = state.tr.insertText('Remote ', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.applyTransaction(tr).state.doc.textContent).toBe('Remote Fixed article text.');
  });

  it('lets edit mode change the text', () => {
    let state = start();
    setReviewMode(false)(state, (tr) => (state = state.apply(tr)));
    expect(isReviewMode(state)).toBe(false);
    expect(state.applyTransaction(state.tr.insertText('New. ', 1)).state.doc.textContent).toBe(
      'New. Fixed article text.',
    );
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getContent, getAnnotationsMap, projectFragment } from '@factcheck/core';
import { contentProjection } from '../src/annotations/content-projection.js';
import { b, ydocFrom } from './editor-fixtures.js';

/** The cached projection of the Y.Doc's content must always equal projecting it afresh. */

const { doc, p, ul, li } = b;

function paragraphText(ydoc: Y.Doc, index: number): Y.XmlText {
  return (getContent(ydoc).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('content projection cache', () => {
  it('is reused while only tags change, and follows every change to the text', () => {
    const ydoc = ydocFrom(doc(p('The minister denied.'), ul(li(p('A rumour.'))), p('Sources alleged.')));
    const first = contentProjection(ydoc);
    expect(first.text).toBe(projectFragment(getContent(ydoc)).text);

    ydoc.transact(() => getAnnotationsMap(ydoc).set('x', new Y.Map()));
    expect(contentProjection(ydoc)).toBe(first);

    paragraphText(ydoc, 0).insert(4, 'new ');
    expect(contentProjection(ydoc).text).toBe(projectFragment(getContent(ydoc)).text);

    // A change deep in a list.
    const item = (getContent(ydoc).get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    ((item.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Yet ');
    expect(contentProjection(ydoc).text).toContain('Yet A rumour.');

    // Blocks removed and added.
    getContent(ydoc).delete(2, 1);
    expect(contentProjection(ydoc).text).toBe(projectFragment(getContent(ydoc)).text);
    const added = new Y.XmlElement('paragraph');
    added.insert(0, [new Y.XmlText('Added.')]);
    getContent(ydoc).insert(0, [added]);
    expect(contentProjection(ydoc).text).toBe(projectFragment(getContent(ydoc)).text);
  });

  it('sees a change made earlier in the same transaction', () => {
    const ydoc = ydocFrom(doc(p('Before.')));
    contentProjection(ydoc);
    ydoc.transact(() => {
      paragraphText(ydoc, 0).insert(0, 'Just ');
      expect(contentProjection(ydoc).text).toBe('Just Before.');
    });
    expect(contentProjection(ydoc).text).toBe('Just Before.');
  });

  it('follows changes a remote update brings', () => {
    const ydoc = ydocFrom(doc(p('Shared text.')));
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(ydoc));
    contentProjection(ydoc);
    paragraphText(remote, 0).insert(0, 'More ');
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(ydoc)));
    expect(contentProjection(ydoc).text).toBe('More Shared text.');
  });
});

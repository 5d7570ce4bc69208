import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getContent, getAnnotationsMap, projectFragment, xmlTextString } from '@factcheck/core';
import { contentProjection } from '../src/annotations/content-projection.js';
import { createRandom, seedsToRun, type Random } from '../../core/test/helpers/seeded-random.js';
import { b, ydocFrom } from './editor-fixtures.js';

/**
 * The cached projection of the Y.Doc's content must always equal projecting it afresh.
 * Replay a seed with `SEED=<n> npx vitest run packages/editor/test/content-projection.test.ts`.
 */

/** Seeds that once failed; they run first. */
const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = seedsToRun(REGRESSION_SEEDS, 100, 5);

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

  it.each(SEEDS)('equals a fresh projection after random local and remote edits (seed %i)', (seed) => {
    const ydoc = ydocFrom(doc(p('One two.'), p('Three four.'), ul(li(p('Five.'))), p('Six.')));
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(ydoc));
    const random = createRandom(seed);
    const texts = (target: Y.Doc): Y.XmlText[] => {
      const found: Y.XmlText[] = [];
      const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
        for (const child of parent.toArray()) {
          if (child instanceof Y.XmlText) found.push(child);
          else if (child instanceof Y.XmlElement) visit(child);
        }
      };
      visit(getContent(target));
      return found;
    };
    const edit = (target: Y.Doc, r: Random) => {
      const choice = r.int(5);
      const all = texts(target);
      if (choice === 4 || all.length === 0) {
        const added = new Y.XmlElement('paragraph');
        added.insert(0, [new Y.XmlText(`New ${r.int(100)}.`)]);
        getContent(target).insert(r.int(getContent(target).length + 1), [added]);
        return;
      }
      const text = r.pick(all);
      // Edits start and end between code points, as the editor's do: Yjs rewrites half of a
      // split surrogate pair to U+FFFD without recording a change, which the editor never causes.
      const string = xmlTextString(text);
      const starts = [...string].reduce<number[]>(
        (at, point) => [...at, at[at.length - 1] + point.length],
        [0],
      );
      const from = r.int(starts.length);
      const to = Math.min(starts.length - 1, from + 1);
      if (choice === 0 || string.length === 0) text.insert(starts[from], r.pick(['x', 'yz ', '😀', 'ش']));
      else if (choice === 1 && to > from) text.delete(starts[from], starts[to] - starts[from]);
      else if (choice === 2 && to > from)
        text.format(starts[from], starts[to] - starts[from], { em: r.chance(0.5) ? {} : null });
      else if (getContent(target).length > 1) getContent(target).delete(r.int(getContent(target).length), 1);
    };
    for (let step = 0; step < 40; step++) {
      if (random.chance(0.3)) {
        edit(remote, random);
        Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(ydoc)));
      } else {
        ydoc.transact(() => edit(ydoc, random), 'local');
        Y.applyUpdate(remote, Y.encodeStateAsUpdate(ydoc, Y.encodeStateVector(remote)));
      }
      const fresh = projectFragment(getContent(ydoc));
      const cached = contentProjection(ydoc);
      expect(cached.text, `seed ${seed}, step ${step}`).toBe(fresh.text);
      expect(cached.segments, `seed ${seed}, step ${step}`).toEqual(fresh.segments);
    }
  });
});

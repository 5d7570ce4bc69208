import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createAnchor,
  getAnnotationsMap,
  getContent,
  projectFragment,
  readAnnotations,
  refreshQuotesOf,
  resolveAnnotation,
  writeAnnotation,
  writeArticle,
} from '../src/index.js';

const PARAGRAPH = 'Ali Zafar denied the allegations in a statement on Twitter.';

describe('refreshing the quotes of the tags a reviewer edited', () => {
  it('stores fresh positions as bytes when a tag was found again from its quote', () => {
    const doc = new Y.Doc();
    writeArticle(doc, { title: 'T', titleDerived: false, paragraphs: ['Intro.', PARAGRAPH] });
    const projection = projectFragment(getContent(doc));
    const from = projection.text.indexOf('denied the allegations');
    const anchor = createAnchor(projection, from, from + 'denied the allegations'.length)!;
    doc.transact(() =>
      writeAnnotation(doc, 'a-1', { label: 'denial', author: { id: 'r', name: 'R' }, ...anchor }),
    );
    const entry = getAnnotationsMap(doc).get('a-1')!;
    // Written as older clients did: separate keys, positions in the JSON form.
    entry.delete('anchor');
    entry.set('start', Y.relativePositionToJSON(anchor.start));
    entry.set('end', Y.relativePositionToJSON(anchor.end));
    for (const key of ['quote', 'prefix', 'suffix'] as const) entry.set(key, anchor[key]);
    // The paragraph is replaced by an equal one, as the editor binding does when a block moves.
    const content = getContent(doc);
    doc.transact(() => {
      content.delete(1, 1);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(PARAGRAPH)]);
      content.insert(1, [paragraph]);
    });
    const stale = resolveAnnotation(doc, projectFragment(content), readAnnotations(doc).valid[0]);
    expect(stale.status).toBe('reanchored');

    expect(refreshQuotesOf(doc, ['a-1'])).toBe(1);
    const stored = entry.get('anchor') as Record<string, unknown>;
    expect(stored.start).toBeInstanceOf(Uint8Array);
    expect(stored.end).toBeInstanceOf(Uint8Array);
    expect(stored.quote).toBe('denied the allegations');
    for (const key of ['start', 'end', 'quote', 'prefix', 'suffix']) expect(entry.has(key)).toBe(false);
    const fresh = resolveAnnotation(doc, projectFragment(content), readAnnotations(doc).valid[0]);
    expect(fresh).toMatchObject({ status: 'anchored', from, to: from + 'denied the allegations'.length });
  });
});

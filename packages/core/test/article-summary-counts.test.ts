import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getAnnotationsMap, getMeta, removeAnnotation, summarizeArticle } from '../src/index.js';
import { buildArticle, tagRange } from './helpers/article-builder.js';

describe('summarizeArticle', () => {
  it('gives the title and zero counts for an untagged article', () => {
    const { doc } = buildArticle('Plain text.');
    expect(summarizeArticle(doc)).toMatchObject({
      title: 'Test article',
      counts: { allegation: 0, denial: 0, rumour: 0 },
    });
  });

  it('counts valid tags per label and skips invalid entries', () => {
    const { doc } = buildArticle('Ali Zafar denied it. Meesha Shafi accused him. Rumours spread fast.');
    tagRange(doc, 0, 9, { id: 'a', label: 'denial' });
    tagRange(doc, 10, 19, { id: 'b', label: 'denial' });
    tagRange(doc, 21, 46, { id: 'c', label: 'allegation' });
    tagRange(doc, 47, 67, { id: 'd', label: 'rumour' });
    tagRange(doc, 47, 54, { id: 'gone', label: 'rumour' });
    removeAnnotation(doc, 'gone');

    const broken = new Y.Map<unknown>();
    broken.set('label', 'allegation'); // nothing else: invalid
    getAnnotationsMap(doc).set('broken', broken);
    const wrongLabel = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(getAnnotationsMap(doc).get('c')!.toJSON()))
      wrongLabel.set(key, value);
    wrongLabel.set('label', 'opinion');
    getAnnotationsMap(doc).set('wrong-label', wrongLabel);
    (getAnnotationsMap(doc) as unknown as Y.Map<unknown>).set('not-a-map', 'rumour');

    expect(summarizeArticle(doc).counts).toEqual({ allegation: 1, denial: 2, rumour: 1 });
  });

  it('reads the title from meta, or gives an empty one', () => {
    const doc = new Y.Doc();
    expect(summarizeArticle(doc).title).toBe('');
    getMeta(doc).set('title', 42);
    expect(summarizeArticle(doc).title).toBe('');
    getMeta(doc).set('title', 'Iffat Omar, Ali Zafar Get Into Twitter Spat');
    expect(summarizeArticle(doc).title).toBe('Iffat Omar, Ali Zafar Get Into Twitter Spat');
  });
});

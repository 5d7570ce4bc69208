import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  BLIND_REVIEW_KEY,
  getAnnotationsMap,
  getMeta,
  removeAnnotation,
  reviewArticle,
  summarizeArticle,
} from '../src/index.js';
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

  it('keeps the disputed passages and alpha of the review, and nothing while the review is blind', () => {
    const { doc } = buildArticle('Ali Zafar denied it. Meesha Shafi accused him. Rumours spread fast.');
    expect(summarizeArticle(doc).review).toEqual({ blind: false, alpha: null, disputed: [] });
    tagRange(doc, 0, 19, { id: 'a', label: 'denial' });
    tagRange(doc, 0, 19, { id: 'b', label: 'allegation' });
    tagRange(doc, 47, 67, { id: 'c', label: 'rumour' });
    const review = reviewArticle(doc, { view: 'all' });
    const disputed = review.passages.filter((passage) => passage.disputed);
    expect(disputed.length).toBeGreaterThan(0);
    expect(summarizeArticle(doc).review).toEqual({ blind: false, alpha: review.agreement.alpha, disputed });
    // What the library stores is JSON: the digest survives it unchanged.
    const stored = JSON.parse(JSON.stringify(summarizeArticle(doc))) as ReturnType<typeof summarizeArticle>;
    expect(stored.review.disputed).toEqual(JSON.parse(JSON.stringify(disputed)));

    getMeta(doc).set(BLIND_REVIEW_KEY, 'session-1');
    expect(summarizeArticle(doc).review).toEqual({ blind: true, alpha: null, disputed: [] });
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

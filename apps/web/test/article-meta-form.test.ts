import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMeta, META_ORIGIN, readArticleMeta, type ArticleMeta } from '@factcheck/core';
import {
  byline,
  calendarDate,
  formatPublished,
  languageName,
  sourceHost,
} from '../src/article/header/meta-format.js';
import { cleanMeta, validateMeta } from '../src/article/header/meta-validation.js';
import { saveArticleMeta } from '../src/article/header/useArticleMeta.js';

const META: ArticleMeta = {
  title: 'Zafar denies the claims',
  sourceUrl: 'https://www.dawn.com/news/1234',
  outlet: 'Dawn',
  authors: 'Sana Malik; Omar Butt',
  publishedAt: '2019-04-12',
  language: 'en',
};
const TODAY = new Date('2024-05-01T12:00:00Z');

describe('checking article details', () => {
  it('accepts good values and empty optional ones', () => {
    expect(validateMeta(META, TODAY)).toEqual({});
    expect(
      validateMeta({ ...META, sourceUrl: '', outlet: '', authors: '', publishedAt: '', language: '' }, TODAY),
    ).toEqual({});
    expect(validateMeta({ ...META, publishedAt: '2019-04-12T09:30:00Z', language: 'en-GB' }, TODAY)).toEqual(
      {},
    );
  });

  it('explains what is wrong with each field', () => {
    const problems = validateMeta(
      {
        title: '',
        sourceUrl: 'dawn.com/news',
        outlet: 'x'.repeat(201),
        authors: 'A',
        publishedAt: '2019-02-31',
        language: 'english',
      },
      TODAY,
    );
    expect(problems).toEqual({
      title: 'The article needs a title.',
      sourceUrl: 'Enter the full address, starting with https:// or http://.',
      outlet: 'Keep it under 200 characters.',
      publishedAt: 'Use a date such as 2019-04-12.',
      language: 'Use a language code such as en, ur or en-GB.',
    });
    expect(validateMeta({ ...META, sourceUrl: 'javascript:alert(1)' }, TODAY).sourceUrl).toMatch(
      /Only web addresses/u,
    );
    expect(validateMeta({ ...META, publishedAt: '2024-05-09' }, TODAY).publishedAt).toBe(
      'The date is in the future.',
    );
    expect(validateMeta({ ...META, publishedAt: '12/04/2019' }, TODAY).publishedAt).toBeDefined();
  });

  it('cleans values before saving: spaces, author separators, language case', () => {
    expect(
      cleanMeta({
        ...META,
        title: '  Zafar   denies ',
        authors: 'Sana Malik ;Omar Butt;',
        language: 'EN-gb',
        sourceUrl: ' https://a.b/ ',
      }),
    ).toEqual({
      ...META,
      title: 'Zafar denies',
      authors: 'Sana Malik; Omar Butt',
      language: 'en-GB',
      sourceUrl: 'https://a.b/',
    });
  });
});

describe('showing article details', () => {
  it('formats dates, languages, hosts and bylines', () => {
    expect(calendarDate('2019-04-12T23:30:00+05:00')).toBe('2019-04-12');
    expect(calendarDate('2019-02-29')).toBeNull();
    expect(formatPublished('2019-04-02')).toBe('2 Apr 2019');
    expect(formatPublished('spring 2019')).toBe('spring 2019');
    expect(languageName('ur')).toBe('Urdu');
    expect(languageName('not a code')).toBe('not a code');
    expect(sourceHost('https://www.dawn.com/news/1')).toBe('dawn.com');
    expect(byline('A')).toBe('A');
    expect(byline('A; B')).toBe('A and B');
    expect(byline('A; B; C')).toBe('A, B and C');
  });
});

describe('saving article details', () => {
  it('writes only the fields the reviewer changed, in one undoable metadata transaction', () => {
    const doc = new Y.Doc();
    for (const [field, value] of Object.entries(META)) getMeta(doc).set(field, value);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    // A colleague changes the outlet while this reviewer edits the date and clears the language.
    getMeta(doc).set('outlet', 'Dawn (Karachi)');
    origins.length = 0;
    const changed = saveArticleMeta(doc, META, { ...META, publishedAt: '2019-04-13', language: '' });
    expect(changed).toBe(2);
    expect(origins).toEqual([META_ORIGIN]);
    expect(readArticleMeta(doc)).toEqual({
      ...META,
      outlet: 'Dawn (Karachi)',
      publishedAt: '2019-04-13',
      language: '',
    });
    expect(getMeta(doc).has('language')).toBe(false);

    const undo = new Y.UndoManager(getMeta(doc), { trackedOrigins: new Set([META_ORIGIN]) });
    saveArticleMeta(doc, readArticleMeta(doc), { ...readArticleMeta(doc), title: 'New title' });
    expect(getMeta(doc).get('titleDerived')).toBe(false);
    undo.undo();
    expect(readArticleMeta(doc).title).toBe(META.title);
    expect(saveArticleMeta(doc, META, META)).toBe(0);
  });
});

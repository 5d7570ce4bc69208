import { describe, expect, it } from 'vitest';
import { articleListSearch } from '../src/api/articles-api.js';
import { isEmptyTagSearch, tagSearchParams } from '../src/api/annotations-api.js';
import {
  articleListQuery,
  DEFAULT_LIBRARY_PARAMS,
  libraryParamsSearch,
  parseLibraryParams,
  type LibraryParams,
} from '../src/library/library-params.js';
import { highlightTerms, searchWords } from '../src/library/highlight-terms.js';
import { articleTagPath, tagInAddress } from '../src/routing/router.js';

describe('the library address', () => {
  it('round-trips every search and filter, leaving defaults out', () => {
    const params: LibraryParams = {
      view: 'tags',
      articles: {
        q: 'defamation suit',
        outlet: 'The Express Tribune',
        label: 'denial',
        sort: 'title',
        archived: true,
      },
      tags: {
        q: '"fake news"',
        label: 'rumour',
        author: 'Amna Khan',
        claimant: 'Ali Zafar',
        status: 'disputed',
      },
    };
    expect(parseLibraryParams(`?${libraryParamsSearch(params)}`)).toEqual(params);
    expect(libraryParamsSearch(DEFAULT_LIBRARY_PARAMS)).toBe('');
    expect(parseLibraryParams('')).toEqual(DEFAULT_LIBRARY_PARAMS);
  });

  it('falls back to the defaults for values it does not know', () => {
    const parsed = parseLibraryParams('?view=charts&label=gossip&sort=random&tstatus=closed&archived=yes');
    expect(parsed).toEqual(DEFAULT_LIBRARY_PARAMS);
  });

  it('asks the server for the newest first, the oldest first or by title', () => {
    const base = DEFAULT_LIBRARY_PARAMS.articles;
    expect(articleListSearch(articleListQuery(base))).toBe('sort=date&order=desc');
    expect(articleListSearch(articleListQuery({ ...base, sort: 'oldest' }))).toBe('sort=date&order=asc');
    expect(
      articleListSearch(articleListQuery({ ...base, sort: 'title', q: '  court ', archived: true })),
    ).toBe('q=court&sort=title&order=asc&archived=true');
  });

  it('builds tag searches without empty fields', () => {
    expect(
      tagSearchParams({ q: ' denied ', label: '', author: 'r-amna', claimant: ' ', status: 'open' }),
    ).toBe('q=denied&author=r-amna&status=open');
    expect(isEmptyTagSearch({ q: ' ', label: '', author: '', claimant: '', status: '' })).toBe(true);
    expect(isEmptyTagSearch({ status: 'resolved' })).toBe(false);
  });
});

describe('opening an article at a tag', () => {
  it('puts the tag in the address and reads it back', () => {
    const path = articleTagPath('000_b05564db9c0361cb', 'a-1 2&3');
    expect(path).toBe('/articles/000_b05564db9c0361cb?tag=a-1+2%263');
    expect(tagInAddress(path.slice(path.indexOf('?')))).toBe('a-1 2&3');
    expect(tagInAddress('?panel=review')).toBeNull();
  });
});

describe('marking searched words', () => {
  it('reads words and quoted phrases like the server', () => {
    expect(searchWords('Ali  "fake   news" ZAFAR "unclosed')).toEqual([
      'ali',
      'fake news',
      'zafar',
      'unclosed',
    ]);
  });

  it('marks every occurrence, any case, longest phrase first', () => {
    const pieces = highlightTerms('Fake news, said Ali: fake NEWS.', 'news "fake news"');
    expect(pieces).toEqual([
      { text: 'Fake news', hit: true },
      { text: ', said Ali: ', hit: false },
      { text: 'fake NEWS', hit: true },
      { text: '.', hit: false },
    ]);
    expect(highlightTerms('a+b (c)', '(c) a+b')).toEqual([
      { text: 'a+b', hit: true },
      { text: ' ', hit: false },
      { text: '(c)', hit: true },
    ]);
    expect(highlightTerms('nothing', '')).toEqual([{ text: 'nothing', hit: false }]);
  });
});

import { describe, expect, it } from 'vitest';
import { getMeta, readArticleMeta } from '@factcheck/core';
import { importArticle } from '../src/index.js';
import { docText, importIntoDoc, readFixture, utf8 } from './fixtures.js';

describe('importing Markdown', () => {
  it('reads front matter into the metadata', async () => {
    const { article, doc } = await importIntoDoc({
      bytes: readFixture('front-matter.md'),
      contentType: 'text/markdown',
    });
    expect(article.titleDerived).toBe(false);
    expect(readArticleMeta(doc)).toEqual({
      title: 'Iffat Omar, Ali Zafar get into Twitter spat over defamation case',
      sourceUrl: 'https://daily.example.com/culture/2021/03/twitter-spat',
      outlet: 'The Daily Example',
      authors: 'Sana Mirza; Bilal Ahmed',
      publishedAt: '2021-03-20',
      language: 'en',
    });
    expect(getMeta(doc).get('description')).toBe('A war of words on social media.');
  });

  it('keeps headings, emphasis, links, quotes, lists and hard breaks, and the text exactly', async () => {
    const { article, doc } = await importIntoDoc({
      bytes: readFixture('front-matter.md'),
      contentType: 'text/markdown',
    });
    expect(article.blocks.map((block) => block.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'blockquote',
      'bullet_list',
      'ordered_list',
      'paragraph',
    ]);
    expect(docText(doc)).toBe(
      [
        'Twitter spat over a defamation case',
        'Pakistani actress Iffat Omar and singer Ali Zafar exchanged heated arguments on social media over the defamation case filed by the latter against singer Meesha Shafi.',
        // Straight quotes stay straight, curly stay curly: no typographic replacements.
        'Rumours circulated that Shafi "confessed to making a false statement." Iffat Omar replied: “fake news alert” — and the exchange went on.',
        'What each side said',
        'It has come to my knowledge that publications were asked not to post court proceedings. Enough is enough.',
        'Ali Zafar accused her of calling up organisers;',
        'Iffat Omar called the stories concocted;',
        'both sides promised evidence in court.',
        'First hearing: April 2018',
        'Second hearing: March 2021',
        'A line with a hard break\nafter two spaces, and an inline span with an emoji 🎤.',
      ].join('\n\n'),
    );
    const json = JSON.stringify(article.blocks);
    expect(json).toContain('{"text":"Iffat Omar","marks":{"em":true}}');
    expect(json).toContain('{"text":"Ali Zafar","marks":{"strong":true}}');
    expect(json).toContain(
      '{"text":"defamation case","marks":{"link":"https://daily.example.com/tag/defamation"}}',
    );
    expect(json).not.toMatch(/alert\(|script|onclick/u);
  });

  it('takes the first heading as title when there is no front matter', async () => {
    const article = await importArticle({
      bytes: utf8('Intro line.\n\n## The real headline\n\nBody text here.\n'),
      contentType: 'text/markdown',
    });
    expect(article).toMatchObject({ title: 'The real headline', titleDerived: false, meta: {} });
  });

  it('derives a title from the opening words when there is neither', async () => {
    const article = await importArticle({
      bytes: utf8('Meesha Shafi took to social media to publicly accuse Ali Zafar of harassing her.'),
      contentType: 'text/markdown',
    });
    expect(article.titleDerived).toBe(true);
    expect(article.title).toBe('Meesha Shafi took to social media to publicly accuse Ali…');
  });

  it('reads a leading pair of rules that is not YAML as Markdown', async () => {
    const { doc } = await importIntoDoc({
      bytes: utf8('---\nJust: a line: that is: not yaml: [\n---\n\nBody.\n'),
      contentType: 'text/markdown',
    });
    expect(docText(doc)).toBe('Just: a line: that is: not yaml: [\n\nBody.');
  });

  it('finds the format from the file name when the content type says nothing', async () => {
    const article = await importArticle({
      bytes: readFixture('front-matter.md'),
      contentType: 'application/octet-stream',
      fileName: 'spat.md',
    });
    expect(article.format).toBe('markdown');
  });
});

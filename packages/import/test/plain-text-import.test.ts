import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getContent, getMeta, parsePlainTextArticle, writeArticle } from '@factcheck/core';
import { importArticle } from '../src/index.js';
import { importIntoDoc, utf8 } from './fixtures.js';

const CORPUS = ['000_b05564db9c0361cb', '001_3252a6d8875c329f', '002_7f6c6d7fc6f2c3a9'];

function corpusBytes(id: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../articles/${id}.txt`, import.meta.url)));
}

describe('importing plain text', () => {
  it.each(CORPUS)('reads corpus article %s exactly as the built-in seeding does', async (id) => {
    const bytes = corpusBytes(id);
    const seeded = new Y.Doc();
    writeArticle(seeded, parsePlainTextArticle(new TextDecoder().decode(bytes)));
    const { doc } = await importIntoDoc({ bytes, contentType: 'text/plain; charset=utf-8' });
    expect(getContent(doc).toJSON()).toBe(getContent(seeded).toJSON());
    expect(getMeta(doc).toJSON()).toEqual(getMeta(seeded).toJSON());
  });

  it('uses a headline line as title, else derives one, and keeps CRLF files the same', async () => {
    const headline = await importArticle({
      bytes: utf8('Court adjourns hearing\r\nThe court adjourned.\r\n\r\nSecond paragraph.\r\n'),
      contentType: 'text/plain',
    });
    expect(headline).toMatchObject({ title: 'Court adjourns hearing', titleDerived: false });
    expect(headline.blocks).toHaveLength(2);
    const derived = await importArticle({
      bytes: utf8('Only one sentence here.'),
      contentType: 'text/plain',
    });
    expect(derived).toMatchObject({ title: 'Only one sentence here.', titleDerived: true });
  });
});

describe('importing plain text under a given title', () => {
  it('keeps a headline-like first line as body text', async () => {
    const article = await importArticle({
      bytes: utf8('علی ظفر کا بیان 🎤\nSecond line.\n'),
      contentType: 'text/plain',
      title: 'Given title',
    });
    expect(article.title).toBe('Given title');
    expect(article.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'علی ظفر کا بیان 🎤', marks: {} }] },
      { type: 'paragraph', content: [{ text: 'Second line.', marks: {} }] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { importArticle } from '../src/index.js';
import { docText, importIntoDoc, readFixture, utf8 } from './fixtures.js';

const CAFE_PARAGRAPHS = [
  'The café’s owner said the story was “nonsense” – naïve at best, and that £500 was never paid.',
  'Regulars at the café were unconvinced … but they kept coming back for the crème brûlée.',
];

describe('decoding text files exactly', () => {
  it('decodes a windows-1252 page from its <meta> charset, curly quotes included', async () => {
    const { article, doc } = await importIntoDoc({
      bytes: readFixture('windows-1252.html'),
      contentType: 'text/html',
    });
    expect(article.title).toBe('Café owner “denies” the rumour');
    expect(docText(doc)).toBe(CAFE_PARAGRAPHS.join('\n\n'));
  });

  it('decodes windows-1252 text from the Content-Type charset', async () => {
    const { doc } = await importIntoDoc({
      bytes: readFixture('windows-1252-undeclared.txt'),
      contentType: 'text/plain; charset=windows-1252',
    });
    expect(docText(doc)).toBe('The café’s owner said the story was “nonsense” – naïve at best.');
  });

  it('refuses bytes that are not UTF-8 and declare nothing, saying where and what to do', async () => {
    await expect(
      importArticle({ bytes: readFixture('windows-1252-undeclared.txt'), contentType: 'text/plain' }),
    ).rejects.toMatchObject({
      failure: 'encoding',
      message:
        'The file is not valid UTF-8 text (byte 0xE9 at position 3) and declares no character set. Save it as UTF-8, or name its encoding (charset=… in the Content-Type, or <meta charset> in an HTML page).',
    });
  });

  it('refuses bytes that claim UTF-8 but are not, and unknown charsets', async () => {
    const latin = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]);
    await expect(
      importArticle({ bytes: latin, contentType: 'text/plain; charset=utf-8' }),
    ).rejects.toMatchObject({
      failure: 'encoding',
      message: expect.stringMatching(/although it declares UTF-8/u),
    });
    await expect(
      importArticle({ bytes: latin, contentType: 'text/plain; charset=klingon' }),
    ).rejects.toMatchObject({
      failure: 'encoding',
      message: expect.stringMatching(/unknown character set "klingon"/u),
    });
  });

  it('refuses binary data sent as text', async () => {
    await expect(
      importArticle({ bytes: new Uint8Array([0x41, 0x00, 0x42, 0x00]), contentType: 'text/plain' }),
    ).rejects.toMatchObject({ failure: 'unreadable' });
  });

  it('drops a UTF-8 byte-order mark and reads UTF-16 with one', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Headline\nFirst paragraph.\n')]);
    const article = await importArticle({ bytes: withBom, contentType: 'text/plain' });
    expect(article.title).toBe('Headline');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...'اردو'].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const { doc } = await importIntoDoc({ bytes: utf16, contentType: 'text/plain' });
    expect(docText(doc)).toBe('اردو');
  });

  it('keeps Urdu, emoji and typographic quotes exactly', async () => {
    const { article, doc } = await importIntoDoc({
      bytes: readFixture('urdu-emoji.txt'),
      contentType: 'text/plain',
    });
    expect(article.title).toBe('علی ظفر کا بیان');
    expect(docText(doc)).toBe(
      [
        'علی ظفر نے الزامات کی تردید کی اور ہتک عزت کا مقدمہ دائر کیا۔ 🎤',
        '“Fake news alert,” she wrote — and added: 👩‍👩‍👧 ‘we’ll see in court’.',
        'Mixed line: Ali Zafar نے کہا that the claims were false.',
      ].join('\n\n'),
    );
  });
});

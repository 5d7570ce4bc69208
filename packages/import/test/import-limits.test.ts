import { describe, expect, it } from 'vitest';
import { countWords, importArticle, MAX_IMPORT_BYTES, MAX_IMPORT_WORDS } from '../src/index.js';
import { utf8 } from './fixtures.js';

describe('import limits and empty files', () => {
  it('refuses a file over 5 MB, naming the limit', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    await expect(importArticle({ bytes, contentType: 'text/plain' })).rejects.toMatchObject({
      failure: 'too-large',
      message: 'The file is too large to import: the limit is 5 MB and this one is 5,242,881 bytes.',
    });
    const bigger = new Uint8Array(6 * 1024 * 1024).fill(0x61);
    await expect(importArticle({ bytes: bigger, contentType: 'text/html' })).rejects.toThrow(
      'the limit is 5 MB and this one is 6 MB',
    );
  });

  it('takes 200,000 words and refuses one more, naming the limit', async () => {
    const words = (count: number) => utf8(`Headline\n${'word '.repeat(count)}\n`);
    const atLimit = await importArticle({ bytes: words(MAX_IMPORT_WORDS), contentType: 'text/plain' });
    expect(atLimit.wordCount).toBe(MAX_IMPORT_WORDS);
    await expect(
      importArticle({ bytes: words(MAX_IMPORT_WORDS + 1), contentType: 'text/plain' }),
    ).rejects.toMatchObject({
      failure: 'too-many-words',
      message: 'The article is too long to import: the limit is 200,000 words and this one has 200,001.',
    });
  });

  it('counts words in any script, not punctuation', () => {
    expect(countWords('Ali Zafar — “denied” it. علی ظفر نے 2018 🎤')).toBe(8);
  });

  it('refuses an empty file and one with no text', async () => {
    await expect(importArticle({ bytes: new Uint8Array(), contentType: 'text/plain' })).rejects.toMatchObject(
      {
        failure: 'empty',
        message: 'The file is empty.',
      },
    );
    await expect(importArticle({ bytes: utf8(' \n\t\n'), contentType: 'text/plain' })).rejects.toMatchObject({
      failure: 'empty',
      message: 'The file has no article text.',
    });
    await expect(
      importArticle({ bytes: utf8('---\ntitle: Only metadata\n---\n'), contentType: 'text/markdown' }),
    ).rejects.toMatchObject({ failure: 'empty' });
  });

  it('refuses a content type it does not import, listing the ones it does', async () => {
    await expect(
      importArticle({ bytes: utf8('%PDF-1.7'), contentType: 'application/pdf' }),
    ).rejects.toMatchObject({
      failure: 'unsupported-type',
      message: expect.stringMatching(
        /^Cannot import "application\/pdf": send plain text \(text\/plain\), Markdown/u,
      ),
    });
    await expect(
      importArticle({ bytes: utf8('x'), contentType: '', fileName: 'scan.pdf' }),
    ).rejects.toMatchObject({ failure: 'unsupported-type' });
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { importArticle, importArticleInWorker, ImportError, stopImportWorker } from '../src/index.js';
import { readFixture, utf8 } from './fixtures.js';

afterAll(() => stopImportWorker());

describe('importing on a worker thread', { timeout: 30_000 }, () => {
  it('gives the same article as importing in place', async () => {
    const input = { bytes: readFixture('news-page.html'), contentType: 'text/html', title: 'Given' };
    const [inWorker, inPlace] = await Promise.all([importArticleInWorker(input), importArticle(input)]);
    expect(inWorker).toEqual(inPlace);
  });

  it('passes refusals back as ImportErrors, and keeps working after them', async () => {
    const refusal = await importArticleInWorker({ bytes: new Uint8Array(), contentType: 'text/plain' }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ImportError);
    expect(refusal).toMatchObject({ failure: 'empty', message: 'The file is empty.' });
    const docx = await importArticleInWorker({
      bytes: readFixture('libreoffice.docx'),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(docx.title).toBe('Court hears defamation case – notes from the hearing');
  });

  it('starts a new worker after being stopped', async () => {
    await stopImportWorker();
    const article = await importArticleInWorker({
      bytes: utf8('Headline\nBody.'),
      contentType: 'text/plain',
    });
    expect(article.title).toBe('Headline');
  });
});

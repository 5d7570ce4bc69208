import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { getMeta, readArticleMeta } from '@factcheck/core';
import { DOCX_CONTENT_TYPE, importArticle } from '../src/index.js';
import { docText, importIntoDoc, readFixture, utf8 } from './fixtures.js';

/** A Word file as the `docx` package writes it: properties, headings, runs, a link, bullets, Urdu and emoji. */
async function wordFileFromDocxPackage(): Promise<Uint8Array> {
  const document = new Document({
    title: 'Singer denies harassment claims',
    creator: 'Sana Mirza',
    description: 'Written with the docx package.',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Singer denies harassment claims', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Ali Zafar '),
              new TextRun({ text: 'refuted the accusations', bold: true }),
              new TextRun(' and called them '),
              new TextRun({ text: '“baseless”', italics: true }),
              new TextRun('; see the '),
              new ExternalHyperlink({
                link: 'https://law.example.org/case/123',
                children: [new TextRun({ text: 'court record', style: 'Hyperlink' })],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Reactions', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Fans posted 😀 and 👩‍👩‍👧.', bullet: { level: 0 } }),
          new Paragraph({ text: 'علی ظفر نے الزامات کی تردید کی۔', bullet: { level: 0 } }),
          new Paragraph('The hearing resumes next month.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('importing Word files', () => {
  it('reads a file made with the docx package: structure, text and core properties', async () => {
    const { article, doc } = await importIntoDoc({
      bytes: await wordFileFromDocxPackage(),
      contentType: DOCX_CONTENT_TYPE,
    });
    expect(article.format).toBe('docx');
    expect(article.blocks.map((block) => block.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'bullet_list',
      'paragraph',
    ]);
    expect(docText(doc)).toBe(
      [
        'Singer denies harassment claims',
        'Ali Zafar refuted the accusations and called them “baseless”; see the court record.',
        'Reactions',
        'Fans posted 😀 and 👩‍👩‍👧.',
        'علی ظفر نے الزامات کی تردید کی۔',
        'The hearing resumes next month.',
      ].join('\n\n'),
    );
    const json = JSON.stringify(article.blocks);
    expect(json).toContain('{"text":"refuted the accusations","marks":{"strong":true}}');
    expect(json).toContain('{"text":"“baseless”","marks":{"em":true}}');
    expect(json).toContain('{"text":"court record","marks":{"link":"https://law.example.org/case/123"}}');
    const meta = readArticleMeta(doc);
    expect(meta).toMatchObject({ title: 'Singer denies harassment claims', authors: 'Sana Mirza' });
    // The docx package stamps the creation time, which stands in for the publication date.
    expect(Date.parse(meta.publishedAt)).toBeGreaterThan(Date.parse('2024-01-01'));
    expect(getMeta(doc).get('description')).toBe('Written with the docx package.');
  });

  it('reads a file saved by LibreOffice: headings, quotation style, list, link, Urdu and emoji', async () => {
    const { article, doc } = await importIntoDoc({
      bytes: readFixture('libreoffice.docx'),
      contentType: DOCX_CONTENT_TYPE,
    });
    expect(article.blocks.map((block) => block.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'blockquote',
      'bullet_list',
      'paragraph',
      'paragraph',
    ]);
    expect(docText(doc)).toBe(
      [
        'Court hears defamation case',
        'The singer’s lawyer told the court the accusations were false and malicious; see the case record.',
        'Statements',
        '“I have never harassed anyone,” he said.',
        'The first witness did not appear.',
        'The second witness gave evidence for an hour.',
        'عدالت نے سماعت اگلے ماہ تک ملتوی کر دی۔ 🎤',
        'Emoji survive too: 👩‍👩‍👧 and 😀.',
      ].join('\n\n'),
    );
    expect(readArticleMeta(doc)).toMatchObject({
      title: 'Court hears defamation case – notes from the hearing',
      authors: 'Ayesha Khan',
      language: 'en-US',
    });
  });

  it('refuses bytes that are not a Word file, with a clear message', async () => {
    await expect(
      importArticle({ bytes: utf8('plain text pretending'), contentType: DOCX_CONTENT_TYPE }),
    ).rejects.toMatchObject({
      failure: 'unreadable',
      message: expect.stringMatching(/not a Word document/u),
    });
    const zip = zipSync({ 'notes.txt': utf8('hello') });
    await expect(importArticle({ bytes: zip, contentType: DOCX_CONTENT_TYPE })).rejects.toMatchObject({
      failure: 'unreadable',
      message: expect.stringMatching(/no word\/document.xml/u),
    });
  });

  it('refuses a Word file sent as text', async () => {
    await expect(
      importArticle({ bytes: readFixture('libreoffice.docx'), contentType: 'text/plain' }),
    ).rejects.toMatchObject({ failure: 'unreadable', message: expect.stringMatching(/zip archive/u) });
  });
});

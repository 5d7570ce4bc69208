import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  commentRangeEnd,
  commentRangeStart,
  commentReferenceRun,
  runStyle,
  textRun,
} from '../src/formats/docx-runs.js';

/** The `word/document.xml` docx writes for one paragraph of these runs. */
async function documentXml(children: ParagraphChild[]): Promise<string> {
  const document = new Document({ sections: [{ children: [new Paragraph({ children })] }] });
  return strFromU8(unzipSync(await Packer.pack(document, 'uint8array'))['word/document.xml']);
}

describe('prepared docx runs', () => {
  it('write exactly what docx TextRuns with the same options write', async () => {
    const text = '  leading and trailing spaces, <markup> & "quotes"  ';
    const ours = await documentXml([
      commentRangeStart(7),
      textRun(text, undefined),
      textRun('styled', runStyle({ style: 'TagDenial' })),
      textRun('bold after a break', runStyle({ bold: true }), true),
      textRun('', runStyle({ italics: true, color: '1155CC' }), true),
      commentRangeEnd(7),
      commentReferenceRun(7),
    ]);
    const docx = await documentXml([
      new CommentRangeStart(7),
      new TextRun({ text }),
      new TextRun({ text: 'styled', style: 'TagDenial' }),
      new TextRun({ text: 'bold after a break', bold: true, break: 1 }),
      new TextRun({ text: '', italics: true, color: '1155CC', break: 1 }),
      new CommentRangeEnd(7),
      new TextRun({ children: [new CommentReference(7)] }),
    ]);
    expect(ours).toBe(docx);
    expect(ours).toContain('<w:t xml:space="preserve">styled</w:t>');
    expect(ours).toContain('&lt;markup&gt; &amp;');
    expect(ours).toContain('<w:commentRangeStart w:id="7"/>');
  });

  it('have no run properties when the options set nothing', () => {
    expect(runStyle({})).toBeUndefined();
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExportModel, type ExportModel } from '../src/export-model.js';
import { closePdfRenderer, pdfFormat, PdfRendererUnavailableError, renderPdf } from '../src/formats/pdf.js';
import * as Y from 'yjs';
import { getContent, getMeta } from '@factcheck/core';
import { richArticle } from './rich-article.js';
import { PLAIN_REVIEWER, tagText, textBlock } from './tagged-article-fixture.js';

/** Chromium and pdftotext come from Debian (scripts/ensure-system-packages.sh). */

function model(): ExportModel {
  return buildExportModel(richArticle().doc, { id: 'rich', baseUrl: 'http://localhost:8080' });
}

/** Runs a poppler tool (pdftotext, pdffonts) on a PDF and returns what it prints. */
function poppler(tool: string, args: readonly string[], pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-pdf-'));
  try {
    const file = path.join(dir, 'export.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF as poppler's pdftotext reads it, whitespace collapsed and without the bidi
 * embedding marks it puts around right-to-left runs (their text stays in logical order).
 */
function pdfText(pdf: Uint8Array): string {
  return normalize(
    poppler('pdftotext', ['-enc', 'UTF-8'], pdf).replace(/[\u202a-\u202e\u2066-\u2069]/gu, ''),
  );
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Urdu quotes tagged in `urduArticle`, and one in Latin script with an emoji. */
const URDU_QUOTES = [
  'علی ظفر پر ہراساں کرنے کا الزام لگایا',
  'علی ظفر نے ان الزامات کی تردید کی',
  'افواہ پھیل گئی',
];
const EMOJI_QUOTE = 'the case went on 🙏';

/** An Urdu article with emoji (one a family of several code points, one a flag) and tags on Urdu text. */
function urduArticle(): ExportModel {
  const doc = new Y.Doc();
  getMeta(doc).set('title', 'میشا شفیع اور علی ظفر کا مقدمہ 😀');
  getMeta(doc).set('language', 'ur');
  getMeta(doc).set('outlet', 'Daily Example');
  getContent(doc).insert(0, [
    textBlock(['پس منظر 🇵🇰'], 'heading', { level: '2' }),
    textBlock([
      'گلوکارہ میشا شفیع نے علی ظفر پر ہراساں کرنے کا الزام لگایا۔ 😀 👩‍👩‍👧 علی ظفر نے ان الزامات کی تردید کی۔',
    ]),
    textBlock(['Ali Zafar said it in court and the case went on 🙏 for years.']),
    textBlock(['سوشل میڈیا پر افواہ پھیل گئی کہ مقدمہ ختم ہو گیا ہے۔']),
  ]);
  for (const [index, quote] of [...URDU_QUOTES, EMOJI_QUOTE].entries()) {
    tagText(
      doc,
      `t${index}`,
      quote,
      (['allegation', 'denial', 'rumour'] as const)[index % 3],
      PLAIN_REVIEWER,
    );
  }
  return buildExportModel(doc, { id: 'urdu', baseUrl: 'http://localhost:8080' });
}

afterAll(() => closePdfRenderer());

// Each test launches or drives Chromium, which takes seconds on a busy machine.
describe('pdf export', { timeout: 60_000 }, () => {
  it('prints the html export: the title and every tagged quote are in the PDF text', async () => {
    const m = model();
    const pdf = await renderPdf(m);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(normalize(m.title));
    expect(m.tags.length).toBeGreaterThan(0);
    for (const tag of m.tags) expect(text, tag.quote).toContain(normalize(tag.quote));
    expect(text).toContain('To be deleted.');
  });

  it('prints concurrent exports and launches Chromium again after being closed', async () => {
    const m = model();
    const [first, second] = await Promise.all([renderPdf(m), pdfFormat.render(m)]);
    expect(first.byteLength).toBeGreaterThan(1000);
    expect(second.byteLength).toBeGreaterThan(1000);
    await closePdfRenderer();
    expect(pdfText(await renderPdf(m))).toContain('Ali Zafar denied the claims');
  });

  it('prints each export alone on the page kept between exports', async () => {
    const rich = model();
    const urdu = urduArticle();
    expect(pdfText(await renderPdf(rich))).toContain('Ali Zafar denied the claims');
    const afterRich = pdfText(await renderPdf(urdu));
    expect(afterRich).toContain(URDU_QUOTES[0]);
    expect(afterRich).not.toContain('Ali Zafar denied the claims');
    expect(afterRich).not.toContain(normalize(rich.title));
    const again = pdfText(await renderPdf(rich));
    expect(again).toContain(normalize(rich.title));
    expect(again).not.toContain(URDU_QUOTES[0]);
  });

  it('prints Urdu in an Arabic-script font and emoji in an emoji font, and pdftotext reads the quotes back', async () => {
    const m = urduArticle();
    const pdf = await renderPdf(m);
    const fonts = poppler('pdffonts', [], pdf);
    // Noto Naskh Arabic for Urdu, named in the CSS; emoji print as colour bitmaps (Type 3 fonts).
    expect(fonts).toMatch(/NotoNaskhArabic-Regular/u);
    expect(fonts).toMatch(/Type 3/u);
    const text = pdfText(pdf);
    for (const quote of [...URDU_QUOTES, EMOJI_QUOTE]) expect(text, quote).toContain(quote);
    expect(text).toContain(m.title.replace(' 😀', ''));
    expect(text).toContain('😀');
    // The metadata prints in the header.
    expect(text).toContain('Outlet Daily Example');
    expect(text).toContain('Language Urdu (ur)');
  });

  it('says clearly that Chromium is missing', async () => {
    const attempt = renderPdf(model(), { executablePath: '/nonexistent/chromium' });
    await expect(attempt).rejects.toBeInstanceOf(PdfRendererUnavailableError);
    await expect(attempt).rejects.toThrow(/needs Chromium.*\/nonexistent\/chromium.*CHROMIUM_PATH/u);
  });
});

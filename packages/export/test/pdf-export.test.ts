import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExportModel, type ExportModel } from '../src/export-model.js';
import { closePdfRenderer, pdfFormat, PdfRendererUnavailableError, renderPdf } from '../src/formats/pdf.js';
import { richArticle } from './rich-article.js';

/** Chromium and pdftotext come from Debian (scripts/ensure-system-packages.sh). */

function model(): ExportModel {
  return buildExportModel(richArticle().doc, { id: 'rich', baseUrl: 'http://localhost:8080' });
}

/** The text of a PDF as poppler's pdftotext reads it, whitespace collapsed. */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-pdf-'));
  try {
    const file = path.join(dir, 'export.pdf');
    writeFileSync(file, pdf);
    return normalize(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
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

  it('says clearly that Chromium is missing', async () => {
    const attempt = renderPdf(model(), { executablePath: '/nonexistent/chromium' });
    await expect(attempt).rejects.toBeInstanceOf(PdfRendererUnavailableError);
    await expect(attempt).rejects.toThrow(/needs Chromium.*\/nonexistent\/chromium.*CHROMIUM_PATH/u);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { LABEL_NAMES } from '@factcheck/core';
import { buildExportModel, type ExportModel } from '../src/export-model.js';
import { docxFormat, renderDocx } from '../src/formats/docx.js';
import { HOSTILE_REVIEWER, richArticle } from './rich-article.js';
import {
  HOSTILE_COMMENT,
  LEAD_REVIEWER,
  PLAIN_REVIEWER,
  reviewedArticleModel,
  SCRIPT_URL,
  XSS_REVIEWER,
} from './tagged-article-fixture.js';

function model(): ExportModel {
  return buildExportModel(richArticle().doc, {
    id: 'rich',
    baseUrl: 'http://localhost:8080',
    now: new Date('2024-06-01T00:00:00Z'),
  });
}

async function unpack(m: ExportModel): Promise<Record<string, string>> {
  const files = unzipSync(await renderDocx(m));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/giu, (_, name: string, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name]!;
  });
}

/** The text Word shows for a stretch of document.xml: runs' text, breaks, paragraph ends as a blank line. */
function visibleText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<\/w:p>/gu)) {
    if (match[0] === '<w:br/>') text += '\n';
    else if (match[0] === '</w:p>') text += '\n\n';
    else text += decodeXml(match[1]);
  }
  return text;
}

interface WordComment {
  id: string;
  author: string;
  text: string;
}

function readComments(xml: string): WordComment[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: () => true });
  const root = parser.parse(xml) as Record<string, unknown[]>;
  const comments = (root['w:comments'][0] as Record<string, unknown[]>)['w:comment'] as Record<
    string,
    unknown
  >[];
  return comments.map((comment) => ({
    id: String(comment['w:id']),
    author: String(comment['w:author']),
    text: JSON.stringify(comment),
  }));
}

describe('docx export', () => {
  it('declares the Word content type and extension', () => {
    expect(docxFormat.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docxFormat.extension).toBe('docx');
  });

  it('puts a comment with label and reviewer on every tag, its range covering exactly the quote', async () => {
    const m = model();
    const files = await unpack(m);
    const document = files['word/document.xml'];
    const comments = readComments(files['word/comments.xml']);
    expect(m.tags).toHaveLength(4);
    expect(comments).toHaveLength(m.tags.length);
    for (const tag of m.tags) {
      const comment = comments.find((candidate) => candidate.id === String(tag.number));
      expect(comment, `comment of tag ${tag.number}`).toBeDefined();
      expect(comment!.author).toBe(tag.author.name);
      expect(comment!.text).toContain(LABEL_NAMES[tag.label]);
      const start = document.indexOf(`<w:commentRangeStart w:id="${tag.number}"/>`);
      const end = document.indexOf(`<w:commentRangeEnd w:id="${tag.number}"/>`);
      expect(start, `range start of ${tag.number}`).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      expect(document).toContain(`<w:commentReference w:id="${tag.number}"/>`);
      // Across paragraphs too: the paragraph end inside the range reads as the blank line of `txt`.
      expect(visibleText(document.slice(start, end))).toBe(tag.quote);
    }
  });

  it('keeps the article text, headings, italics, bold and label shading', async () => {
    const files = await unpack(model());
    const document = files['word/document.xml'];
    expect(visibleText(document)).toContain(
      'Fans 😀 said Ali Zafar denied the claims. اردو میں ایک جملہ ہے۔',
    );
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Background 😀/u);
    expect(document).toContain('<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Ali Zafar</w:t>');
    expect(document).toContain('<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">the claims</w:t>');
    // Each label is a character style with its tint and its line; tagged runs use it.
    const styles = files['word/styles.xml'];
    for (const [style, fill, line] of [
      ['TagAllegation', 'FBDFDF', 'single'],
      ['TagDenial', 'DDEBFB', 'double'],
      ['TagRumour', 'FFEBBD', 'dotted'],
    ]) {
      const definition = new RegExp(
        `<w:style w:type="character" w:styleId="${style}">.*?</w:style>`,
        'su',
      ).exec(styles);
      expect(definition?.[0], style).toContain(`w:fill="${fill}"`);
      expect(definition?.[0], style).toContain(`<w:u w:val="${line}"`);
    }
    expect(document).toContain(
      '<w:rStyle w:val="TagDenial"/><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">the claims<',
    );
    expect(document).toMatch(
      /<w:rStyle w:val="TagRumour"\/><\/w:rPr><w:t xml:space="preserve">a rumour spreads</u,
    );
    expect(visibleText(document)).toContain('Legend');
  });

  it('lists unanchored tags in their own section, never in the text', async () => {
    const m = model();
    expect(m.orphans.map((orphan) => orphan.quote)).toEqual(['To be deleted.']);
    const text = visibleText((await unpack(m))['word/document.xml']);
    const section = text.indexOf('Unanchored tags');
    expect(section).toBeGreaterThan(text.indexOf('Second paragraph'));
    expect(text.indexOf('To be deleted.')).toBeGreaterThan(section);
  });

  it('escapes a hostile reviewer name and title so every part stays well-formed XML', async () => {
    const files = await unpack(model());
    for (const [name, xml] of Object.entries(files)) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      expect(XMLValidator.validate(xml), name).toBe(true);
    }
    const comments = readComments(files['word/comments.xml']);
    expect(comments.map((comment) => comment.author)).toContain(HOSTILE_REVIEWER.name);
    expect(files['word/comments.xml']).not.toContain('<img');
    expect(files['docProps/core.xml']).toContain('Zafar &amp; Shafi: the &lt;defamation&gt; case');
  });

  it('replaces characters XML cannot hold instead of writing a broken file', async () => {
    const m = model();
    const broken: ExportModel = { ...m, title: 'Bell \u0007 and lone \uD800 surrogate' };
    const files = await unpack(broken);
    expect(XMLValidator.validate(files['word/document.xml'])).toBe(true);
    expect(visibleText(files['word/document.xml'])).toContain('Bell \uFFFD and lone \uFFFD surrogate');
  });

  const soffice = ['libreoffice', 'soffice'].find(
    (command) => spawnSync('which', [command], { stdio: 'ignore' }).status === 0,
  );
  it.skipIf(!soffice || !hasPdftotext())(
    'opens in LibreOffice (converted to PDF there)',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-docx-'));
      try {
        const m = model();
        writeFileSync(path.join(dir, 'article.docx'), await renderDocx(m));
        execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, 'article.docx'], {
          cwd: dir,
          timeout: 120_000,
          stdio: 'ignore',
        });
        const text = execFileSync('pdftotext', [path.join(dir, 'article.pdf'), '-'], { encoding: 'utf8' });
        expect(text.replace(/\s+/gu, ' ')).toContain('Ali Zafar denied the claims');
        expect(readFileSync(path.join(dir, 'article.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // LibreOffice starting cold on a loaded machine takes more than vitest's default 5 s; the
      // conversion itself is bounded by its own 120 s timeout above.
    },
    130_000,
  );
});

describe('docx export of a reviewed article', () => {
  /** The text of each Word comment by its id: runs in order, a break as a newline. */
  function commentTexts(xml: string): Map<string, string> {
    const texts = new Map<string, string>();
    for (const match of xml.matchAll(/<w:comment [^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/gu)) {
      texts.set(match[1], visibleText(match[2]).replace(/\n\n$/u, ''));
    }
    return texts;
  }

  it("puts each tag's verdict, claimant, evidence and thread in its Word comment, as text", async () => {
    const m = reviewedArticleModel();
    const files = await unpack(m);
    for (const [name, xml] of Object.entries(files)) {
      if (name.endsWith('.xml') || name.endsWith('.rels'))
        expect(XMLValidator.validate(xml), name).toBe(true);
    }
    const xml = files['word/comments.xml'];
    expect(xml).not.toMatch(/<img|<b>|<i>/u);
    const texts = commentTexts(xml);
    expect(texts.size).toBe(m.tags.length);
    const denial = m.tags.find((tag) => tag.id === 'tag-denial')!;
    const across = m.tags.find((tag) => tag.id === 'tag-across')!;
    expect(texts.get(String(denial.number))!.split('\n')).toEqual([
      `Denial (tag ${denial.number})`,
      `Tagged by ${PLAIN_REVIEWER.name} (${PLAIN_REVIEWER.id}) · 2024-05-01 10:00 UTC, changed 2024-05-02 09:10 UTC`,
      `Verdict: False <b>claim</b> (resolved by ${LEAD_REVIEWER.name}, 2024-05-02 09:10 UTC)`,
      'Claimant: Ali <Zafar> · Subject: Meesha Shafi',
      `Responds to tag ${across.number}`,
      `Evidence, supports: https://example.org/statement?a=1&b=(2) — The statement <i>itself</i> (${PLAIN_REVIEWER.name}, 2024-05-02 09:06 UTC)`,
      `Evidence, refutes: ${SCRIPT_URL} (${XSS_REVIEWER.name}, 2024-05-02 09:07 UTC)`,
      `${XSS_REVIEWER.name} · 2024-05-02 09:01 UTC: ${HOSTILE_COMMENT.split('\n')[0]}`,
      HOSTILE_COMMENT.split('\n')[1],
      `${PLAIN_REVIEWER.name} · 2024-05-02 09:02 UTC · edited 2024-05-02 09:03 UTC · in reply to ${XSS_REVIEWER.name}: His statement of 19 April 2018.`,
    ]);
    expect(xml).not.toContain('Never mind.');
    // Links stay text in Word: no hyperlink anywhere in the comments.
    expect(xml).not.toContain('w:hyperlink');
  });

  it('marks the decided tag "Decided by <lead>" and keeps comments of an orphan', async () => {
    const m = reviewedArticleModel();
    const files = await unpack(m);
    const decided = m.tags.find((tag) => tag.adjudicated)!;
    const lines = commentTexts(files['word/comments.xml']).get(String(decided.number))!.split('\n');
    expect(lines[2]).toBe(`Decided by ${LEAD_REVIEWER.name}, 2024-05-02 09:00 UTC`);
    expect(lines[3]).toBe(`Verdict: Accurate (resolved by ${LEAD_REVIEWER.name}, 2024-05-02 09:11 UTC)`);
    const text = visibleText(files['word/document.xml']);
    expect(text.slice(text.indexOf('Unanchored tags'))).toContain(
      `${XSS_REVIEWER.name} · 2024-05-02 09:13 UTC: Its text was <em>deleted</em>.`,
    );
    expect(text).toContain(
      "View: Decided tags where a lead settled a passage, every reviewer's tags elsewhere",
    );
  });
});

function hasPdftotext(): boolean {
  return spawnSync('which', ['pdftotext'], { stdio: 'ignore' }).status === 0;
}

import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { getMeta } from '@factcheck/core';
import { buildExportModel, type ExportModel } from '../src/export-model.js';
import { bratBundleNames, bratFormat } from '../src/formats/brat-bundle.js';
import { renderDocx } from '../src/formats/docx.js';
import { renderHtml } from '../src/formats/html.js';
import { renderMarkdown } from '../src/formats/md.js';
import { renderTxt } from '../src/formats/txt.js';
import { taggedArticleDoc } from './tagged-article-fixture.js';

/**
 * Issue 5: the article's metadata (title, source URL, outlet, authors, publication date, language)
 * in every export that has room for it, read back with outside parsers; the `txt` export stays the
 * article's text alone, since every offset counts in it.
 */

const SOURCE_URL = 'https://news.example/2024/04/zafar-shafi?utm=1&x=2';
const OUTLET = 'Daily <Example> & Co';
const AUTHORS = 'Ayesha Khan; Bilal Ahmed';

/** The fixture article with every metadata field filled, in Urdu as its language. */
function articleWithMetadata(): ExportModel {
  const doc = taggedArticleDoc();
  const meta = getMeta(doc);
  meta.set('sourceUrl', SOURCE_URL);
  meta.set('outlet', OUTLET);
  meta.set('authors', AUTHORS);
  meta.set('publishedAt', '2024-04-30');
  meta.set('language', 'ur');
  meta.set('titleDerived', false);
  return buildExportModel(doc, {
    id: 'article-1',
    baseUrl: 'http://localhost:8080',
    now: new Date('2024-06-01T12:00:00Z'),
  });
}

describe('article metadata in the exports', () => {
  const model = articleWithMetadata();

  it('html: lists source (a link), outlet, authors, date and language, and marks the text as Urdu', () => {
    const document = new JSDOM(renderHtml(model)).window.document;
    const fields = Object.fromEntries(
      [...document.querySelectorAll('dl.export-meta dt')].map((dt) => [
        dt.textContent,
        dt.nextElementSibling!.textContent,
      ]),
    );
    expect(fields).toMatchObject({
      Source: SOURCE_URL,
      Outlet: OUTLET,
      'Author(s)': AUTHORS,
      Published: '2024-04-30',
      Language: 'Urdu (ur)',
    });
    expect(Object.keys(fields)).not.toContain('titleDerived');
    expect(Object.keys(fields).indexOf('Source')).toBeLessThan(Object.keys(fields).indexOf('Article IRI'));
    const link = document.querySelector(`dl.export-meta a[href]`)!;
    expect(link.getAttribute('href')).toBe(SOURCE_URL);
    expect(document.querySelector('dl.export-meta time')!.getAttribute('datetime')).toBe('2024-04-30');
    expect(document.querySelector('article')!.getAttribute('lang')).toBe('ur');
    expect(document.querySelector('h1')!.getAttribute('lang')).toBe('ur');
    expect(document.querySelector('.note-quote')!.getAttribute('lang')).toBe('ur');
    // The page's own words stay English.
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelector('article')!.textContent).toBe(renderTxt(model));
  });

  it('html: a source that is not an http(s) URL is text, and a bad language tag sets no lang', () => {
    const odd = {
      ...model,
      articleMeta: { ...model.articleMeta, sourceUrl: 'javascript:alert(1)', language: 'not a language!' },
    };
    const document = new JSDOM(renderHtml(odd)).window.document;
    expect(document.querySelector('dl.export-meta a[href^="javascript"]')).toBeNull();
    expect(document.querySelector('dl.export-meta')!.textContent).toContain('javascript:alert(1)');
    expect(document.querySelector('article')!.hasAttribute('lang')).toBe(false);
  });

  it('md: the header lists the metadata, the source as a link GitHub renders', () => {
    const html = micromark(renderMarkdown(model), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    const document = new JSDOM(html).window.document;
    const items = [...document.querySelector('ul')!.querySelectorAll(':scope > li')].map(
      (item) => item.textContent,
    );
    expect(items.slice(0, 5)).toEqual([
      `Source: ${SOURCE_URL}`,
      `Outlet: ${OUTLET}`,
      `Author(s): ${AUTHORS}`,
      'Published: 2024-04-30',
      'Language: Urdu (ur)',
    ]);
    expect(document.querySelector('ul a')!.getAttribute('href')).toBe(SOURCE_URL);
    expect(document.querySelector('h1')!.textContent).toBe(model.title);
  });

  it('docx: a header block with the metadata, and title, authors and language as core properties', async () => {
    const files = unzipSync(await renderDocx(model));
    const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false });
    const core = parser.parse(strFromU8(files['docProps/core.xml']))['cp:coreProperties'];
    expect(core['dc:title']).toBe(model.title);
    expect(core['dc:creator']).toBe(AUTHORS);
    expect(core['dc:language']).toBe('ur');
    expect(core['dc:description']).toBe(`Annotated copy of ${SOURCE_URL}`);
    expect(core['dcterms:created']['#text']).toBe('2024-06-01T12:00:00.000Z');
    const styles = strFromU8(files['word/styles.xml']);
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="ur"\/>.*<\/w:docDefaults>/su);
    const text = strFromU8(files['word/document.xml'])
      .replace(/<w:br\/>/gu, '\n')
      .replace(/<[^>]+>/gu, '')
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&amp;/gu, '&');
    for (const line of [
      `Source: ${SOURCE_URL}`,
      `Outlet: ${OUTLET}`,
      `Author(s): ${AUTHORS}`,
      'Published: 2024-04-30',
      'Language: Urdu (ur)',
    ])
      expect(text).toContain(line);
  });

  it('docx: without authors the file is credited to the editor, and no language is claimed', async () => {
    const bare = {
      ...model,
      articleMeta: { ...model.articleMeta, authors: '', language: '' },
    };
    const files = unzipSync(await renderDocx(bare));
    const core = new XMLParser().parse(strFromU8(files['docProps/core.xml']))['cp:coreProperties'];
    expect(core['dc:creator']).toBe('Fact-check editor');
    expect(core).not.toHaveProperty('dc:language');
  });

  it('brat: the bundle carries the metadata as JSON beside the text', async () => {
    const files = unzipSync(await bratFormat.render(model));
    const names = bratBundleNames(model);
    expect(JSON.parse(strFromU8(files[names.metadata]))).toEqual({
      title: model.title,
      sourceUrl: SOURCE_URL,
      outlet: OUTLET,
      authors: ['Ayesha Khan', 'Bilal Ahmed'],
      publishedAt: '2024-04-30',
      language: 'ur',
      articleIri: 'http://localhost:8080/articles/article-1',
      exportedAt: '2024-06-01T12:00:00.000Z',
      view: 'adjudicated',
      filter: {},
    });
    expect(strFromU8(files[names.text])).toBe(renderTxt(model));
  });

  it('txt: stays the article text alone, the reference of every offset', () => {
    const txt = renderTxt(model);
    expect(txt).toBe(model.text);
    for (const value of [SOURCE_URL, OUTLET, AUTHORS, '2024-04-30', model.title])
      expect(txt).not.toContain(value);
  });
});

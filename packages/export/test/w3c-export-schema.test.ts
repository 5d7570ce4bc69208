import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getContent, getMeta } from '@factcheck/core';
import { renderW3c, w3cFormat } from '../src/formats/w3c.js';
import { isW3cTagging, type W3cPageItem } from '../src/w3c-vocabulary.js';
import {
  AYESHA,
  HOSTILE,
  LEAD,
  modelOf,
  reviewedArticle,
  taggedArticle,
  tagQuote,
  untaggedArticle,
} from './w3c-article.js';

/**
 * The `w3c` export checked with the W3C Web Annotation test suite's own JSON schemas (draft-04,
 * with formats): every annotation against every MUST assertion of `annotationMusts.test`, the
 * collection against `collectionMusts.test` and its embedded page against `pageMusts.test`.
 */

const SUITE = join(import.meta.dirname, '../../../../shared/standards/web-annotation-tests');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** An assertion of the suite: a schema plus the JSONtest keywords saying what to expect of it. */
interface Assertion {
  readonly file: string;
  readonly expectedResult: string;
  readonly validate: (value: unknown) => boolean;
}

/** Compiles every assertion a `.test` file lists, with all shared definitions loaded by their ids. */
function loadAssertions(testFile: string): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of readdirSync(join(SUITE, 'definitions'))) {
    ajv.addSchema(readJson(join(SUITE, 'definitions', name)) as object);
  }
  const { assertions } = readJson(join(SUITE, testFile)) as { assertions: string[] };
  return assertions.map((file) => {
    // Ids are bare file names and some repeat across folders; refs to definitions resolve without them.
    const { id: _id, ...schema } = readJson(join(SUITE, file)) as Record<string, unknown>;
    // Every assertion of the suite expects "valid": the value passes when the schema validates.
    return { file, expectedResult: String(schema.expectedResult ?? 'valid'), validate: ajv.compile(schema) };
  });
}

/** The assertions a value fails. */
function failures(assertions: readonly Assertion[], value: unknown): string[] {
  return assertions
    .filter((assertion) => assertion.validate(value) !== (assertion.expectedResult === 'valid'))
    .map((assertion) => assertion.file);
}

const annotationMusts = loadAssertions('annotations/annotationMusts.test');
const collectionMusts = loadAssertions('collections/collectionMusts.test');
const pageMusts = loadAssertions('collections/pages/pageMusts.test');

describe('the W3C test suite harness', () => {
  it('loads every MUST assertion, all expecting a valid result', () => {
    expect(annotationMusts).toHaveLength(54);
    expect(collectionMusts).toHaveLength(10);
    expect(pageMusts).toHaveLength(15);
    expect(
      new Set([...annotationMusts, ...collectionMusts, ...pageMusts].map((a) => a.expectedResult)),
    ).toEqual(new Set(['valid']));
  });

  it("rejects every one of the suite's incorrect samples and accepts its 38 correct single annotations", () => {
    const samples = (kind: string) =>
      readdirSync(join(SUITE, 'tools/samples', kind)).map((name) => {
        try {
          return failures(annotationMusts, readJson(join(SUITE, 'tools/samples', kind, name))).length === 0;
        } catch {
          return false; // some incorrect samples are deliberately not JSON
        }
      });
    expect(samples('incorrect').filter(Boolean)).toHaveLength(0);
    expect(samples('correct').filter(Boolean)).toHaveLength(38);
  });
});

describe('w3c export', () => {
  const model = modelOf(taggedArticle());
  const collection = renderW3c(model);
  const annotations = [...(collection.first?.items ?? []), ...collection.unanchored].filter(isW3cTagging);

  it('has one annotation per tag, and every annotation passes every MUST assertion', () => {
    expect(collection.first?.items).toHaveLength(model.tags.length);
    expect(collection.unanchored).toHaveLength(1);
    expect(annotations).toHaveLength(7);
    for (const annotation of annotations)
      expect(failures(annotationMusts, annotation), annotation.id).toEqual([]);
  });

  it('is a collection that passes the collection MUSTs, with an embedded page passing the page MUSTs', () => {
    expect(failures(collectionMusts, collection)).toEqual([]);
    // pageMusts.test takes "a single Annotation Page or an Annotation Collection with an embedded Page".
    expect(failures(pageMusts, collection)).toEqual([]);
    expect(failures(pageMusts, { '@context': collection['@context'], ...collection.first })).toEqual([]);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://factcheck.example/articles/zafar-case/annotations',
      type: 'AnnotationCollection',
      label: 'Zafar & Shafi 😀 <case>',
      total: 6,
      last: collection.first?.id,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
  });

  it('writes tagging annotations with the label as a tagging TextualBody, the reviewer and the times', () => {
    const nested = annotations.find((annotation) => annotation.id.endsWith('/t-nested'))!;
    expect(nested).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://factcheck.example/articles/zafar-case/annotations/t-nested',
      type: 'Annotation',
      motivation: 'tagging',
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-06-02T08:30:00.000Z',
      creator: { id: 'urn:factcheck:reviewer:r%2Fhostile%3Fx%3D1', type: 'Person', name: HOSTILE.name },
      body: { type: 'TextualBody', purpose: 'tagging', value: 'allegation' },
      target: {
        source: 'https://factcheck.example/articles/zafar-case',
        selector: [
          expect.objectContaining({ type: 'TextQuoteSelector', exact: 'accused him' }),
          expect.objectContaining({ type: 'TextPositionSelector' }),
        ],
      },
    });
    expect(nested.creator.name).toBe(`<img src=x onerror=alert(1)> "\\ &'`);
    expect(new Set(annotations.map((annotation) => annotation.id)).size).toBe(annotations.length);
  });

  it('puts orphans in `unanchored` with a quote selector only, never a position', () => {
    const [orphan] = collection.unanchored.filter(isW3cTagging);
    expect(orphan.id.endsWith('/t-orphan')).toBe(true);
    expect(orphan.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'To be deleted.', prefix: expect.any(String), suffix: '' },
    ]);
    expect(collection.first?.items.some((annotation) => annotation.id === orphan.id)).toBe(false);
  });

  it('renders pretty-printed UTF-8 JSON-LD that parses back to the same collection', () => {
    const bytes = w3cFormat.render(model) as Uint8Array;
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(JSON.parse(json)).toEqual(collection);
    expect(json).toContain('\n  "@context": "http://www.w3.org/ns/anno.jsonld",');
    expect(w3cFormat).toMatchObject({
      name: 'w3c',
      extension: 'jsonld',
      contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    });
  });

  it('describes the article and its metadata as a schema.org NewsArticle the collection is about, still valid', () => {
    expect(collection['schema:about']).toEqual({
      id: 'https://factcheck.example/articles/zafar-case',
      type: 'schema:NewsArticle',
      'schema:headline': 'Zafar & Shafi 😀 <case>',
    });
    const doc = taggedArticle();
    const meta = getMeta(doc);
    meta.set('sourceUrl', 'https://news.example/zafar');
    meta.set('outlet', 'Dawn');
    meta.set('authors', 'Ayesha Khan; Bilal Ahmed');
    meta.set('publishedAt', '2024-04-30');
    meta.set('language', 'ur');
    const described = renderW3c(modelOf(doc));
    expect(described['schema:about']).toEqual({
      id: 'https://factcheck.example/articles/zafar-case',
      type: 'schema:NewsArticle',
      'schema:headline': 'Zafar & Shafi 😀 <case>',
      'schema:url': 'https://news.example/zafar',
      'schema:publisher': { type: 'schema:Organization', 'schema:name': 'Dawn' },
      'schema:author': [
        { type: 'schema:Person', 'schema:name': 'Ayesha Khan' },
        { type: 'schema:Person', 'schema:name': 'Bilal Ahmed' },
      ],
      'schema:datePublished': '2024-04-30',
      'schema:inLanguage': 'ur',
    });
    expect(described.label).toBe('Zafar & Shafi 😀 <case>');
    expect(failures(collectionMusts, described)).toEqual([]);
    expect(failures(pageMusts, described)).toEqual([]);
    // Every target's source stays the article's IRI.
    for (const item of described.first!.items.filter(isW3cTagging))
      expect(item.target.source).toBe('https://factcheck.example/articles/zafar-case');
  });

  it('exports an untagged article as an empty collection without pages, still valid', () => {
    const empty = renderW3c(modelOf(untaggedArticle()));
    expect(empty.total).toBe(0);
    expect(empty.first).toBeUndefined();
    expect(empty.unanchored).toEqual([]);
    expect(failures(collectionMusts, empty)).toEqual([]);
  });

  it('never cuts an emoji in half at the edge of a prefix or suffix', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`x${'😀'.repeat(20)} tagged words ${'😀'.repeat(20)}`)]);
    getContent(doc).insert(0, [paragraph]);
    tagQuote(doc, 't1', 'tagged words', 'rumour', AYESHA);
    const [annotation] = renderW3c(modelOf(doc)).first!.items.filter(isW3cTagging);
    const [quote] = annotation.target.selector;
    // In a `u` regular expression a surrogate range matches only surrogates not in a pair.
    const loneSurrogate = /[\uD800-\uDFFF]/u;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'tagged words' });
    if (quote.type !== 'TextQuoteSelector') throw new Error('expected a quote selector first');
    expect(loneSurrogate.test(quote.prefix!)).toBe(false);
    expect(loneSurrogate.test(quote.suffix!)).toBe(false);
    expect(quote.prefix!.endsWith('😀 ')).toBe(true);
    expect(failures(annotationMusts, annotation)).toEqual([]);
  });
});

describe('w3c export of a reviewed article', () => {
  const model = modelOf(reviewedArticle());
  const collection = renderW3c(model);
  const items = collection.first!.items;
  const tagIri = (id: string) => `https://factcheck.example/articles/zafar-case/annotations/${id}`;
  const byMotivation = (motivation: string, list: readonly W3cPageItem[] = items) =>
    list.filter((item) => item.motivation === motivation);

  it('puts comments, evidence and verdicts after the tags in the page, every one passing every MUST', () => {
    const tagging = byMotivation('tagging');
    expect(tagging).toHaveLength(model.tags.length);
    expect(items.slice(0, tagging.length)).toEqual(tagging);
    expect(byMotivation('commenting')).toHaveLength(2);
    expect(byMotivation('linking')).toHaveLength(2);
    expect(byMotivation('assessing')).toHaveLength(1);
    expect(collection.total).toBe(items.length);
    expect(collection.total).toBe(model.tags.length + 5);
    for (const item of [...items, ...collection.unanchored])
      expect(failures(annotationMusts, item), item.id).toEqual([]);
    expect(failures(collectionMusts, collection)).toEqual([]);
    expect(failures(pageMusts, collection)).toEqual([]);
    expect(new Set([...items, ...collection.unanchored].map((item) => item.id)).size).toBe(
      items.length + collection.unanchored.length,
    );
  });

  it('writes each comment as a commenting annotation on the tag, edited ones with `modified`', () => {
    const [question, reply] = byMotivation('commenting');
    expect(question).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: expect.stringMatching(new RegExp(`^${tagIri('t-denial')}/comments/c-[0-9a-f]+$`, 'u')),
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-05-02T09:00:00.000Z',
      creator: { id: 'urn:factcheck:reviewer:r%2Fhostile%3Fx%3D1', type: 'Person', name: HOSTILE.name },
      body: {
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'Source? <script>alert(1)</script> & "quotes"',
        format: 'text/plain',
      },
      target: tagIri('t-denial'),
    });
    expect(reply).toMatchObject({
      created: '2024-05-02T09:01:00.000Z',
      modified: '2024-05-02T09:02:00.000Z',
      creator: { name: AYESHA.name },
      body: { value: 'His statement of 19 April 2018.' },
      target: tagIri('t-denial'),
    });
    // The deleted comment is not exported at all.
    expect(JSON.stringify(collection)).not.toContain('Never mind.');
  });

  it('names the claimant and subject as identifying bodies of the tag, their roles in schema.org terms', () => {
    const denial = byMotivation('tagging').find((item) => item.id === tagIri('t-denial'))!;
    // The model's context defines the `schema` prefix (http://schema.org/), so it needs no addition.
    expect(denial['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(denial.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'denial' },
      {
        type: 'TextualBody',
        purpose: 'identifying',
        value: 'Ali Zafar',
        format: 'text/plain',
        'schema:roleName': 'claimant',
      },
      {
        type: 'TextualBody',
        purpose: 'identifying',
        value: 'Meesha Shafi',
        format: 'text/plain',
        'schema:roleName': 'subject',
      },
    ]);
    expect(failures(annotationMusts, denial)).toEqual([]);
    // Tags without a claimant or subject keep one body.
    const rumour = byMotivation('tagging').find((item) => item.id === tagIri('t-rumour'))!;
    expect(rumour).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'rumour' },
    });
  });

  it('writes the verdict as an assessing annotation by the reviewer who resolved the tag', () => {
    expect(byMotivation('assessing')).toEqual([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `${tagIri('t-denial')}/verdict`,
        type: 'Annotation',
        motivation: 'assessing',
        created: '2024-05-02T09:09:00.000Z',
        creator: { id: 'urn:factcheck:reviewer:r-lead', type: 'Person', name: LEAD.name },
        body: { type: 'TextualBody', purpose: 'assessing', value: 'Misleading', format: 'text/plain' },
        target: tagIri('t-denial'),
      },
    ]);
  });

  it('writes evidence as linking annotations: the link, its stance and its note', () => {
    const [supports, refutes] = byMotivation('linking');
    expect(supports).toMatchObject({
      target: tagIri('t-denial'),
      creator: { name: AYESHA.name },
      body: [
        { type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/statement?a=1&b=2' },
        { type: 'TextualBody', purpose: 'classifying', value: 'supports', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'describing', value: 'The statement itself', format: 'text/plain' },
      ],
    });
    expect(refutes).toMatchObject({ body: [{ source: 'https://example.org/court' }, { value: 'refutes' }] });
    expect(refutes.motivation === 'linking' && refutes.body).toHaveLength(2);
  });

  it("keeps an orphan's comments with it in `unanchored`, out of the page and the total", () => {
    const comments = byMotivation('commenting', collection.unanchored);
    expect(comments).toEqual([
      expect.objectContaining({
        target: tagIri('t-orphan'),
        body: expect.objectContaining({ value: 'Its text was deleted.' }),
      }),
    ]);
    expect(items.some((item) => item.target === tagIri('t-orphan'))).toBe(false);
  });
});

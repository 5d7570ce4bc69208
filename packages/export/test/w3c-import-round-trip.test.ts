import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IMPORT_ORIGIN, readAnnotations, type Reviewer } from '@factcheck/core';
import type { ExportModel } from '../src/export-model.js';
import { renderW3c } from '../src/formats/w3c.js';
import { importW3cAnnotations, W3cInputError } from '../src/w3c-import.js';
import type { W3cAnnotation, W3cAnnotationCollection } from '../src/w3c-vocabulary.js';
import {
  articleFromText,
  AYESHA,
  copyOf,
  modelOf,
  reviewedArticle,
  taggedArticle,
  untaggedArticle,
} from './w3c-article.js';

/**
 * Importing the `w3c` export back: a round trip onto a fresh copy of the article gives the same
 * tags, and whatever cannot be placed is reported with a reason.
 */

const IMPORTER: Reviewer = { id: 'r-importer', name: 'Importer' };
const NOW = new Date('2025-01-01T00:00:00.000Z');

/** What makes two tags the same, comparable across documents. */
function tagsOf(model: ExportModel) {
  return model.tags
    .map((tag) => ({
      label: tag.label,
      author: tag.author,
      quote: tag.quote,
      start: tag.start,
      end: tag.end,
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}

/** A JSON copy of the exported collection, as a file read back would be (its article has no review annotations). */
function exported(doc: Y.Doc): W3cAnnotationCollection<W3cAnnotation> {
  return JSON.parse(JSON.stringify(renderW3c(modelOf(doc)))) as W3cAnnotationCollection<W3cAnnotation>;
}

function onlyQuote(annotation: W3cAnnotation, exact: string, prefix = '', suffix = ''): W3cAnnotation {
  return {
    ...annotation,
    target: { ...annotation.target, selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }] },
  };
}

describe('w3c import', () => {
  const source = taggedArticle();
  const collection = exported(source);
  const freshCopy = () => copyOf(source);

  it.each([
    ['a copy built from the same blocks', () => copyOf(source)],
    ['a fresh article from the txt export', () => articleFromText(modelOf(source))],
  ])(
    'round-trips every placed tag onto %s: label, reviewer, quote, code points and times',
    (_name, fresh) => {
      const copy = fresh();
      const result = importW3cAnnotations(copy, collection, { now: NOW });
      expect(result.created).toHaveLength(6);
      expect(tagsOf(modelOf(copy))).toEqual(tagsOf(modelOf(source)));
      // The orphan came along in `unanchored` and is reported, not placed elsewhere.
      expect(result.unresolved).toEqual([
        {
          index: 6,
          id: collection.unanchored[0].id,
          exact: 'To be deleted.',
          reason: 'quote not found in the article',
        },
      ]);
      expect(readAnnotations(copy).invalid).toEqual([]);
    },
  );

  it('imports the tags of a reviewed article and skips its comments, evidence and verdicts, listing them', () => {
    const reviewed = reviewedArticle();
    const file = JSON.parse(JSON.stringify(renderW3c(modelOf(reviewed)))) as unknown;
    const copy = copyOf(reviewed);
    const result = importW3cAnnotations(copy, file, { now: NOW });
    expect(result.created).toHaveLength(6);
    expect(tagsOf(modelOf(copy))).toEqual(tagsOf(modelOf(reviewed)));
    expect(result.unresolved.map((entry) => entry.reason)).toEqual(['quote not found in the article']);
    expect(result.skipped.map((entry) => entry.reason)).toEqual([
      'not a tag: commenting on another resource',
      'not a tag: commenting on another resource',
      'not a tag: linking on another resource',
      'not a tag: linking on another resource',
      'not a tag: assessing on another resource',
      'not a tag: commenting on another resource',
    ]);
    expect(
      result.skipped.every((entry) => entry.id?.includes('/t-denial/') || entry.id?.includes('/t-orphan/')),
    ).toBe(true);
  });

  it('brings claimant and subject back with the tag, from schema.org roles in any spelling', () => {
    const reviewed = reviewedArticle();
    const file = JSON.parse(JSON.stringify(renderW3c(modelOf(reviewed)))) as W3cAnnotationCollection;
    const copy = copyOf(reviewed);
    importW3cAnnotations(copy, file, { now: NOW });
    const parties = (doc: Y.Doc) =>
      modelOf(doc)
        .tags.map((tag) => ({ quote: tag.quote, claimant: tag.claimant, subject: tag.subject }))
        .sort((a, b) => a.quote.localeCompare(b.quote));
    expect(parties(copy)).toEqual(parties(reviewed));
    expect(parties(copy)).toContainEqual({
      quote: 'Ali Zafar denied the claims',
      claimant: 'Ali Zafar',
      subject: 'Meesha Shafi',
    });
    // The claimant does not change the tag's times.
    expect(tagsOf(modelOf(copy))).toEqual(tagsOf(modelOf(reviewed)));

    const [one] = collection.first!.items;
    const other = freshCopy();
    const foreign = importW3cAnnotations(other, {
      ...one,
      body: [
        one.body,
        {
          type: 'TextualBody',
          purpose: 'identifying',
          value: ' Outlet spokesman ',
          'https://schema.org/roleName': 'claimant',
        },
        { type: 'TextualBody', value: 'Someone', roleName: ['subject'] },
        { type: 'TextualBody', purpose: 'describing', value: 'no role, ignored' },
      ],
    });
    expect(foreign.unresolved).toEqual([]);
    expect(readAnnotations(other).valid).toEqual([
      expect.objectContaining({ label: 'denial', claimant: 'Outlet spokesman', subject: 'Someone' }),
    ]);
  });

  it('places an unanchored annotation too when its text is there', () => {
    const original = untaggedArticle();
    const result = importW3cAnnotations(original, collection);
    expect(result.unresolved).toEqual([]);
    expect(modelOf(original).tags.map((tag) => tag.quote)).toContain('To be deleted.');
  });

  it('writes every tag in one transaction with the import origin', () => {
    const copy = freshCopy();
    const origins: unknown[] = [];
    copy.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    importW3cAnnotations(copy, collection);
    expect(origins).toEqual([IMPORT_ORIGIN]);
  });

  it('reports a second import of the same file as duplicates, creating nothing', () => {
    const copy = freshCopy();
    importW3cAnnotations(copy, collection);
    const again = importW3cAnnotations(copy, collection);
    expect(again.created).toEqual([]);
    expect(again.unresolved.filter((entry) => entry.reason === 'duplicate')).toHaveLength(6);
    expect(readAnnotations(copy).valid).toHaveLength(6);
  });

  it('reports an annotation whose quote is not in the text, and imports the rest', () => {
    const items = collection.first!.items;
    const edited = {
      ...collection,
      first: {
        ...collection.first!,
        items: [items[0], onlyQuote(items[1], 'Nobody said this.'), ...items.slice(2)],
      },
      unanchored: [],
    };
    const result = importW3cAnnotations(freshCopy(), edited);
    expect(result.created).toHaveLength(5);
    expect(result.unresolved).toEqual([
      { index: 1, id: items[1].id, exact: 'Nobody said this.', reason: 'quote not found in the article' },
    ]);
  });

  it('places a quote by its context, and refuses one found only where the context disagrees', () => {
    const [first] = collection.first!.items;
    const copy = freshCopy();
    const byContext = onlyQuote(first, 'the claims', 'rumour spreads online that ', ' were paid');
    const wrongContext = onlyQuote(first, 'the claims', 'completely different words ', ' and more');
    const result = importW3cAnnotations(copy, [byContext, wrongContext]);
    expect(result.created).toHaveLength(1);
    const [tag] = modelOf(copy).tags;
    expect(modelOf(copy).text.slice(tag.from - 12, tag.to)).toBe('online that the claims');
    expect(result.unresolved).toEqual([
      {
        index: 1,
        id: first.id,
        exact: 'the claims',
        reason: 'quote found only where its prefix and suffix do not match',
      },
    ]);
  });

  it('uses the position selector to choose between equal occurrences of a quote', () => {
    const second = collection.first!.items.find((annotation) => annotation.id.endsWith('/t-second'))!;
    const [, position] = second.target.selector;
    const bare = {
      ...second,
      target: { ...second.target, selector: [{ type: 'TextQuoteSelector', exact: 'the claims' }, position] },
    };
    const copy = freshCopy();
    importW3cAnnotations(copy, bare);
    const [tag] = modelOf(copy).tags;
    expect(position).toMatchObject({ start: tag.start, end: tag.end });
  });

  it('falls back to the position selector alone, taking the text there as the quote', () => {
    const rumour = collection.first!.items.find((annotation) => annotation.id.endsWith('/t-rumour'))!;
    const [, position] = rumour.target.selector;
    const copy = freshCopy();
    const result = importW3cAnnotations(copy, {
      ...rumour,
      target: { source: rumour.target.source, selector: [position] },
    });
    expect(result.unresolved).toEqual([]);
    expect(modelOf(copy).tags.map((tag) => tag.quote)).toEqual(['a rumour spreads online']);
    const outside = importW3cAnnotations(copy, {
      ...rumour,
      target: {
        source: rumour.target.source,
        selector: [{ type: 'TextPositionSelector', start: 5, end: 9999 }],
      },
    });
    expect(outside.unresolved).toEqual([
      { index: 0, id: rumour.id, reason: 'TextPositionSelector is outside the article text' },
    ]);
  });

  it('accepts a page, a single annotation and an array, and rejects what is not annotations', () => {
    const [one, two] = collection.first!.items;
    expect(importW3cAnnotations(freshCopy(), collection.first).created).toHaveLength(6);
    expect(importW3cAnnotations(freshCopy(), one).created).toHaveLength(1);
    expect(importW3cAnnotations(freshCopy(), [one, two]).created).toHaveLength(2);
    const collectionOfItems = { ...collection, first: undefined, items: [one] };
    expect(importW3cAnnotations(freshCopy(), collectionOfItems).created).toHaveLength(1);
    expect(() => importW3cAnnotations(freshCopy(), 'not json-ld')).toThrow(W3cInputError);
    expect(() => importW3cAnnotations(freshCopy(), { ...collection, first: 'https://x/page1' })).toThrow(
      /not embedded/u,
    );
  });

  it('reports labels that are not ours, bodies that are not tags and annotations that are not annotations', () => {
    const [one] = collection.first!.items;
    const result = importW3cAnnotations(freshCopy(), [
      { ...one, body: { type: 'TextualBody', purpose: 'tagging', value: 'satire' } },
      { ...one, body: { type: 'TextualBody', purpose: 'commenting', value: 'allegation' } },
      { ...one, type: 'Note' },
      { ...one, target: { source: one.target.source } },
      { ...one, body: [one.body, { type: 'TextualBody', purpose: 'tagging', value: 'Rumour' }] },
    ]);
    expect(result.created).toHaveLength(2);
    expect(result.unresolved.map(({ index, reason }) => [index, reason])).toEqual([
      [0, 'tag "satire" is not one of allegation, denial, rumour'],
      [1, 'no tagging body: expected a TextualBody with purpose "tagging"'],
      [2, 'not an annotation: type: type must include "Annotation"'],
      [3, 'no TextQuoteSelector or TextPositionSelector in its target'],
    ]);
  });

  it('keeps the creator and times, maps foreign creators to stable ids, and falls back to the given author', () => {
    const [one] = collection.first!.items;
    const foreign = {
      ...one,
      creator: { id: `https://example.org/people/${'x'.repeat(300)}`, name: 'Outsider' },
    };
    const anonymous = { ...one, creator: undefined, created: 'yesterday', modified: undefined };
    const copy = freshCopy();
    const result = importW3cAnnotations(copy, [one, foreign, anonymous], { author: IMPORTER, now: NOW });
    expect(result.unresolved).toEqual([]);
    const tags = readAnnotations(copy).valid;
    expect(tags.map((tag) => tag.author.id)).toEqual([
      one.creator.id.replace('urn:factcheck:reviewer:', ''),
      expect.stringMatching(/^w3c-[0-9a-f]{16}$/u),
      IMPORTER.id,
    ]);
    expect(tags[0]).toMatchObject({ author: AYESHA, createdAt: one.created, updatedAt: one.modified });
    expect(tags[1].author.name).toBe('Outsider');
    expect(tags[2]).toMatchObject({ createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    const again = importW3cAnnotations(freshCopy(), foreign);
    expect(again.created).toHaveLength(1);
    expect(importW3cAnnotations(freshCopy(), anonymous).unresolved).toEqual([
      {
        index: 0,
        id: one.id,
        exact: 'Ali Zafar denied the claims',
        reason: 'no creator, and no reviewer to record the tag as',
      },
    ]);
  });
});

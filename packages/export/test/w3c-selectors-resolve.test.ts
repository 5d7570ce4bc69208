// @vitest-environment jsdom
import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/formats/html.js';
import { renderW3c } from '../src/formats/w3c.js';
import { resolveTextPosition, resolveTextQuote } from '../src/selectors.js';
import {
  isW3cTagging,
  type TextPositionSelector,
  type TextQuoteSelector,
  type W3cAnnotation,
} from '../src/w3c-vocabulary.js';
import { modelOf, taggedArticle } from './w3c-article.js';

/**
 * Both selectors of every exported annotation resolve to exactly the tagged text: the position
 * selector by code-point slicing of the `txt` export, and both selectors with Apache Annotator's
 * DOM matchers against the `<article>` of the `html` export (in jsdom), and with our own resolver.
 */

const model = modelOf(taggedArticle());
const annotations = renderW3c(model).first!.items.filter(isW3cTagging);
const page = new DOMParser().parseFromString(renderHtml(model), 'text/html');
const article = page.querySelector('article')!;

function selectorsOf(annotation: W3cAnnotation): {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
} {
  const [quote, position] = annotation.target.selector;
  if (quote.type !== 'TextQuoteSelector' || position?.type !== 'TextPositionSelector') {
    throw new Error(`${annotation.id}: expected a quote and a position selector`);
  }
  return { quote, position };
}

function tagOf(annotation: W3cAnnotation) {
  return model.tags.find((tag) => annotation.id.endsWith(`/${encodeURIComponent(tag.id)}`))!;
}

/** UTF-16 offset of a DOM point in the article's text. */
function offsetInArticle(node: Node, offset: number): number {
  const range = page.createRange();
  range.setStart(article, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

async function collect(matches: AsyncIterable<Range>): Promise<{ text: string; from: number; to: number }[]> {
  const found = [];
  for await (const range of matches) {
    found.push({
      text: range.toString(),
      from: offsetInArticle(range.startContainer, range.startOffset),
      to: offsetInArticle(range.endContainer, range.endOffset),
    });
  }
  return found;
}

describe('w3c selectors resolve to the tagged text', () => {
  it('exports the tags the test needs: after emoji and Urdu, across paragraphs, overlapping', () => {
    expect(article.textContent).toBe(model.text);
    expect(annotations).toHaveLength(6);
    const denial = tagOf(annotations.find((annotation) => annotation.id.endsWith('/t-denial'))!);
    // 😀 and 👩‍👩‍👧 (three emoji joined by two U+200D) in the heading and in the paragraph.
    expect(denial.from - denial.start).toBe(8);
    expect(model.text.slice(0, denial.from)).toMatch(/پس منظر/u);
    expect(model.tags.some((tag) => tag.quote.includes('\n\n'))).toBe(true);
  });

  it.each(annotations.map((annotation) => [annotation.id.split('/').pop()!, annotation] as const))(
    '%s: the position selector slices the txt export by code points to the quote',
    (_id, annotation) => {
      const { quote, position } = selectorsOf(annotation);
      expect([...model.text].slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(quote.exact).toBe(tagOf(annotation).quote);
    },
  );

  it.each(annotations.map((annotation) => [annotation.id.split('/').pop()!, annotation] as const))(
    "%s: Apache Annotator's quote and position matchers find exactly the tag in the html <article>",
    async (_id, annotation) => {
      const { quote, position } = selectorsOf(annotation);
      const tag = tagOf(annotation);
      const expected = [{ text: tag.quote, from: tag.from, to: tag.to }];
      expect(await collect(createTextQuoteSelectorMatcher(quote)(article))).toEqual(expected);
      expect(await collect(createTextPositionSelectorMatcher(position)(article))).toEqual(expected);
    },
  );

  it.each(annotations.map((annotation) => [annotation.id.split('/').pop()!, annotation] as const))(
    '%s: our own resolver finds the same span, with its context in full',
    (_id, annotation) => {
      const { quote, position } = selectorsOf(annotation);
      const tag = tagOf(annotation);
      expect(resolveTextQuote(model.text, quote, null)).toEqual({
        ok: true,
        context: 'exact',
        from: tag.from,
        to: tag.to,
      });
      expect(resolveTextPosition(model.text, position)).toEqual({ from: tag.from, to: tag.to });
    },
  );
});

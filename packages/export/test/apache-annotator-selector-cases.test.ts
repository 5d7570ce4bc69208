// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTextPositionSelectorMatcher,
  createTextQuoteSelectorMatcher,
  describeTextQuote,
} from '@apache-annotator/dom';
import { describe, expect, it } from 'vitest';
import { exactQuoteMatches, resolveTextPosition, resolveTextQuote } from '../src/selectors.js';
import type { TextPositionSelector, TextQuoteSelector } from '../src/w3c-vocabulary.js';

/**
 * Apache Annotator's own test cases for text quote and text position selectors, run through
 * `@apache-annotator/dom` in jsdom to show the DOM setup of our `w3c` tests is sound, then through
 * our plain-text resolver on the document's text, which must find the same spans.
 */

interface XPathRange {
  readonly startContainerXPath: string;
  readonly startOffset: number;
  readonly endContainerXPath: string;
  readonly endOffset: number;
}

interface MatchCase<S> {
  readonly html: string;
  readonly selector: S;
  readonly expected: readonly XPathRange[];
}

interface DescribeCase {
  readonly html: string;
  readonly range: XPathRange;
  readonly options: Record<string, unknown>;
  readonly expected: TextQuoteSelector;
}

const cases = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../../shared/standards/apache-annotator-selector-cases.json'),
    'utf8',
  ),
) as {
  'text-quote-match-cases': { testCases: Record<string, MatchCase<TextQuoteSelector>> };
  'text-quote-describe-cases': Record<string, Record<string, DescribeCase>>;
  'text-position-match-cases': { testCases: Record<string, MatchCase<TextPositionSelector>> };
};

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function textNodes(doc: Document): Text[] {
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function evaluate(doc: Document, xpath: string): Node {
  const node = doc.evaluate(xpath, doc, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
  if (!node) throw new Error(`no node at ${xpath}`);
  return node;
}

/** A DOM point as (text node number, offset) and as an offset into the document's whole text. */
function point(doc: Document, node: Node, offset: number): { node: number; offset: number; inText: number } {
  const nodes = textNodes(doc);
  const index = nodes.indexOf(node as Text);
  if (index < 0) throw new Error('expected a text node');
  const before = nodes.slice(0, index).reduce((sum, text) => sum + text.data.length, 0);
  return { node: index, offset, inText: before + offset };
}

function expectedPoints(doc: Document, range: XPathRange) {
  return {
    start: point(doc, evaluate(doc, range.startContainerXPath), range.startOffset),
    end: point(doc, evaluate(doc, range.endContainerXPath), range.endOffset),
  };
}

function toDomRange(doc: Document, range: XPathRange): Range {
  const dom = doc.createRange();
  dom.setStart(evaluate(doc, range.startContainerXPath), range.startOffset);
  dom.setEnd(evaluate(doc, range.endContainerXPath), range.endOffset);
  return dom;
}

async function matchedPoints(doc: Document, matches: AsyncIterable<Range>) {
  const found = [];
  for await (const range of matches) {
    found.push({
      start: point(doc, range.startContainer, range.startOffset),
      end: point(doc, range.endContainer, range.endOffset),
    });
  }
  return found;
}

/** The whole text the matchers search: every text node of the document, in order. */
function documentText(doc: Document): string {
  return textNodes(doc)
    .map((node) => node.data)
    .join('');
}

const quoteMatchCases = Object.entries(cases['text-quote-match-cases'].testCases);
const positionMatchCases = Object.entries(cases['text-position-match-cases'].testCases);
const describeCases = Object.entries(cases['text-quote-describe-cases']).flatMap(([group, entries]) =>
  Object.entries(entries).map(([name, testCase]) => [`${group}: ${name}`, testCase] as const),
);
const emptyQuote = (selector: TextQuoteSelector) => selector.exact === '';

describe("Apache Annotator's selector cases through @apache-annotator/dom in jsdom", () => {
  it('has the cases the source lists', () => {
    expect([quoteMatchCases.length, positionMatchCases.length, describeCases.length]).toEqual([25, 7, 22]);
  });

  it.each(quoteMatchCases)('text quote match: %s', async (_name, testCase) => {
    const doc = parse(testCase.html);
    const found = await matchedPoints(doc, createTextQuoteSelectorMatcher(testCase.selector)(doc));
    expect(found).toEqual(testCase.expected.map((range) => expectedPoints(doc, range)));
  });

  it.each(positionMatchCases)('text position match: %s', async (_name, testCase) => {
    const doc = parse(testCase.html);
    const found = await matchedPoints(doc, createTextPositionSelectorMatcher(testCase.selector)(doc));
    expect(found).toEqual(testCase.expected.map((range) => expectedPoints(doc, range)));
  });

  it.each(describeCases)('text quote describe: %s', async (_name, testCase) => {
    const doc = parse(testCase.html);
    expect(await describeTextQuote(toDomRange(doc, testCase.range), doc, testCase.options)).toEqual(
      testCase.expected,
    );
  });
});

describe('the same cases through our plain-text resolver on the document text', () => {
  it.each(quoteMatchCases.filter(([, testCase]) => !emptyQuote(testCase.selector)))(
    'text quote match: %s',
    (_name, testCase) => {
      const doc = parse(testCase.html);
      const text = documentText(doc);
      const expected = testCase.expected.map((range) => {
        const { start, end } = expectedPoints(doc, range);
        return { from: start.inText, to: end.inText };
      });
      // Every occurrence whose context agrees in full: exactly what the W3C matcher finds.
      expect(exactQuoteMatches(text, testCase.selector)).toEqual(expected);
      const resolved = resolveTextQuote(text, testCase.selector, null);
      if (expected.length > 0) {
        expect(resolved).toEqual({ ok: true, context: 'exact', ...expected[0] });
      } else {
        // Where the W3C match fails, ours never claims a full-context match (it may fall back).
        expect(resolved.ok && resolved.context === 'exact').toBe(false);
      }
    },
  );

  it.each(quoteMatchCases.filter(([, testCase]) => emptyQuote(testCase.selector)))(
    'text quote match: %s — not comparable: an empty quote is no tag, our resolver finds no span for it',
    (_name, testCase) => {
      expect(exactQuoteMatches(documentText(parse(testCase.html)), testCase.selector)).toEqual([]);
    },
  );

  it.each(positionMatchCases)('text position match (code points, emoji before): %s', (_name, testCase) => {
    const doc = parse(testCase.html);
    const [range] = testCase.expected;
    const { start, end } = expectedPoints(doc, range);
    expect(resolveTextPosition(documentText(doc), testCase.selector)).toEqual({
      from: start.inText,
      to: end.inText,
    });
  });

  it.each(describeCases.filter(([, testCase]) => !emptyQuote(testCase.expected)))(
    'text quote describe: %s — the described selector resolves back to its range',
    (_name, testCase) => {
      const doc = parse(testCase.html);
      const { start, end } = expectedPoints(doc, testCase.range);
      const text = documentText(doc);
      expect(exactQuoteMatches(text, testCase.expected)).toEqual([{ from: start.inText, to: end.inText }]);
      expect(resolveTextQuote(text, testCase.expected, null)).toEqual({
        ok: true,
        context: 'exact',
        from: start.inText,
        to: end.inText,
      });
    },
  );

  it.each(describeCases.filter(([, testCase]) => emptyQuote(testCase.expected)))(
    'text quote describe: %s — not comparable: an empty quote is no tag, our resolver refuses it',
    (_name, testCase) => {
      expect(resolveTextQuote(documentText(parse(testCase.html)), testCase.expected, null)).toEqual({
        ok: false,
        reason: 'not-found',
      });
    },
  );
});

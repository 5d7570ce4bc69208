import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  bestQuoteMatch,
  createAnchor,
  findQuoteMatches,
  getAnnotationsMap,
  getContent,
  quoteAt,
  readAnnotations,
  similarity,
} from '../src/index.js';
import {
  buildArticle,
  coveredText,
  deleteParagraph,
  deleteText,
  insertParagraph,
  insertText,
  projectionOf,
  resolveTag,
  tagRange,
  textOf,
} from './helpers/article-builder.js';

/** Moves a paragraph the way the editor binding does: the old element goes, a new one with the same text comes. */
function moveParagraph(doc: Y.Doc, from: number, to: number): void {
  const element = getContent(doc).get(from) as Y.XmlElement;
  const text = (element.get(0) as Y.XmlText).toString();
  deleteParagraph(doc, from);
  insertParagraph(doc, to, text);
}

const STATEMENT =
  'In a statement to the media, Meesha said she <a>got booked for a concert<b> and was jamming with her band in Lahore.';

describe('re-anchoring from the quote when positions fail', () => {
  it('finds a moved paragraph’s tag again by its quote and context', () => {
    const { doc, marks } = buildArticle(
      STATEMENT,
      'Meanwhile, the organisers stayed silent.',
      'Closing paragraph.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    moveParagraph(doc, 0, 2);
    const text = textOf(doc);
    const at = text.indexOf('got booked for a concert');
    expect(at).toBeGreaterThan(marks.a);
    const resolved = resolveTag(doc, id);
    expect(resolved).toMatchObject({
      status: 'reanchored',
      from: at,
      to: at + 'got booked for a concert'.length,
    });
  });

  it('lets the context choose between several occurrences of the quote', () => {
    const { doc, marks } = buildArticle(
      'Meesha Shafi said one thing first. Later <a>Meesha Shafi<b> said another thing entirely to the press.',
      'Ali Zafar answered Meesha Shafi in court.',
      'A third paragraph mentions Meesha Shafi again.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    moveParagraph(doc, 0, 2);
    const text = textOf(doc);
    const occurrences = findQuoteMatches(text, 'Meesha Shafi', '', '').map((match) => match.start);
    expect(occurrences).toHaveLength(4);
    const expected = text.indexOf('Later Meesha Shafi') + 'Later '.length;
    expect(resolveTag(doc, id)).toMatchObject({ status: 'reanchored', from: expected, to: expected + 12 });
  });

  it('follows a passage cut with its surroundings and pasted elsewhere', () => {
    const { doc, marks } = buildArticle(
      'Opening words. <c>The FIA report found <a>him guilty of smearing<b> the singer last year.<d> Closing words.',
      'Second paragraph here.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    const passage = textOf(doc).slice(marks.c, marks.d);
    deleteText(doc, marks.c, marks.d);
    insertText(doc, textOf(doc).length, ` ${passage}`);
    const resolved = resolveTag(doc, id);
    expect(resolved.status).toBe('reanchored');
    expect(coveredText(doc, resolved)).toBe('him guilty of smearing');
    expect(resolved.from).toBe(textOf(doc).indexOf('him guilty'));
  });

  it('takes the only remaining occurrence of a moved whole-paragraph tag, even with changed context', () => {
    const { doc, marks } = buildArticle('A.', '<a>Short quoted line.<b>', 'B.', 'C.');
    const id = tagRange(doc, marks.a, marks.b)!;
    moveParagraph(doc, 1, 3);
    expect(textOf(doc)).toBe('A.\n\nB.\n\nC.\n\nShort quoted line.');
    expect(resolveTag(doc, id)).toMatchObject({ status: 'reanchored', from: 12, to: 30 });
  });

  it('orphans a moved tag whose context changed when its quote occurs more than once', () => {
    const { doc, marks } = buildArticle(
      'A.',
      '<a>fake news<b>',
      'B said fake news.',
      'C said fake news too.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    moveParagraph(doc, 1, 3);
    expect(resolveTag(doc, id)).toMatchObject({ status: 'orphaned', from: null, to: null });
  });

  it('re-anchors from stored JSON whose positions point into a deleted paragraph', () => {
    const { doc, marks } = buildArticle('Intro text.', STATEMENT);
    const id = tagRange(doc, marks.a, marks.b)!;
    const entry = getAnnotationsMap(doc).get(id)!;
    const stale = Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(
        (getContent(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText,
        2,
        0,
      ),
    );
    deleteParagraph(doc, 0);
    // Now points into a paragraph that is gone.
    entry.set('anchor', { ...(entry.get('anchor') as Record<string, unknown>), start: stale });
    const resolved = resolveTag(doc, id);
    expect(resolved.status).toBe('reanchored');
    expect(coveredText(doc, resolved)).toBe('got booked for a concert');
  });
});

describe('whole characters only', () => {
  const EMOJI = '😀';

  it('widens a range that starts or ends inside a surrogate pair', () => {
    const { doc } = buildArticle(`ab${EMOJI}cd${EMOJI}ef`);
    const anchor = createAnchor(projectionOf(doc), 3, 7)!;
    expect(anchor.quote).toBe(`${EMOJI}cd${EMOJI}`);
    expect(anchor.prefix).toBe('ab');
    expect(anchor.suffix).toBe('ef');
  });

  it('keeps context from ending inside a surrogate pair', () => {
    const text = `${EMOJI.repeat(20)}quote${EMOJI.repeat(20)}`;
    const from = 40;
    const context = quoteAt(text, from, from + 5);
    expect(context.quote).toBe('quote');
    expect(context.prefix).toBe(EMOJI.repeat(16)); // 32 units: whole emoji
    expect(context.suffix).toBe(EMOJI.repeat(16));
    // One unit further, 32 units would cut an emoji in half: the context is one unit shorter.
    expect(quoteAt(text, from + 1, from + 5).prefix).toBe(`${EMOJI.repeat(15)}q`);
    expect(quoteAt(text, from, from + 4).suffix).toBe(`e${EMOJI.repeat(15)}`);
  });

  it('stores the same quote and context on the writer and its peers, who resolve it alike', () => {
    const { doc } = buildArticle(`${'😀'.repeat(40)} the tagged words ${'🎉'.repeat(40)}`);
    const id = tagRange(doc, 81, 97)!;
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(getAnnotationsMap(peer).get(id)!.toJSON()).toEqual(getAnnotationsMap(doc).get(id)!.toJSON());
    expect(readAnnotations(peer).valid[0].quote).toBe('the tagged words');
    expect(resolveTag(peer, id)).toMatchObject({ status: 'anchored', from: 81, to: 97 });
    expect(resolveTag(doc, id)).toMatchObject({ status: 'anchored', from: 81, to: 97 });
  });
});

describe('quote search', () => {
  it('scores each occurrence by how much of the stored context agrees', () => {
    const matches = findQuoteMatches('xx said no. yy said no.', 'said no', 'yy ', '.');
    expect(matches).toEqual([
      { start: 3, end: 10, contextScore: 2 },
      { start: 15, end: 22, contextScore: 4 },
    ]);
    expect(findQuoteMatches('anything', '', 'a', 'b')).toEqual([]);
  });

  it('prefers the best context, then the occurrence nearest the hint', () => {
    const text = 'no. no. no. no.';
    expect(bestQuoteMatch(text, 'no', '', '', null)?.start).toBe(0);
    expect(bestQuoteMatch(text, 'no', '', '', 9)?.start).toBe(8);
    expect(bestQuoteMatch(text, 'no', '. ', '', 0)?.start).toBe(4);
    expect(bestQuoteMatch(text, 'yes', '', '', 0)).toBeNull();
  });

  it('measures similarity as one minus the edit distance share', () => {
    expect(similarity('denied all', 'denied all')).toBe(1);
    expect(similarity('denied all', 'deniedall')).toBeCloseTo(0.9);
    expect(similarity('', 'x')).toBe(0);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('a'.repeat(3000), 'a'.repeat(2999))).toBe(0); // too long to compare
  });
});

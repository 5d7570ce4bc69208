import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  compareByPosition,
  createAnchor,
  readAnnotations,
  resolveAnnotations,
  type ResolvedAnnotation,
} from '../src/index.js';
import {
  buildArticle,
  coveredText,
  deleteParagraph,
  deleteText,
  insertText,
  projectionOf,
  refreshQuotes,
  resolveTag,
  tagRange,
  textOf,
} from './helpers/article-builder.js';

function placed(resolved: ResolvedAnnotation) {
  return { status: resolved.status, from: resolved.from, to: resolved.to };
}

describe('createAnchor', () => {
  it('anchors a range across a word and resolves to the same offsets and quote', () => {
    const { doc, marks } = buildArticle(
      'Ali Zafar has <a>denied all<b> the allegations.',
      'Second paragraph.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    const resolved = resolveTag(doc, id);
    expect(placed(resolved)).toEqual({ status: 'anchored', from: marks.a, to: marks.b });
    expect(resolved.annotation.quote).toBe('denied all');
    expect(resolved.annotation.prefix).toBe('Ali Zafar has ');
    expect(resolved.annotation.suffix).toBe(' the allegations.\n\nSecond paragr'); // 32 units
  });

  it('anchors a range that starts and ends inside words', () => {
    const { doc, marks } = buildArticle('Ali Za<a>far has den<b>ied all the allegations.');
    const id = tagRange(doc, marks.b, marks.a)!; // backwards selections count too
    expect(placed(resolveTag(doc, id))).toEqual({ status: 'anchored', from: marks.a, to: marks.b });
    expect(resolveTag(doc, id).annotation.quote).toBe('far has den');
  });

  it('leaves block separators and spaces at the edges out of the quote', () => {
    const { doc, marks } = buildArticle('First para<a>', '<b>graph two<c> ', 'three');
    const anchor = createAnchor(projectionOf(doc), marks.a, marks.c + 2)!;
    expect(anchor.quote).toBe('graph two');
    expect(createAnchor(projectionOf(doc), marks.a, marks.b)).toBeNull();
    expect(createAnchor(projectionOf(doc), 3, 3)).toBeNull();
  });

  it('clamps a range that runs past the text', () => {
    const { doc } = buildArticle('Short text');
    expect(createAnchor(projectionOf(doc), -5, 500)?.quote).toBe('Short text');
  });
});

describe('typing at the edges of a tag', () => {
  it('keeps text typed at the start edge outside the tag', () => {
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    insertText(doc, marks.a, 'firmly ');
    const resolved = resolveTag(doc, id);
    expect(placed(resolved)).toEqual({ status: 'anchored', from: marks.a + 7, to: marks.b + 7 });
    expect(coveredText(doc, resolved)).toBe('denied all');
  });

  it('keeps text typed at the end edge outside the tag', () => {
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    insertText(doc, marks.b, ' of');
    expect(textOf(doc)).toContain('denied all of the');
    expect(placed(resolveTag(doc, id))).toEqual({ status: 'anchored', from: marks.a, to: marks.b });
  });

  it('keeps text typed at the edges outside a tag that fills its paragraph', () => {
    const { doc, marks } = buildArticle('Before.', '<a>Whole paragraph<b>', 'After.');
    const id = tagRange(doc, marks.a, marks.b)!;
    insertText(doc, marks.b, ' ends here');
    insertText(doc, marks.a, 'It starts: ');
    const resolved = resolveTag(doc, id);
    expect(resolved.status).toBe('anchored');
    expect(coveredText(doc, resolved)).toBe('Whole paragraph');
    expect(textOf(doc)).toBe('Before.\n\nIt starts: Whole paragraph ends here\n\nAfter.');
  });
});

describe('editing inside a tag', () => {
  it('makes the tag follow the edited text, drifted until its quote is refreshed', () => {
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    insertText(doc, marks.a + 6, ' almost');
    const drifted = resolveTag(doc, id);
    expect(placed(drifted)).toEqual({ status: 'drifted', from: marks.a, to: marks.b + 7 });
    expect(coveredText(doc, drifted)).toBe('denied almost all');

    expect(refreshQuotes(doc)).toBe(1);
    const refreshed = resolveTag(doc, id);
    expect(placed(refreshed)).toEqual({ status: 'anchored', from: marks.a, to: marks.b + 7 });
    expect(refreshed.annotation.quote).toBe('denied almost all');
  });

  it('stops following once the text is rewritten, though it followed that tag before', () => {
    // Resolving remembers each tag's last drift test; a new text under the tag must be tested anew.
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    insertText(doc, marks.a + 6, ' x');
    expect(resolveTag(doc, id).status).toBe('drifted');
    expect(resolveTag(doc, id).status).toBe('drifted');
    insertText(doc, marks.a + 8, ' quite unlike what was there');
    expect(resolveTag(doc, id).status).toBe('orphaned');
    deleteText(doc, marks.a + 8, marks.a + 36);
    expect(resolveTag(doc, id).status).toBe('drifted');
  });

  it('follows a deletion inside the tag', () => {
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    deleteText(doc, marks.a + 6, marks.a + 7); // the space
    const resolved = resolveTag(doc, id);
    expect(placed(resolved)).toEqual({ status: 'drifted', from: marks.a, to: marks.b - 1 });
    expect(coveredText(doc, resolved)).toBe('deniedall');
  });

  it('follows the surviving text when one edge is deleted', () => {
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    deleteText(doc, marks.a - 4, marks.a + 3); // "has den"
    const resolved = resolveTag(doc, id);
    expect(resolved.status).toBe('drifted');
    expect(coveredText(doc, resolved)).toBe('ied all');
  });
});

describe('deleting text around and under a tag', () => {
  it('orphans a tag whose text is deleted, rather than placing it on a repeat of its quote', () => {
    const { doc, marks } = buildArticle(
      'Shafi said the claim <a>was false<b> on Monday.',
      'Zafar later repeated that it was false in court.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    deleteText(doc, marks.a, marks.b);
    expect(textOf(doc).split('was false')).toHaveLength(2); // exactly one repeat left
    expect(placed(resolveTag(doc, id))).toEqual({ status: 'orphaned', from: null, to: null });
  });

  it('orphans a tag whose text is deleted together with some of its surroundings', () => {
    const { doc, marks } = buildArticle('Shafi said the claim <a>was false<b> on Monday.', 'Other text.');
    const id = tagRange(doc, marks.a, marks.b)!;
    deleteText(doc, marks.a - 6, marks.b + 3);
    expect(placed(resolveTag(doc, id))).toEqual({ status: 'orphaned', from: null, to: null });
  });

  it('orphans a tag whose paragraph is deleted', () => {
    const { doc, marks } = buildArticle(
      'Intro.',
      'Shafi said the claim <a>was false<b> on Monday.',
      'Outro.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    deleteParagraph(doc, 1);
    expect(placed(resolveTag(doc, id))).toEqual({ status: 'orphaned', from: null, to: null });
  });

  it('keeps a tag on its text when a paragraph before it is deleted', () => {
    const { doc, marks } = buildArticle(
      'A first paragraph to delete.',
      'Ali Zafar has <a>denied all<b> the allegations.',
    );
    const id = tagRange(doc, marks.a, marks.b)!;
    deleteParagraph(doc, 0);
    const shift = 'A first paragraph to delete.\n\n'.length;
    const resolved = resolveTag(doc, id);
    expect(placed(resolved)).toEqual({ status: 'anchored', from: marks.a - shift, to: marks.b - shift });
    expect(coveredText(doc, resolved)).toBe('denied all');
  });

  it('keeps a tag anchored when text next to it is deleted', () => {
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    deleteText(doc, marks.b, marks.b + 4); // " the"
    deleteText(doc, 0, marks.a); // everything before
    expect(placed(resolveTag(doc, id))).toEqual({ status: 'anchored', from: 0, to: 10 });
  });
});

describe('a tag across two paragraphs', () => {
  it('anchors across the block separator and keeps edge typing outside', () => {
    const { doc, marks } = buildArticle('One: first <a>half', 'second<b> half.');
    const id = tagRange(doc, marks.a, marks.b)!;
    expect(resolveTag(doc, id).annotation.quote).toBe('half\n\nsecond');
    insertText(doc, marks.b, ' and a');
    insertText(doc, marks.a, 'the ');
    const resolved = resolveTag(doc, id);
    expect(placed(resolved)).toEqual({ status: 'anchored', from: marks.a + 4, to: marks.b + 4 });
    expect(coveredText(doc, resolved)).toBe('half\n\nsecond');
  });

  it('drifts when text is typed at the end of the first paragraph, inside the tag', () => {
    const { doc, marks } = buildArticle('One: first <a>half<c>', 'second<b> half.');
    const id = tagRange(doc, marks.a, marks.b)!;
    insertText(doc, marks.c, '!');
    const resolved = resolveTag(doc, id);
    expect(resolved.status).toBe('drifted');
    expect(coveredText(doc, resolved)).toBe('half!\n\nsecond');
  });
});

describe('peers and ordering', () => {
  it('resolves the same on a peer that received the document as an update', () => {
    const { doc, marks } = buildArticle('Ali Zafar has <a>denied all<b> the allegations.');
    const id = tagRange(doc, marks.a, marks.b)!;
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(placed(resolveTag(peer, id))).toEqual(placed(resolveTag(doc, id)));
  });

  it('resolves tags against the default projection and orders them by position, orphans last', () => {
    const { doc, marks } = buildArticle('<a>One<b> two <c>three<d> four', '<e>five<f>');
    const late = tagRange(doc, marks.e, marks.f)!;
    const outer = tagRange(doc, marks.a, marks.d)!;
    const innerNewer = tagRange(doc, marks.a, marks.b, { now: new Date('2024-05-02T00:00:00Z') })!;
    const innerOlder = tagRange(doc, marks.a, marks.b, { now: new Date('2024-05-01T00:00:00Z') })!;
    const gone = tagRange(doc, marks.c, marks.d)!;
    const resolvedOrder = () =>
      resolveAnnotations(doc, readAnnotations(doc).valid)
        .sort(compareByPosition)
        .map((tag) => tag.annotation.id);
    expect(resolvedOrder()).toEqual([outer, innerOlder, innerNewer, gone, late]);
    deleteText(doc, marks.c, marks.d);
    expect(resolvedOrder()).toEqual([outer, innerOlder, innerNewer, late, gone]);
  });
});

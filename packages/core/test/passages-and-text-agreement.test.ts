import { describe, expect, it } from 'vitest';
import {
  findPassages,
  krippendorffAlphaNominal,
  textAgreement,
  textAlpha,
  type ReviewTag,
} from '../src/index.js';

let clock = 0;
function tag(
  id: string,
  authorId: string,
  label: ReviewTag['label'],
  start: number,
  end: number,
  extra: Partial<ReviewTag> = {},
): ReviewTag {
  clock += 1;
  return {
    id,
    authorId,
    label,
    start,
    end,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, clock)).toISOString(),
    ...extra,
  };
}

describe('passages', () => {
  it('groups overlapping tags into maximal stretches in text order; touching tags stay apart', () => {
    const passages = findPassages([
      tag('c', 'r1', 'rumour', 30, 40),
      tag('a', 'r1', 'allegation', 0, 10),
      tag('b', 'r2', 'allegation', 5, 20),
      tag('d', 'r2', 'rumour', 40, 45),
    ]);
    expect(passages.map((p) => [p.start, p.end, p.annotations])).toEqual([
      [0, 20, ['a', 'b']],
      [30, 40, ['c']],
      [40, 45, ['d']],
    ]);
  });

  it('is disputed when labels differ, when reviewers’ boundaries differ, or when marked disputed', () => {
    const [labels] = findPassages([tag('a', 'r1', 'allegation', 0, 10), tag('b', 'r2', 'denial', 0, 10)]);
    expect(labels.reasons).toEqual(['labels-differ']);
    const [bounds] = findPassages([tag('a', 'r1', 'rumour', 0, 10), tag('b', 'r2', 'rumour', 2, 10)]);
    expect(bounds.reasons).toEqual(['boundaries-differ']);
    const [same] = findPassages([tag('a', 'r1', 'rumour', 0, 10), tag('b', 'r2', 'rumour', 0, 10)]);
    expect(same.disputed).toBe(false);
    const [ownNested] = findPassages([tag('a', 'r1', 'rumour', 0, 10), tag('b', 'r1', 'rumour', 2, 5)]);
    expect(ownNested.disputed).toBe(false);
    const [marked] = findPassages([tag('a', 'r1', 'denial', 0, 10, { status: 'disputed' })]);
    expect(marked.reasons).toEqual(['marked-disputed']);
  });
});

describe('agreement over code points', () => {
  it('equals alpha computed unit by unit, with none for untagged units', () => {
    const tags = [
      tag('a', 'r1', 'allegation', 0, 6),
      tag('b', 'r2', 'allegation', 2, 6),
      tag('c', 'r2', 'denial', 8, 10),
      tag('d', 'r3', 'rumour', 0, 3),
    ];
    const length = 12;
    const byUnit = Array.from({ length }, (_, unit) =>
      ['r1', 'r2', 'r3'].map((reviewer) => {
        const covering = tags.filter((t) => t.authorId === reviewer && t.start <= unit && unit < t.end);
        return covering.length ? covering[covering.length - 1].label : 'none';
      }),
    );
    const result = textAgreement(tags, length);
    expect(result.reviewers).toEqual(['r1', 'r2', 'r3']);
    expect(result.alpha).toBeCloseTo(krippendorffAlphaNominal(byUnit)!, 12);
    // The summary's alpha alone is the same figure.
    expect(textAlpha(tags, length)).toBe(result.alpha);
    expect(result.kappa.map((k) => [k.a, k.b])).toEqual([
      ['r1', 'r2'],
      ['r1', 'r3'],
      ['r2', 'r3'],
    ]);
  });

  it('uses the most recently created tag where a reviewer’s tags overlap, and ignores adjudicated tags', () => {
    const tags = [
      tag('old', 'r1', 'allegation', 0, 10),
      tag('new', 'r1', 'denial', 0, 10),
      tag('other', 'r2', 'denial', 0, 10),
      tag('decided', 'lead', 'rumour', 0, 10, { adjudicated: true }),
    ];
    const result = textAgreement(tags, 10);
    expect(result.reviewers).toEqual(['r1', 'r2']);
    expect(result.kappa[0].confusion.get('denial')?.get('denial')).toBe(10);
  });

  it('has no alpha with fewer than two reviewers', () => {
    expect(textAgreement([tag('a', 'r1', 'rumour', 0, 3)], 10).alpha).toBeNull();
    expect(textAlpha([tag('a', 'r1', 'rumour', 0, 3)], 10)).toBeNull();
    expect(textAlpha([], 10)).toBeNull();
  });
});

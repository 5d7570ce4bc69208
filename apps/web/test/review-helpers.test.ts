import { describe, expect, it } from 'vitest';
import type { Adjudication, ReviewPassage } from '@factcheck/core';
import { describeHistoryEntry } from '../src/article/details/history-text.js';
import { rangeOf } from '../src/article/review/merge-bounds.js';
import { passageDecision } from '../src/article/review/passage-decisions.js';

const lead = { id: 'lead', name: 'Lena' };

function passage(annotations: string[], adjudication: Adjudication | null): ReviewPassage {
  return {
    start: 0,
    end: 10,
    quote: 'x',
    annotations,
    disputed: true,
    reasons: ['labels-differ'],
    adjudication,
  };
}

function decision(fields: Partial<Adjudication>): Adjudication {
  return {
    id: 'adj-1',
    kind: 'merge',
    annotationIds: ['a', 'b'],
    resultId: 'r',
    decidedBy: lead,
    decidedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

describe('merge boundaries', () => {
  const spans = [
    { id: 'a', from: 10, to: 40 },
    { id: 'b', from: 20, to: 50 },
  ];
  it('takes the text every tag covers, all the text any covers, or one tag’s span', () => {
    expect(rangeOf({ kind: 'shortest' }, spans)).toEqual({ from: 20, to: 40 });
    expect(rangeOf({ kind: 'longest' }, spans)).toEqual({ from: 10, to: 50 });
    expect(rangeOf({ kind: 'tag', id: 'b' }, spans)).toEqual({ from: 20, to: 50 });
  });
  it('has no shortest common span when the tags only overlap in a chain', () => {
    const chain = [...spans, { id: 'c', from: 45, to: 60 }];
    expect(rangeOf({ kind: 'shortest' }, chain)).toBeNull();
    expect(rangeOf({ kind: 'longest' }, chain)).toEqual({ from: 10, to: 60 });
  });
});

describe('passage decisions', () => {
  it('is decided while the decided tag lives and the decision covers every tag', () => {
    expect(passageDecision(passage(['a', 'b'], decision({})), new Set(['a', 'b', 'r'])).state).toBe(
      'decided',
    );
  });
  it('is open again when the decided tag is gone (undone or removed)', () => {
    expect(passageDecision(passage(['a', 'b'], decision({})), new Set(['a', 'b'])).state).toBe('open');
  });
  it('is reopened when tags were added after the decision; a dismissal needs no decided tag', () => {
    const dismissal = decision({ kind: 'dismiss', resultId: undefined });
    expect(passageDecision(passage(['a', 'b', 'c'], dismissal), new Set(['a', 'b', 'c'])).state).toBe(
      'reopened',
    );
    expect(passageDecision(passage(['a', 'b'], dismissal), new Set(['a', 'b'])).state).toBe('decided');
  });
});

describe('history in words', () => {
  const quoteOf = (id: string) => (id === 'a-1' ? 'the allegation' : null);
  const at = '2026-01-01T00:00:00.000Z';
  it('names labels, verdicts and linked tags by their quote', () => {
    expect(
      describeHistoryEntry({ at, by: lead, action: 'label', detail: 'allegation → denial' }, quoteOf),
    ).toBe('changed the label: Allegation → Denial');
    expect(describeHistoryEntry({ at, by: lead, action: 'status', detail: 'resolved: False' }, quoteOf)).toBe(
      'resolved it: False',
    );
    expect(describeHistoryEntry({ at, by: lead, action: 'link', detail: 'responds to a-1' }, quoteOf)).toBe(
      'linked it as answering “the allegation”',
    );
    expect(describeHistoryEntry({ at, by: null, action: 'created', detail: 'rumour' }, quoteOf, true)).toBe(
      'decided it as Unverified rumour',
    );
  });
});

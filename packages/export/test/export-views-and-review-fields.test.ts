import { describe, expect, it } from 'vitest';
import { dismissPassage } from '@factcheck/core';
import { buildExportModel, isExportView } from '../src/export-model.js';
import {
  HOSTILE_COMMENT,
  LEAD_REVIEWER,
  PLAIN_REVIEWER,
  reviewedArticleDoc,
  reviewedArticleModel,
  reviewTime,
  SCRIPT_URL,
  XSS_REVIEWER,
} from './tagged-article-fixture.js';

/**
 * Which tags an export takes (`adjudicated` by default, or `all`) and the review fields each
 * exported tag carries: status, claimant, verdict, decision, thread, evidence and links.
 */

describe('export views', () => {
  it('shows the decided tag instead of the tags it settled by default, and no decided tag with `all`', () => {
    const adjudicated = reviewedArticleModel();
    expect(adjudicated.view).toBe('adjudicated');
    const ids = adjudicated.tags.map((tag) => tag.id);
    expect(ids).not.toContain('tag-quote');
    expect(ids).not.toContain('tag-quote-rival');
    const decided = adjudicated.tags.filter((tag) => tag.adjudicated);
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({
      label: 'denial',
      quote: 'quoted denial',
      author: LEAD_REVIEWER,
      decidedBy: LEAD_REVIEWER,
      decidedAt: reviewTime(0).toISOString(),
    });

    const all = reviewedArticleModel('all');
    expect(all.view).toBe('all');
    expect(all.tags.some((tag) => tag.adjudicated)).toBe(false);
    expect(all.tags.map((tag) => tag.id)).toEqual(expect.arrayContaining(['tag-quote', 'tag-quote-rival']));
    expect(all.tags).toHaveLength(adjudicated.tags.length + 1);
    // Every other tag is in both.
    expect(adjudicated.tags.filter((tag) => !tag.adjudicated).map((tag) => tag.id)).toEqual(
      all.tags.filter((tag) => !tag.id.startsWith('tag-quote')).map((tag) => tag.id),
    );
  });

  it('applies the filters after the view: a reviewer filter keeps their tags, the lead filter the decided one', () => {
    const hostile = reviewedArticleModel('adjudicated', { authors: [XSS_REVIEWER.id] });
    expect(hostile.tags.map((tag) => tag.id)).toEqual(['tag-across']);
    expect(reviewedArticleModel('all', { authors: [XSS_REVIEWER.id] }).tags.map((tag) => tag.id)).toEqual([
      'tag-across',
      'tag-quote-rival',
    ]);
    const lead = reviewedArticleModel('adjudicated', { authors: [LEAD_REVIEWER.id] });
    expect(lead.tags).toHaveLength(1);
    expect(lead.tags[0].adjudicated).toBe(true);
    expect(
      reviewedArticleModel('adjudicated', { labels: ['allegation'] }).tags.map((tag) => tag.id),
    ).not.toContain('tag-quote-rival');
  });

  it('keeps every reviewer tag where a dispute was dismissed', () => {
    const { doc } = reviewedArticleDoc();
    dismissPassage(doc, ['tag-overlap', 'tag-denial'], LEAD_REVIEWER, reviewTime(30));
    const model = buildExportModel(doc, { id: 'a', baseUrl: 'http://x' });
    expect(model.tags.map((tag) => tag.id)).toEqual(expect.arrayContaining(['tag-overlap', 'tag-denial']));
  });

  it('names its views', () => {
    expect(isExportView('adjudicated')).toBe(true);
    expect(isExportView('all')).toBe(true);
    for (const value of ['', 'ALL', 'decided', undefined, 1]) expect(isExportView(value)).toBe(false);
  });
});

describe('review fields of exported tags', () => {
  const model = reviewedArticleModel();
  const denial = model.tags.find((tag) => tag.id === 'tag-denial')!;

  it('keeps the anchor status in `status` and the review status apart', () => {
    expect(denial.status).toBe('anchored');
    expect(denial.reviewStatus).toBe('resolved');
    expect(model.tags.find((tag) => tag.id === 'tag-list')!.reviewStatus).toBe('disputed');
    expect(model.tags.find((tag) => tag.id === 'tag-overlap')).toMatchObject({
      reviewStatus: 'open',
      adjudicated: false,
      thread: [],
      evidence: [],
      respondsTo: [],
    });
    const open = model.tags.find((tag) => tag.id === 'tag-overlap')!;
    for (const field of ['claimant', 'subject', 'verdict', 'resolvedBy', 'resolvedAt', 'decidedBy'])
      expect(open).not.toHaveProperty(field);
  });

  it('carries claimant, subject, verdict and who resolved the tag when', () => {
    expect(denial).toMatchObject({
      claimant: 'Ali <Zafar>',
      subject: 'Meesha Shafi',
      verdict: 'False <b>claim</b>',
      resolvedBy: LEAD_REVIEWER,
      resolvedAt: reviewTime(10).toISOString(),
      adjudicated: false,
    });
    expect(denial).not.toHaveProperty('decidedBy');
  });

  it('exports the thread without deleted comments, edits and replies kept', () => {
    expect(denial.thread).toEqual([
      {
        id: expect.any(String),
        author: XSS_REVIEWER,
        text: HOSTILE_COMMENT,
        createdAt: reviewTime(1).toISOString(),
      },
      {
        id: expect.any(String),
        author: PLAIN_REVIEWER,
        text: 'His statement of 19 April 2018.',
        createdAt: reviewTime(2).toISOString(),
        editedAt: reviewTime(3).toISOString(),
        replyTo: denial.thread[0].id,
      },
    ]);
  });

  it('exports evidence as stored, and links to exported tags with their numbers', () => {
    expect(denial.evidence.map((item) => [item.stance, item.url])).toEqual([
      ['supports', 'https://example.org/statement?a=1&b=(2)'],
      ['refutes', SCRIPT_URL],
    ]);
    const across = model.tags.find((tag) => tag.id === 'tag-across')!;
    expect(denial.respondsTo).toEqual([{ id: 'tag-across', number: across.number }]);
    // A link to a tag the export leaves out is dropped.
    const filtered = reviewedArticleModel('adjudicated', { labels: ['denial'] });
    expect(filtered.tags.find((tag) => tag.id === 'tag-denial')!.respondsTo).toEqual([]);
  });

  it('gives orphans their review fields too', () => {
    const [orphan] = model.orphans;
    expect(orphan.reviewStatus).toBe('open');
    expect(orphan.thread.map((comment) => comment.text)).toEqual(['Its text was <em>deleted</em>.']);
  });
});

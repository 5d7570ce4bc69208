import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvFormat, renderCsv } from '../src/formats/csv.js';
import { renderTxt } from '../src/formats/txt.js';
import {
  FORMULA_REVIEWER,
  LEAD_REVIEWER,
  PLAIN_REVIEWER,
  reviewedArticleModel,
  taggedArticleModel,
  XSS_REVIEWER,
} from './tagged-article-fixture.js';

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

describe('csv export', () => {
  const model = taggedArticleModel();
  const csv = renderCsv(model);
  const rows: Row[] = parse(csv, { bom: true, columns: true, record_delimiter: '\r\n', relax_quotes: false });

  it('reads back with csv-parse as a header and one row per tag, orphans last', () => {
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => row.id)).toEqual([...model.tags.map((tag) => tag.id), 'tag-orphan']);
  });

  it('ends every record with CRLF (RFC 4180) and starts with a UTF-8 byte order mark', () => {
    expect(
      csv.startsWith(
        '\uFEFFid,label,quote,start,end,author,author_id,created,updated,status,review_status,verdict,' +
          'claimant,subject,resolved_by,resolved_by_id,resolved_at,adjudicated,decided_by,decided_by_id,' +
          'decided_at,comments,evidence,responds_to\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records: string[][] = parse(csv, { bom: true, record_delimiter: '\r\n' });
    expect(records).toHaveLength(model.tags.length + model.orphans.length + 1);
  });

  it('keeps quotes with commas, double quotes and line breaks intact', () => {
    const tricky = rows.find((row) => row.id === 'tag-overlap')!;
    expect(tricky.quote).toBe('denied the claims, "firmly, and\nrepeatedly"');
    const across = rows.find((row) => row.id === 'tag-across')!;
    expect(across.quote).toBe('repeatedly" in court.\n\nMeesha accused him');
  });

  it('gives code-point offsets into the txt export and the fields of each tag', () => {
    const codePoints = [...renderTxt(model)];
    for (const tag of model.tags) {
      const row = rows.find((candidate) => candidate.id === tag.id)!;
      expect(codePoints.slice(Number(row.start), Number(row.end)).join('')).toBe(row.quote);
      expect(row).toMatchObject({
        label: tag.label,
        created: tag.createdAt,
        updated: tag.updatedAt,
        status: 'anchored',
      });
    }
    expect(rows[0]).toMatchObject({ author: PLAIN_REVIEWER.name, author_id: PLAIN_REVIEWER.id });
  });

  it('prefixes cells that a spreadsheet would run as a formula with an apostrophe', () => {
    const row = rows.find((candidate) => candidate.id === 'tag-formula')!;
    expect(row.author).toBe(`'${FORMULA_REVIEWER.name}`);
    expect(row.author_id).toBe(`'${FORMULA_REVIEWER.id}`);
    for (const cell of rows.flatMap((candidate) => Object.values(candidate))) {
      expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
    }
  });

  it('lists orphans with status orphaned and empty offsets', () => {
    expect(rows.at(-1)).toMatchObject({
      id: 'tag-orphan',
      label: 'rumour',
      quote: 'To be deleted soon.',
      start: '',
      end: '',
      status: 'orphaned',
    });
  });

  it('is served as UTF-8 CSV', () => {
    expect(csvFormat.contentType).toBe('text/csv; charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvFormat.render(model) as Uint8Array)).toBe(
      csv,
    );
  });
});

describe('csv export of a reviewed article', () => {
  const model = reviewedArticleModel();
  const rows: Row[] = parse(renderCsv(model), { bom: true, columns: true, record_delimiter: '\r\n' });
  const rowOf = (id: string) => rows.find((row) => row.id === id)!;

  it('gives each tag its review: status, verdict, claimant, subject, who resolved it and when', () => {
    expect(rowOf('tag-denial')).toMatchObject({
      review_status: 'resolved',
      verdict: 'False <b>claim</b>',
      claimant: 'Ali <Zafar>',
      subject: 'Meesha Shafi',
      resolved_by: LEAD_REVIEWER.name,
      resolved_by_id: LEAD_REVIEWER.id,
      resolved_at: '2024-05-02T09:10:00.000Z',
      adjudicated: 'false',
      decided_by: '',
      comments: '2',
      evidence: '2',
      responds_to: 'tag-across',
    });
    expect(rowOf('tag-list')).toMatchObject({ review_status: 'disputed', verdict: '', resolved_by: '' });
    expect(rowOf('tag-formula')).toMatchObject({
      review_status: 'open',
      claimant: '',
      comments: '0',
      evidence: '0',
      responds_to: '',
    });
  });

  it('marks the decided tag with the lead who decided it, and gives orphans their review too', () => {
    const decided = model.tags.find((tag) => tag.adjudicated)!;
    expect(rowOf(decided.id)).toMatchObject({
      adjudicated: 'true',
      decided_by: LEAD_REVIEWER.name,
      decided_by_id: LEAD_REVIEWER.id,
      decided_at: '2024-05-02T09:00:00.000Z',
      verdict: 'Accurate',
    });
    expect(rows.filter((row) => row.adjudicated === 'true')).toHaveLength(1);
    expect(rowOf('tag-orphan')).toMatchObject({
      status: 'orphaned',
      comments: '1',
      author: XSS_REVIEWER.name,
    });
  });
});

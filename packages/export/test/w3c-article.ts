import * as Y from 'yjs';
import { tagText, textBlock } from './tagged-article-fixture.js';
import {
  addEvidence,
  addThreadEntry,
  changeThreadEntry,
  getContent,
  getMeta,
  parsePlainTextArticle,
  relabelAnnotation,
  setClaimField,
  setResponseLink,
  setTagStatus,
  writeArticle,
  type Label,
  type Reviewer,
} from '@factcheck/core';
import { buildExportModel, type ExportModel } from '../src/export-model.js';

/**
 * The article the `w3c` tests export and import: emoji (😀 and the family 👩‍👩‍👧, one code point
 * per emoji but several UTF-16 units) and Urdu before tagged spans, overlapping and nested tags, a
 * tag across two paragraphs, a quote that occurs twice, an orphan, and a reviewer named in markup.
 */

/** A reviewer whose name is markup and every JSON and XML special character. */
export const HOSTILE: Reviewer = { id: 'r/hostile?x=1', name: `<img src=x onerror=alert(1)> "\\ &'` };
/** A plain reviewer. */
export const AYESHA: Reviewer = { id: 'r-ayesha', name: 'Ayesha Khan' };

/** The fixed time tags are created at. */
export const CREATED = new Date('2024-05-01T10:00:00.000Z');

/** Tags the `occurrence`-th match of `quote`; returns the tag id. */
export function tagQuote(
  doc: Y.Doc,
  id: string,
  quote: string,
  label: Label,
  author: Reviewer,
  occurrence = 0,
): string {
  return tagText(doc, id, quote, label, author, occurrence);
}

/** The article's text blocks, without tags. */
export function untaggedArticle(): Y.Doc {
  const doc = new Y.Doc();
  getMeta(doc).set('title', 'Zafar & Shafi 😀 <case>');
  getContent(doc).insert(0, [
    textBlock(['Background 😀 👩‍👩‍👧 پس منظر'], 'heading', { level: '2' }),
    textBlock(
      [
        'Fans 😀 and families 👩‍👩‍👧 said that ',
        { text: 'Ali Zafar', em: true },
        ' denied the claims. اردو میں ایک جملہ ہے۔ Meesha accused him of harassment.',
      ],
      'paragraph',
    ),
    textBlock(
      ['Second paragraph: a rumour spreads online that the claims were paid for. To be deleted.'],
      'paragraph',
    ),
  ]);
  return doc;
}

/** The tagged article; the `t-orphan` tag's text has been deleted. */
export function taggedArticle(): Y.Doc {
  const doc = untaggedArticle();
  tagQuote(doc, 't-denial', 'Ali Zafar denied the claims', 'denial', AYESHA);
  tagQuote(doc, 't-overlap', 'the claims. اردو میں', 'rumour', HOSTILE);
  tagQuote(doc, 't-across', 'Meesha accused him of harassment.\n\nSecond paragraph', 'allegation', AYESHA);
  tagQuote(doc, 't-nested', 'accused him', 'allegation', HOSTILE);
  tagQuote(doc, 't-rumour', 'a rumour spreads online', 'rumour', AYESHA);
  tagQuote(doc, 't-second', 'the claims', 'denial', HOSTILE, 1);
  tagQuote(doc, 't-orphan', 'To be deleted.', 'rumour', HOSTILE);
  relabelAnnotation(doc, 't-nested', 'rumour', new Date('2024-06-02T08:00:00.000Z'));
  relabelAnnotation(doc, 't-nested', 'allegation', new Date('2024-06-02T08:30:00.000Z'));
  const last = getContent(doc).get(2) as Y.XmlElement;
  const text = last.get(0) as Y.XmlText;
  text.delete(text.toString().indexOf(' To be deleted.'), ' To be deleted.'.length);
  return doc;
}

/** A lead reviewer who resolves tags. */
export const LEAD: Reviewer = { id: 'r-lead', name: 'Lead Editor' };

/** When the review of `reviewedArticle` happened. */
export const REVIEWED = new Date('2024-05-02T09:00:00.000Z');

/**
 * The tagged article after review: a thread on `t-denial` (a comment by the hostile reviewer, an
 * edited reply, a deleted comment), two pieces of evidence, a claimant and subject, the denial
 * answering the allegation and resolved with a verdict, and a comment on the orphan.
 */
export function reviewedArticle(): Y.Doc {
  const doc = taggedArticle();
  const later = (minutes: number) => new Date(REVIEWED.getTime() + minutes * 60_000);
  const first = addThreadEntry(doc, 't-denial', {
    author: HOSTILE,
    text: 'Source? <script>alert(1)</script> & "quotes"',
    now: later(0),
  })!;
  const reply = addThreadEntry(doc, 't-denial', {
    author: AYESHA,
    text: 'His statement of 19 April.',
    replyTo: first,
    now: later(1),
  })!;
  changeThreadEntry(doc, 't-denial', reply, AYESHA, 'His statement of 19 April 2018.', later(2));
  const gone = addThreadEntry(doc, 't-denial', { author: AYESHA, text: 'Never mind.', now: later(3) })!;
  changeThreadEntry(doc, 't-denial', gone, AYESHA, null, later(4));
  addEvidence(doc, 't-denial', {
    author: AYESHA,
    url: 'https://example.org/statement?a=1&b=2',
    stance: 'supports',
    note: 'The statement itself',
    now: later(5),
  });
  addEvidence(doc, 't-denial', {
    author: HOSTILE,
    url: 'https://example.org/court',
    stance: 'refutes',
    note: '',
    now: later(6),
  });
  setClaimField(doc, 't-denial', 'claimant', 'Ali Zafar', LEAD, later(7));
  setClaimField(doc, 't-denial', 'subject', 'Meesha Shafi', LEAD, later(7));
  setResponseLink(doc, 't-denial', 't-across', true, AYESHA, later(8));
  setTagStatus(doc, 't-denial', 'resolved', LEAD, 'Misleading', later(9));
  setTagStatus(doc, 't-rumour', 'disputed', AYESHA, undefined, later(10));
  addThreadEntry(doc, 't-orphan', { author: AYESHA, text: 'Its text was deleted.', now: later(11) });
  return doc;
}

/** The export model of a document, with fixed id, base URL and time. */
export function modelOf(doc: Y.Doc): ExportModel {
  return buildExportModel(doc, {
    id: 'zafar-case',
    baseUrl: 'https://factcheck.example/',
    now: new Date('2024-07-01T00:00:00Z'),
  });
}

/** A fresh, untagged article with the same blocks (and marks) as another one has now. */
export function copyOf(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  getMeta(doc).set('title', getMeta(source).get('title'));
  const blocks = getContent(source)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
  getContent(doc).insert(
    0,
    blocks.map((node) => node.clone()),
  );
  return doc;
}

/** A fresh article made from an export's plain text alone, as a newsroom would paste it. */
export function articleFromText(model: ExportModel): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(doc, parsePlainTextArticle(`${model.title}\n${model.text}`));
  return doc;
}

import * as Y from 'yjs';
import {
  acceptTag,
  addEvidence,
  addThreadEntry,
  changeThreadEntry,
  createAnchor,
  getAnnotationsMap,
  getContent,
  getMeta,
  projectFragment,
  readAnnotations,
  setClaimField,
  setResponseLink,
  setTagStatus,
  writeAnnotation,
  type Label,
  type Reviewer,
  type TagView,
} from '@factcheck/core';
import { buildExportModel, type ExportFilter, type ExportModel } from '../src/export-model.js';

/**
 * The article the text exports (txt, html, md, csv, brat) are tested on: emoji (one of them several
 * code points) and Urdu before the tagged spans, Markdown and HTML look-alikes in the text, lists,
 * a quote, a hard break, links, overlapping tags, a tag across paragraphs, an orphan, and
 * reviewers whose names are an XSS probe and a spreadsheet formula.
 */

/** A reviewer whose name is an XSS probe. */
export const XSS_REVIEWER: Reviewer = { id: 'r-xss', name: '<img src=x onerror=alert(1)>' };
/** A reviewer whose name is a spreadsheet formula. */
export const FORMULA_REVIEWER: Reviewer = { id: '=r-formula', name: `=cmd|' /C calc'!A0` };
/** A reviewer with an ordinary name. */
export const PLAIN_REVIEWER: Reviewer = { id: 'r-ayesha', name: 'Ayesha Khan' };

type Run = string | { text: string; em?: boolean; strong?: boolean; code?: boolean; href?: string };
type Inline = Run | 'hard_break';

/** A text block (paragraph by default) from runs of text, marks and hard breaks. */
export function textBlock(
  runs: Inline[],
  name = 'paragraph',
  attributes: Record<string, string> = {},
): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  const children: (Y.XmlText | Y.XmlElement)[] = [];
  let text: Y.XmlText | null = null;
  let length = 0;
  for (const run of runs) {
    if (run === 'hard_break') {
      children.push(new Y.XmlElement('hard_break'));
      text = null;
      continue;
    }
    if (!text) {
      text = new Y.XmlText();
      children.push(text);
      length = 0;
    }
    const { text: insert, href, ...marks } = typeof run === 'string' ? { text: run } : run;
    // An explicit (even empty) attribute object keeps the run from inheriting the marks before it.
    // (A Y.XmlText not yet in a document cannot tell its own length.)
    text.insert(length, insert, { ...marks, ...(href ? { link: { href } } : {}) });
    length += insert.length;
  }
  element.insert(0, children);
  return element;
}

/** A container node (list, list item, quote) around blocks. */
export function container(name: string, children: Y.XmlElement[]): Y.XmlElement {
  const element = new Y.XmlElement(name);
  element.insert(0, children);
  return element;
}

/** Tags the `occurrence`-th match of `quote` with a given id (created at a fixed time); returns the id. */
export function tagText(
  doc: Y.Doc,
  id: string,
  quote: string,
  label: Label,
  author: Reviewer,
  occurrence = 0,
): string {
  const projection = projectFragment(getContent(doc));
  let from = -1;
  for (let i = 0; i <= occurrence; i++) from = projection.text.indexOf(quote, from + 1);
  if (from < 0) throw new Error(`not in the article: ${quote}`);
  const anchor = createAnchor(projection, from, from + quote.length)!;
  writeAnnotation(doc, id, { label, author, ...anchor, now: new Date('2024-05-01T10:00:00Z') });
  return id;
}

/** The tags placed on the fixture article, in document order. */
export const FIXTURE_TAGS: readonly { id: string; quote: string; label: Label; author: Reviewer }[] = [
  { id: 'tag-denial', quote: 'Ali Zafar denied the claims', label: 'denial', author: PLAIN_REVIEWER },
  // Overlaps the one before, holds a comma, double quotes and a hard break.
  {
    id: 'tag-overlap',
    quote: 'denied the claims, "firmly, and\nrepeatedly"',
    label: 'allegation',
    author: PLAIN_REVIEWER,
  },
  {
    id: 'tag-across',
    quote: 'repeatedly" in court.\n\nMeesha accused him',
    label: 'allegation',
    author: XSS_REVIEWER,
  },
  { id: 'tag-list', quote: 'a rumour spreads online', label: 'rumour', author: PLAIN_REVIEWER },
  { id: 'tag-formula', quote: 'Second item', label: 'allegation', author: FORMULA_REVIEWER },
  { id: 'tag-quote', quote: 'quoted denial', label: 'denial', author: PLAIN_REVIEWER },
];

/** The quotes of the tags placed on the fixture article, by tag id. */
export const TAGGED_QUOTES: Readonly<Record<string, string>> = Object.fromEntries(
  FIXTURE_TAGS.map((tag) => [tag.id, tag.quote]),
);

/** The fixture article as a document, before export. */
export function taggedArticleDoc(): Y.Doc {
  const doc = new Y.Doc();
  getMeta(doc).set('title', 'Zafar & <Shafi>: the *defamation* case 😀');
  getMeta(doc).set('source', 'Daily <b>Example</b>');
  getContent(doc).insert(0, [
    textBlock(['Background 😀 پس منظر'], 'heading', { level: '2' }),
    textBlock([
      'Fans 😀 and 👩‍👩‍👧 families wrote: اردو میں ایک جملہ ہے۔ Then ',
      { text: 'Ali Zafar', em: true },
      ' denied ',
      { text: 'the claims', strong: true },
      ', "firmly, and',
      'hard_break',
      'repeatedly" in court.',
    ]),
    textBlock([
      'Meesha accused him; see ',
      { text: 'the filing', href: 'https://example.org/a?b=1&c=2' },
      ' and ',
      { text: 'this', href: 'javascript:alert(1)' },
      '.',
    ]),
    textBlock(['# not a heading, *not bold*, <b>not html</b>, [not](a link) & `code`']),
    textBlock(['- not a list item', 'hard_break', '1. not numbered either']),
    container('bullet_list', [
      container('list_item', [textBlock(['First item: a rumour spreads online.'])]),
      container('list_item', [textBlock(['Second item']), textBlock(['continued in the same item'])]),
    ]),
    container('blockquote', [textBlock(['A quoted denial ', { text: 'in code', code: true }, '.'])]),
    textBlock(['To be deleted soon. The end.']),
  ]);
  for (const { id, quote, label, author } of FIXTURE_TAGS) tagText(doc, id, quote, label, author);
  tagText(doc, 'tag-orphan', 'To be deleted soon.', 'rumour', XSS_REVIEWER);
  const last = getContent(doc).get(getContent(doc).length - 1) as Y.XmlElement;
  (last.get(0) as Y.XmlText).delete(0, 'To be deleted soon. '.length);
  return doc;
}

/** The export model of the fixture article, made at a fixed time. */
export function taggedArticleModel(filter?: ExportFilter): ExportModel {
  return buildExportModel(taggedArticleDoc(), {
    id: 'article-1',
    baseUrl: 'http://localhost:8080',
    now: new Date('2024-06-01T12:00:00Z'),
    ...(filter ? { filter } : {}),
  });
}

/** A lead reviewer, whose name is markup too. */
export const LEAD_REVIEWER: Reviewer = { id: 'r-lead', name: 'Lead <b>Editor</b>' };

/** A comment that is an XSS probe. */
export const HOSTILE_COMMENT =
  '<img src=x onerror=alert(2)> *not bold* [x](javascript:alert(3))\nsecond line';

/** A evidence link that must never become clickable. */
export const SCRIPT_URL = 'javascript:alert(4)';

/** When the fixture article was reviewed, `minutes` after 2024-05-02 09:00 UTC. */
export function reviewTime(minutes: number): Date {
  return new Date(Date.UTC(2024, 4, 2, 9, minutes));
}

/**
 * The fixture article after review: the hostile reviewer disputes `tag-quote` with a rival tag and
 * the lead accepts `tag-quote`, so a decided copy replaces both in the default view; `tag-denial`
 * has a thread (a hostile comment, an edited reply, a deleted comment), evidence (one of them a
 * `javascript:` link written past the editor's check), a claimant and subject, answers
 * `tag-across`, and is resolved with a verdict; the decided tag is resolved too; `tag-list` is
 * disputed; the orphan has a comment.
 */
export function reviewedArticleDoc(): { doc: Y.Doc; decidedId: string } {
  const doc = taggedArticleDoc();
  tagText(doc, 'tag-quote-rival', 'quoted denial', 'allegation', XSS_REVIEWER);
  const accepted = readAnnotations(doc).valid.find((tag) => tag.id === 'tag-quote')!;
  acceptTag(doc, ['tag-quote', 'tag-quote-rival'], accepted, LEAD_REVIEWER, reviewTime(0));
  const decidedId = readAnnotations(doc).valid.find((tag) => tag.adjudicated)!.id;

  const question = addThreadEntry(doc, 'tag-denial', {
    author: XSS_REVIEWER,
    text: HOSTILE_COMMENT,
    now: reviewTime(1),
  })!;
  const reply = addThreadEntry(doc, 'tag-denial', {
    author: PLAIN_REVIEWER,
    text: 'His statement of 19 April.',
    replyTo: question,
    now: reviewTime(2),
  })!;
  changeThreadEntry(
    doc,
    'tag-denial',
    reply,
    PLAIN_REVIEWER,
    'His statement of 19 April 2018.',
    reviewTime(3),
  );
  const gone = addThreadEntry(doc, 'tag-denial', {
    author: PLAIN_REVIEWER,
    text: 'Never mind.',
    now: reviewTime(4),
  })!;
  changeThreadEntry(doc, 'tag-denial', gone, PLAIN_REVIEWER, null, reviewTime(5));
  addEvidence(doc, 'tag-denial', {
    author: PLAIN_REVIEWER,
    url: 'https://example.org/statement?a=1&b=(2)',
    stance: 'supports',
    note: 'The statement <i>itself</i>',
    now: reviewTime(6),
  });
  // Stored data the editor would refuse: the exports must still never make it a link.
  const evidence = getAnnotationsMap(doc).get('tag-denial')!.get('evidence') as Y.Array<unknown>;
  evidence.push([
    {
      id: 'e-script',
      url: SCRIPT_URL,
      stance: 'refutes',
      note: '',
      author: XSS_REVIEWER,
      createdAt: reviewTime(7).toISOString(),
    },
  ]);
  setClaimField(doc, 'tag-denial', 'claimant', 'Ali <Zafar>', LEAD_REVIEWER, reviewTime(8));
  setClaimField(doc, 'tag-denial', 'subject', 'Meesha Shafi', LEAD_REVIEWER, reviewTime(8));
  setResponseLink(doc, 'tag-denial', 'tag-across', true, PLAIN_REVIEWER, reviewTime(9));
  setTagStatus(doc, 'tag-denial', 'resolved', LEAD_REVIEWER, 'False <b>claim</b>', reviewTime(10));
  setTagStatus(doc, decidedId, 'resolved', LEAD_REVIEWER, 'Accurate', reviewTime(11));
  setTagStatus(doc, 'tag-list', 'disputed', XSS_REVIEWER, undefined, reviewTime(12));
  addThreadEntry(doc, 'tag-orphan', {
    author: XSS_REVIEWER,
    text: 'Its text was <em>deleted</em>.',
    now: reviewTime(13),
  });
  return { doc, decidedId };
}

/** The export model of the reviewed fixture article in a view, made at a fixed time. */
export function reviewedArticleModel(view?: TagView, filter?: ExportFilter): ExportModel {
  return buildExportModel(reviewedArticleDoc().doc, {
    id: 'article-1',
    baseUrl: 'http://localhost:8080',
    now: new Date('2024-06-01T12:00:00Z'),
    ...(view ? { view } : {}),
    ...(filter ? { filter } : {}),
  });
}

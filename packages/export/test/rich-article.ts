import * as Y from 'yjs';
import {
  createAnchor,
  getAnnotationsMap,
  getContent,
  getMeta,
  projectFragment,
  writeAnnotation,
  type Label,
  type Reviewer,
} from '@factcheck/core';

/**
 * An article with what exports must survive: a heading, italic and bold runs, emoji and Urdu
 * (right-to-left) text before tagged spans, a tag across two paragraphs, an orphaned tag, and a
 * reviewer whose name is markup.
 */

/** A reviewer whose name is an XSS probe and every XML special character. */
export const HOSTILE_REVIEWER: Reviewer = { id: 'r-hostile', name: `<img src=x onerror=alert(1)> &<>"'` };
export const PLAIN_REVIEWER: Reviewer = { id: 'r-ayesha', name: 'Ayesha Khan' };

type Run = string | { text: string; em?: boolean; strong?: boolean };

function block(name: string, runs: Run[], attributes: Record<string, string> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  const text = new Y.XmlText();
  let at = 0;
  for (const run of runs) {
    const { text: insert, ...marks } = typeof run === 'string' ? { text: run } : run;
    // An explicit (even empty) attribute object keeps the run from inheriting the marks before it.
    text.insert(at, insert, marks);
    at += insert.length;
  }
  element.insert(0, [text]);
  return element;
}

/** Tags the `occurrence`-th match of `quote` (default the first). */
export function tagText(doc: Y.Doc, quote: string, label: Label, author: Reviewer, occurrence = 0): string {
  const projection = projectFragment(getContent(doc));
  let from = -1;
  for (let i = 0; i <= occurrence; i++) from = projection.text.indexOf(quote, from + 1);
  if (from < 0) throw new Error(`not in the article: ${quote}`);
  const anchor = createAnchor(projection, from, from + quote.length)!;
  const id = `t${getAnnotationsMap(doc).size + 1}`;
  writeAnnotation(doc, id, { label, author, ...anchor, now: new Date('2024-05-01T10:00:00Z') });
  return id;
}

/** The rich test article and the ids of its tags. */
export function richArticle(): { doc: Y.Doc; orphanId: string } {
  const doc = new Y.Doc();
  getMeta(doc).set('title', 'Zafar & Shafi: the <defamation> case 😀');
  getMeta(doc).set('source', 'Daily Example');
  getContent(doc).insert(0, [
    block('heading', ['Background 😀 پس منظر'], { level: '2' }),
    block('paragraph', [
      'Fans 😀 said ',
      { text: 'Ali Zafar', em: true },
      ' denied ',
      { text: 'the claims', strong: true },
      '. اردو میں ایک جملہ ہے۔ Meesha accused him.',
    ]),
    block('paragraph', ['Second paragraph: a rumour spreads online. To be deleted.']),
  ]);
  tagText(doc, 'Ali Zafar denied the claims', 'denial', PLAIN_REVIEWER);
  tagText(doc, 'accused him', 'allegation', HOSTILE_REVIEWER);
  tagText(doc, 'a rumour spreads', 'rumour', PLAIN_REVIEWER);
  tagText(doc, 'Meesha accused him.\n\nSecond paragraph', 'allegation', PLAIN_REVIEWER);
  const orphanId = tagText(doc, 'To be deleted.', 'rumour', HOSTILE_REVIEWER);
  const last = getContent(doc).get(2) as Y.XmlElement;
  const text = last.get(0) as Y.XmlText;
  const at = text.toString().indexOf(' To be deleted.');
  text.delete(at, ' To be deleted.'.length);
  return { doc, orphanId };
}

import * as Y from 'yjs';
import { tagText as tagWithId, textBlock } from './tagged-article-fixture.js';
import { getAnnotationsMap, getContent, getMeta, type Label, type Reviewer } from '@factcheck/core';

/**
 * An article with what exports must survive: a heading, italic and bold runs, emoji and Urdu
 * (right-to-left) text before tagged spans, a tag across two paragraphs, an orphaned tag, and a
 * reviewer whose name is markup.
 */

/** A reviewer whose name is an XSS probe and every XML special character. */
export const HOSTILE_REVIEWER: Reviewer = { id: 'r-hostile', name: `<img src=x onerror=alert(1)> &<>"'` };
export const PLAIN_REVIEWER: Reviewer = { id: 'r-ayesha', name: 'Ayesha Khan' };

/** Tags the `occurrence`-th match of `quote` (default the first) with the next free id `tN`. */
export function tagText(doc: Y.Doc, quote: string, label: Label, author: Reviewer, occurrence = 0): string {
  return tagWithId(doc, `t${getAnnotationsMap(doc).size + 1}`, quote, label, author, occurrence);
}

/** The rich test article and the ids of its tags. */
export function richArticle(): { doc: Y.Doc; orphanId: string } {
  const doc = new Y.Doc();
  getMeta(doc).set('title', 'Zafar & Shafi: the <defamation> case 😀');
  getMeta(doc).set('source', 'Daily Example');
  getContent(doc).insert(0, [
    textBlock(['Background 😀 پس منظر'], 'heading', { level: '2' }),
    textBlock(
      [
        'Fans 😀 said ',
        { text: 'Ali Zafar', em: true },
        ' denied ',
        { text: 'the claims', strong: true },
        '. اردو میں ایک جملہ ہے۔ Meesha accused him.',
      ],
      'paragraph',
    ),
    textBlock(['Second paragraph: a rumour spreads online. To be deleted.'], 'paragraph'),
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

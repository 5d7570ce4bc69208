import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getContent, getMeta, readArticleMeta } from '@factcheck/core';
import { importArticle } from '../src/index.js';
import { docText, importIntoDoc, readFixture, utf8 } from './fixtures.js';

/** Everything stored in a document, as one string: what a leak check must search. */
function storedEverything(doc: Y.Doc): string {
  const content = getContent(doc);
  const deltas = [] as unknown[];
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) deltas.push(child.toDelta());
      else if (child instanceof Y.XmlElement) {
        deltas.push(child.nodeName, child.getAttributes());
        visit(child);
      }
    }
  };
  visit(content);
  return JSON.stringify([content.toJSON(), deltas, getMeta(doc).toJSON()]);
}

const NEWS_PARAGRAPHS = [
  'Back in April 2018, Meesha Shafi took to social media to publicly accuse Ali Zafar of repeatedly harassing her sexually. However, Ali Zafar refuted the accusations and filed a defamation case against Meesha Shafi.',
  'Rumours circulated after a recent hearing that Shafi had “confessed to making a false statement.” Iffat Omar responded on Twitter: ‘fake news alert’ — and the row grew from there.',
  'Zafar’s lawyers said the claims were “baseless & malicious”, a phrase the court record writes as &amp; in its HTML. Fans reacted with 😀 and 👩‍👩‍👧 emoji\u00a0in their thousands.',
  '“It has come to my knowledge that publications were asked not to cover the proceedings. Enough is enough.”',
  'The court listed three questions for the next hearing:',
  'whether the tweets were statements of fact;',
  'whether they caused harm under the ordinance;',
  'and who first wrote them.',
  'علی ظفر نے الزامات کی تردید کی اور ہتک عزت کا مقدمہ دائر کیا۔',
  'A statement on the singer’s site is archived here; a link that runs a script is not a link.',
  'The hearing resumes next month, the court said.',
];

describe('importing a saved news page', () => {
  it('keeps exactly the article text, without navigation, ads, banners or scripts', async () => {
    const { doc } = await importIntoDoc({ bytes: readFixture('news-page.html'), contentType: 'text/html' });
    expect(docText(doc)).toBe(NEWS_PARAGRAPHS.join('\n\n'));
    const stored = storedEverything(doc);
    for (const furniture of [
      'We use cookies',
      'Accept all',
      'Advertisement',
      'Politics',
      'Related stories',
      'morning briefing',
      'All rights reserved',
      'Share on Twitter',
      'Injected by script',
      'article script',
      'googletag',
      'dataLayer',
    ]) {
      expect(stored, furniture).not.toContain(furniture);
    }
  });

  it('lets no script, style, event handler, frame, image or tracker into the document', async () => {
    const { doc } = await importIntoDoc({ bytes: readFixture('news-page.html'), contentType: 'text/html' });
    const stored = storedEverything(doc).toLowerCase();
    for (const leak of [
      '<script',
      'javascript:',
      'onerror',
      'onclick',
      'onmouseover',
      'onload',
      'iframe',
      'img',
      '<style',
      'color: red',
      'tracker.example',
      'cdn.daily.example.com',
      'alert(',
    ]) {
      expect(stored, leak).not.toContain(leak);
    }
  });

  it('keeps the structure: quote, ordered list, emphasis, strong and absolute links', async () => {
    const { article } = await importIntoDoc({
      bytes: readFixture('news-page.html'),
      contentType: 'text/html',
    });
    const types = article.blocks.map((block) => block.type);
    expect(types).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'blockquote',
      'paragraph',
      'ordered_list',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    const links = JSON.stringify(article.blocks).match(/"link":"[^"]+"/gu);
    expect(links).toEqual([
      '"link":"https://law.example.org/defamation-ordinance"',
      // A relative link, resolved against the page's own address.
      '"link":"https://daily.example.com/culture/2021/03/statement"',
    ]);
    expect(JSON.stringify(article.blocks[0])).toContain(
      '{"text":"refuted the accusations","marks":{"strong":true}}',
    );
  });

  it('reads the metadata: Open Graph title, outlet, URL, author, date, language, description', async () => {
    const { article, doc } = await importIntoDoc({
      bytes: readFixture('news-page.html'),
      contentType: 'text/html',
    });
    expect(article.title).toBe('Singer files defamation case as “fake news” row grows');
    expect(article.titleDerived).toBe(false);
    expect(readArticleMeta(doc)).toEqual({
      title: 'Singer files defamation case as “fake news” row grows',
      sourceUrl: 'https://daily.example.com/culture/2021/03/singer-defamation-row',
      outlet: 'The Daily Example',
      authors: 'Sana Mirza',
      publishedAt: '2021-03-18T09:30:00+05:00',
      language: 'en-GB',
    });
    expect(getMeta(doc).get('description')).toBe(
      'A defamation case, a tweet and a denial: the row between two musicians reaches the court.',
    );
  });

  it('lets the caller’s title and source win over the page’s', async () => {
    const article = await importArticle({
      bytes: readFixture('news-page.html'),
      contentType: 'text/html',
      title: '  My   title ',
      sourceUrl: 'https://archive.example.org/copy',
    });
    expect(article.title).toBe('My title');
    expect(article.meta.sourceUrl).toBe('https://archive.example.org/copy');
    await expect(
      importArticle({
        bytes: readFixture('news-page.html'),
        contentType: 'text/html',
        sourceUrl: 'javascript:x',
      }),
    ).rejects.toMatchObject({ failure: 'invalid-source' });
  });

  it('takes the <title> without the outlet when there is no Open Graph title', async () => {
    const page = `<html><head><title>Court adjourns the hearing | Daily Example</title>
      <meta property="og:site_name" content="Daily Example"></head>
      <body><p>The court adjourned the hearing until next month after the witness failed to appear.</p></body></html>`;
    const article = await importArticle({ bytes: utf8(page), contentType: 'text/html' });
    expect(article.title).toBe('Court adjourns the hearing');
    expect(article.meta.outlet).toBe('Daily Example');
  });

  it('decodes entities exactly once and keeps white space that is text', async () => {
    const page = `<p>Tom &amp;amp; Jerry &lt;b&gt; &#x1F600; &eacute; a&nbsp;b   c\n d</p>`;
    const { doc } = await importIntoDoc({ bytes: utf8(page), contentType: 'text/html' });
    expect(docText(doc)).toBe('Tom &amp; Jerry <b> 😀 é a\u00a0b c d');
  });

  it('neutralizes hostile markup in a fragment and keeps its text', async () => {
    const page = [
      '<p>Safe <b onclick="alert(1)">bold</b> <a href="data:text/html,x">data link</a></p>',
      '<img src=x onerror="alert(2)"><svg onload="alert(3)"><text>svg text</text></svg>',
      '<iframe src="https://evil.example/"></iframe><object data="https://evil.example/x.swf"></object>',
      '<p style="background:url(https://evil.example/bg.png)">Styled</p>',
      '<form action="https://evil.example/"><input value="field"><button>Send</button></form>',
      '<div>Div text<br>second line</div><table><tr><td>Cell one</td><td>Cell two</td></tr></table>',
    ].join('');
    const { doc } = await importIntoDoc({ bytes: utf8(page), contentType: 'text/html' });
    expect(docText(doc)).toBe(
      'Safe bold data link\n\nStyled\n\nDiv text\nsecond line\n\nCell one\n\nCell two',
    );
    expect(storedEverything(doc)).not.toMatch(/evil|alert|onload|onerror|svg text|field|data:/u);
  });

  it('refuses a page with no article text', async () => {
    const page =
      '<html><body><nav><a href="/">Home</a></nav><script>x()</script><img src=a.png></body></html>';
    await expect(importArticle({ bytes: utf8(page), contentType: 'text/html' })).rejects.toMatchObject({
      failure: 'empty',
      message: 'No article text was found in the page.',
    });
  });
});

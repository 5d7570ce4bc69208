import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  readAnnotations,
  removeAnnotation,
  TAGGING_ORIGIN,
  type Label,
  type Reviewer,
} from '@factcheck/core';
import { CORPUS_IDS, tagQuote as tagAs } from '../helpers/articles.js';
import { download, post } from '../helpers/download.js';
import { startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];
const AYESHA: Reviewer = { id: 'r-ayesha', name: 'Ayesha <b>Khan</b>' };
const BILAL: Reviewer = { id: 'r-bilal', name: 'Bilal' };

const TAGS: { quote: string; label: Label; author: Reviewer }[] = [
  {
    quote: 'publicly accuse Ali Zafar of repeatedly harassing her sexually',
    label: 'allegation',
    author: AYESHA,
  },
  { quote: 'Ali Zafar refuted the accusations', label: 'denial', author: BILAL },
  { quote: 'fake news alert', label: 'rumour', author: AYESHA },
];

/** A tag as every export shows it: label, reviewer, quote and code-point range. */
interface TagSummary {
  label: string;
  author: string;
  exact: string;
  start: number;
  end: number;
  created: string;
}

interface W3cCollection {
  first?: { items: W3cAnnotation[] };
}

interface W3cAnnotation {
  body: { value: string };
  creator: { id: string; name: string };
  created: string;
  target: {
    selector: (
      | { type: 'TextQuoteSelector'; exact: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    )[];
  };
}

function summarize(collection: W3cCollection): TagSummary[] {
  return (collection.first?.items ?? [])
    .map((item) => {
      const quote = item.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
      const position = item.target.selector.find((selector) => selector.type === 'TextPositionSelector');
      return {
        label: item.body.value,
        author: `${item.creator.id} ${item.creator.name}`,
        exact: quote && 'exact' in quote ? quote.exact : '',
        start: position && 'start' in position ? position.start : -1,
        end: position && 'end' in position ? position.end : -1,
        created: item.created,
      };
    })
    .sort((a, b) => a.start - b.start);
}

async function exportW3c(server: TestServer, id = ARTICLE): Promise<W3cCollection> {
  const response = await download(server, `/api/articles/${id}/export?format=w3c`);
  expect(response.status).toBe(200);
  return response.json<W3cCollection>();
}

function labelsSeenBy(doc: Y.Doc): string[] {
  return readAnnotations(doc)
    .valid.map((annotation) => `${annotation.label}:${annotation.quote}`)
    .sort();
}

describe('importing W3C annotations over HTTP', () => {
  it('puts exported tags back after they were deleted, and connected reviewers see them at once', async () => {
    const server = await startTestServer();
    const writer = await connectSyncedClient(server.syncUrl, ARTICLE);
    const watcher = await connectSyncedClient(server.syncUrl, ARTICLE);
    const ids = TAGS.map((tag) => tagAs(writer.doc, tag.quote, tag.label, tag.author));
    const exported = await waitFor(
      async () => {
        const collection = await exportW3c(server);
        return collection.first?.items.length === TAGS.length ? collection : null;
      },
      { message: 'the server has every tag' },
    );
    const before = summarize(exported);
    const expectedLabels = labelsSeenBy(writer.doc);

    writer.doc.transact(() => ids.forEach((id) => removeAnnotation(writer.doc, id)), TAGGING_ORIGIN);
    await waitFor(async () => (await exportW3c(server)).first === undefined, { message: 'tags deleted' });
    await waitFor(() => readAnnotations(watcher.doc).valid.length === 0, {
      message: 'watcher saw the deletion',
    });

    const response = await post(
      server,
      `/api/articles/${ARTICLE}/annotations`,
      exported,
      'application/ld+json',
    );
    expect(response.status).toBe(200);
    const result = response.json<{ created: number; ids: string[]; unresolved: unknown[] }>();
    expect(result).toEqual({ created: TAGS.length, ids: expect.any(Array), unresolved: [], skipped: [] });
    expect(result.ids).toHaveLength(TAGS.length);

    await waitFor(() => labelsSeenBy(watcher.doc).length === TAGS.length, {
      message: 'watcher sees the import',
    });
    expect(labelsSeenBy(watcher.doc)).toEqual(expectedLabels);
    expect(labelsSeenBy(writer.doc)).toEqual(expectedLabels);
    expect(
      readAnnotations(watcher.doc)
        .valid.map((annotation) => annotation.id)
        .sort(),
    ).toEqual([...result.ids].sort());
    expect(summarize(await exportW3c(server))).toEqual(before);
  });

  it('imports onto an article nobody has open, stores the tags and unloads it again', async () => {
    const server = await startTestServer();
    const source = await connectSyncedClient(server.syncUrl, ARTICLE);
    const id = tagAs(source.doc, TAGS[1].quote, TAGS[1].label, TAGS[1].author);
    const exported = await waitFor(async () => {
      const collection = await exportW3c(server);
      return collection.first?.items.length === 1 ? collection : null;
    });
    source.doc.transact(() => removeAnnotation(source.doc, id), TAGGING_ORIGIN);
    await waitFor(async () => (await exportW3c(server)).first === undefined, { message: 'tag deleted' });
    source.leave();
    await waitFor(() => server.loadedDocumentCount() === 0, { message: 'article unloaded' });

    const imported = await post(server, `/api/articles/${ARTICLE}/annotations`, exported);
    expect(imported.json()).toMatchObject({ created: 1, unresolved: [] });
    await waitFor(() => server.loadedDocumentCount() === 0, { message: 'the import did not keep it loaded' });
    // Read back from storage alone, as nothing is loaded.
    expect(summarize(await exportW3c(server))).toEqual(summarize(exported));
    expect(server.loadedDocumentCount()).toBe(0);

    const again = await post(server, `/api/articles/${ARTICLE}/annotations`, exported);
    expect(again.json()).toMatchObject({ created: 0, unresolved: [{ index: 0, reason: 'duplicate' }] });
    const otherArticle = await post(server, `/api/articles/${CORPUS_IDS[1]}/annotations`, exported);
    expect(otherArticle.json()).toMatchObject({
      created: 0,
      unresolved: [{ index: 0, exact: TAGS[1].quote, reason: expect.stringContaining('not found') }],
    });
  });

  it('reports what it could not place and imports the rest', async () => {
    const server = await startTestServer();
    const annotation = (exact: string, label: string) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'tagging',
      creator: { id: 'urn:reviewer:r-zed', type: 'Person', name: 'Zed' },
      body: { type: 'TextualBody', purpose: 'tagging', value: label },
      target: { source: 'http://elsewhere/articles/x', selector: { type: 'TextQuoteSelector', exact } },
    });
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          annotation('Ali Zafar refuted the accusations', 'denial'),
          annotation('words that are nowhere in this article', 'allegation'),
          annotation('fake news alert', 'gossip'),
        ],
      },
    };
    const response = await post(server, `/api/articles/${ARTICLE}/annotations`, collection);
    expect(response.status).toBe(200);
    const result = response.json<{
      created: number;
      unresolved: { index: number; reason: string; exact?: string }[];
    }>();
    expect(result.created).toBe(1);
    expect(result.unresolved.map((entry) => entry.index).sort()).toEqual([1, 2]);
    expect(result.unresolved.find((entry) => entry.index === 1)).toMatchObject({
      exact: 'words that are nowhere in this article',
      reason: expect.any(String),
    });
    const exported = summarize(await exportW3c(server));
    expect(exported.map((tag) => [tag.label, tag.exact])).toEqual([
      ['denial', 'Ali Zafar refuted the accusations'],
    ]);
  });

  it('rejects what is not annotations: bad JSON, wrong shapes, unknown articles, huge bodies', async () => {
    const server = await startTestServer();
    const url = `/api/articles/${ARTICLE}/annotations`;
    const badJson = await post(server, url, '{"type": "AnnotationCollection",', 'application/json');
    expect(badJson.status).toBe(400);
    expect(badJson.json()).toEqual({ error: expect.any(String) });
    const wrong = [
      '"just a string"',
      '42',
      'null',
      '{"type":"Nothing"}',
      '{"hello":"world"}',
      '[{"type":"Annotation"}, 1]',
    ];
    for (const body of wrong) {
      const response = await post(server, url, body, 'application/ld+json');
      expect(response.status, body).toBe(400);
      expect(response.json(), body).toEqual({ error: expect.any(String) });
    }
    const missing = await post(server, '/api/articles/no_such_article/annotations', {
      type: 'AnnotationCollection',
    });
    expect(missing.status).toBe(404);
    const text = await post(server, url, 'hello', 'text/plain');
    expect(text.status).toBe(415);
    const huge = await post(
      server,
      url,
      JSON.stringify({ type: 'Annotation', pad: 'x'.repeat(6 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(server.loadedDocumentCount()).toBe(0);
  });
});

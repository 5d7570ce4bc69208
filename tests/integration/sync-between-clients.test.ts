import { describe, expect, it } from 'vitest';
import { readAnnotations } from '@factcheck/core';
import { articleText, CORPUS_IDS, readCorpusArticle, tagQuote, typeAtStart } from '../helpers/articles.js';
import { startTestServer, waitFor } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const ARTICLE = CORPUS_IDS[0];
const QUOTE = 'Meesha Shafi took to social media to publicly accuse Ali Zafar';

describe('sync between clients', () => {
  it('gives every client the full article before anyone edits', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    const paragraphs = readCorpusArticle(ARTICLE)
      .split('\n')
      .filter((line) => line.trim());
    for (const client of [a, b]) {
      expect(articleText(client.doc)).toContain(paragraphs[2]);
      expect(articleText(client.doc)).toContain(paragraphs.at(-1));
      expect(articleText(client.doc)).toContain(QUOTE);
    }
  });

  it('carries a text edit and an annotation from one client to the other', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);

    typeAtStart(a.doc, 'EDITED: ');
    const id = tagQuote(a.doc, QUOTE, 'allegation');

    await waitFor(() => articleText(b.doc).startsWith('EDITED: '), { message: 'edit reached B' });
    const tagged = await waitFor(() =>
      readAnnotations(b.doc).valid.find((annotation) => annotation.id === id),
    );
    expect(tagged.label).toBe('allegation');
    expect(tagged.quote).toBe(QUOTE);
    expect(readAnnotations(b.doc).invalid).toEqual([]);
  });

  it('shows presence to other clients and removes it when the client leaves', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    const aId = a.doc.clientID;

    a.provider.awareness.setLocalStateField('user', { name: 'Ayesha', color: '#c33' });
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.user, { message: 'B sees A' });
    expect(b.provider.awareness.getStates().get(aId)).toEqual({ user: { name: 'Ayesha', color: '#c33' } });

    a.leave();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), { message: 'A gone from B' });
  });

  it('removes the presence of a client whose connection drops without goodbye', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    const aId = a.doc.clientID;
    a.provider.awareness.setLocalStateField('user', { name: 'Ayesha' });
    await waitFor(() => b.provider.awareness.getStates().has(aId), { message: 'B sees A' });

    a.drop();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), { message: 'server removed A' });
  });

  it('sends a late joiner the presence of those already connected', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, ARTICLE);
    a.provider.awareness.setLocalStateField('user', { name: 'Ayesha' });
    const b = await connectSyncedClient(server.syncUrl, ARTICLE);
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user, { message: 'B sees A' });
  });

  it('keeps articles apart', async () => {
    const server = await startTestServer();
    const a = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    const other = await connectSyncedClient(server.syncUrl, CORPUS_IDS[1]);
    const b = await connectSyncedClient(server.syncUrl, CORPUS_IDS[0]);
    typeAtStart(a.doc, 'ONLY HERE ');
    await waitFor(() => articleText(b.doc).startsWith('ONLY HERE '));
    expect(articleText(other.doc)).not.toContain('ONLY HERE');
  });
});

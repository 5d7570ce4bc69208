import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAnnotations } from '@factcheck/core';
import { issueToken, readBackup, type BackupDocument } from '@factcheck/server';
import { articleText, CORPUS_IDS, tagQuote, typeAtStart } from '../helpers/articles.js';
import { documentSnapshot } from '../helpers/document-snapshot.js';
import { expectOthersServed, openScene } from '../helpers/hostile-scene.js';
import { rawRequest } from '../helpers/raw-http.js';
import { runCli } from '../helpers/run-cli.js';
import { makeDataDir, startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const [FIRST, SECOND] = CORPUS_IDS;

/** The document a backup holds for `name`, as a Y.Doc. */
function docInBackup(documents: readonly BackupDocument[], name: string): Y.Doc {
  const document = documents.find((candidate) => candidate.name === name);
  if (!document) throw new Error(`${name} is not in the backup`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, document.state);
  return doc;
}

/** Whether every change counted in `vector` is also in `doc`. */
function holdsAll(doc: Y.Doc, vector: Map<number, number>): boolean {
  const held = Y.decodeStateVector(Y.encodeStateVector(doc));
  return [...vector].every(([client, clock]) => (held.get(client) ?? 0) >= clock);
}

async function downloadBackup(server: TestServer): Promise<Uint8Array> {
  const response = await fetch(new URL('/api/backup', server.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  return new Uint8Array(await response.arrayBuffer());
}

async function postBackup(server: TestServer, zip: Uint8Array): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/api/backup', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/zip' },
    body: new Blob([zip as Uint8Array<ArrayBuffer>]),
  });
  return { status: response.status, body: await response.json() };
}

describe('backup and restore', { timeout: 120_000 }, () => {
  it('backs up through the running server while reviewers edit, and a fresh data directory restored from it holds the same articles', async () => {
    const server = await startTestServer();
    const writer = await connectSyncedClient(server.syncUrl, FIRST);
    const other = await connectSyncedClient(server.syncUrl, SECOND);
    const observer = await connectSyncedClient(server.syncUrl, FIRST);
    const tag = tagQuote(writer.doc, 'Ali Zafar', 'denial');
    await waitFor(() => observer.doc.getMap('annotations').has(tag), { message: 'the tag is on the server' });

    // Reviewers keep typing in two articles while the backup runs.
    let editing = true;
    let typed = 0;
    const typing = (async () => {
      while (editing) {
        typeAtStart(writer.doc, `w${++typed} `);
        typeAtStart(other.doc, `o${typed} `);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    // What the server had certainly stored when the backup started (the observer only receives).
    const storedAtStart = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
    const file = path.join(await makeDataDir(), 'backup.zip');
    const backup = await runCli(['backup', file, '--server', server.url]);
    editing = false;
    await typing;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Wrote .*backup\.zip \(\d+ bytes, from http/);

    const documents = readBackup(new Uint8Array(await readFile(file)));
    expect(documents.map((document) => document.name).sort()).toEqual([...CORPUS_IDS]);
    expect(holdsAll(docInBackup(documents, FIRST), storedAtStart)).toBe(true);
    expect(readAnnotations(docInBackup(documents, FIRST)).valid.map((annotation) => annotation.id)).toEqual([
      tag,
    ]);
    expect(typed).toBeGreaterThan(0);

    const fresh = await makeDataDir();
    const restore = await runCli(['restore', file, '--data-dir', fresh]);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain('3 created, 0 merged, 0 unchanged');

    const restored = await startTestServer({ dataDir: fresh });
    for (const name of CORPUS_IDS) {
      const client = await connectSyncedClient(restored.syncUrl, name);
      expect(documentSnapshot(client.doc), name).toEqual(documentSnapshot(docInBackup(documents, name)));
    }
    const library = (await (await fetch(new URL('/api/articles', restored.url))).json()) as { id: string }[];
    expect(library.map((article) => article.id).sort()).toEqual([...CORPUS_IDS]);
  });

  it('merges a backup into the running server: connected reviewers get what was missing, nothing newer is lost', async () => {
    const source = await startTestServer();
    const author = await connectSyncedClient(source.syncUrl, FIRST);
    const early = tagQuote(author.doc, 'Ali Zafar', 'denial');
    const witness = await connectSyncedClient(source.syncUrl, FIRST);
    await waitFor(() => witness.doc.getMap('annotations').has(early), { message: 'first tag stored' });
    const older = await downloadBackup(source);
    const late = tagQuote(author.doc, 'Iffat Omar', 'allegation');
    await waitFor(() => witness.doc.getMap('annotations').has(late), { message: 'second tag stored' });
    const newer = await downloadBackup(source);

    // A server that lost everything gets the older backup back, and reviewers go on working on it.
    const target = await startTestServer({ corpusDir: null });
    expect(await postBackup(target, older)).toMatchObject({ status: 200, body: { created: 3, merged: 0 } });
    const reviewer = await connectSyncedClient(target.syncUrl, FIRST);
    const typist = await connectSyncedClient(target.syncUrl, FIRST);
    expect(reviewer.doc.getMap('annotations').has(early)).toBe(true);
    expect(reviewer.doc.getMap('annotations').has(late)).toBe(false);
    typeAtStart(typist.doc, 'WRITTEN AFTER THE RESTORE ');
    await waitFor(() => articleText(reviewer.doc).startsWith('WRITTEN AFTER THE RESTORE '), {
      message: 'live edit on the restored server',
    });

    // The newer backup is merged in while both are connected, from the command line.
    const file = path.join(await makeDataDir(), 'newer.zip');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, newer);
    const restore = await runCli(['restore', file, '--server', target.url]);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain('0 created, 1 merged, 2 unchanged');
    await waitFor(() => reviewer.doc.getMap('annotations').has(late), {
      message: 'the restored tag arrives live',
    });
    expect(articleText(reviewer.doc).startsWith('WRITTEN AFTER THE RESTORE ')).toBe(true);
    expect(reviewer.closes).toEqual([]);
    expect(typist.closes).toEqual([]);

    // Restoring again changes nothing; after a restart everything is there.
    expect(await postBackup(target, newer)).toMatchObject({ status: 200, body: { created: 0, merged: 0 } });
    const expected = documentSnapshot(reviewer.doc);
    reviewer.drop();
    typist.drop();
    await target.close();
    const again = await startTestServer({ dataDir: target.dataDir, corpusDir: null });
    const fresh = await connectSyncedClient(again.syncUrl, FIRST);
    expect(documentSnapshot(fresh.doc)).toEqual(expected);
  });

  it('leaves articles the backup does not hold alone', async () => {
    const server = await startTestServer();
    const client = await connectSyncedClient(server.syncUrl, SECOND);
    const before = documentSnapshot(client.doc);
    const only = readBackup(await downloadBackup(server)).filter((document) => document.name === FIRST);
    const manifest = {
      format: 'factcheck-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      documents: [{ name: FIRST, state: 'documents/first.ystate', summary: null, library: null }],
    };
    const zip = zipSync({
      'manifest.json': strToU8(JSON.stringify(manifest)),
      'documents/first.ystate': only[0].state,
    });
    expect(await postBackup(server, zip)).toMatchObject({
      status: 200,
      body: { documents: [{ name: FIRST, outcome: 'unchanged' }] },
    });
    expect(documentSnapshot(client.doc)).toEqual(before);
    expect(client.closes).toEqual([]);
  });

  it('refuses the data directory while the server holds it, and backs it up once it stopped', async () => {
    const server = await startTestServer();
    const file = path.join(await makeDataDir(), 'offline.zip');
    const locked = await runCli(['backup', file, '--data-dir', server.dataDir]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/in use.*--server/);
    await server.close();
    const offline = await runCli(['backup', file, '--data-dir', server.dataDir]);
    expect(offline.stderr).toBe('');
    expect(offline.stdout).toMatch(/3 documents from/);
    expect(readBackup(new Uint8Array(await readFile(file))).map((document) => document.name)).toHaveLength(3);
  });
});

/** Backups that are not backups, each answered 400 with a reason while everyone else is served. */
const BAD_BACKUPS: [string, () => Uint8Array, RegExp][] = [
  ['bytes that are no zip', () => strToU8('PK not really a zip'), /Not a zip/],
  ['a zip without a manifest', () => zipSync({ 'notes.txt': strToU8('hello') }), /no manifest/],
  [
    'a manifest naming ../../etc/passwd',
    () =>
      zipSync({
        'manifest.json': strToU8(
          JSON.stringify({
            format: 'factcheck-backup',
            version: 1,
            documents: [{ name: '../../etc/passwd', state: 'documents/x.ystate' }],
          }),
        ),
        'documents/x.ystate': Y.encodeStateAsUpdate(new Y.Doc()),
      }),
    /invalid name/,
  ],
  [
    'a document whose state is garbage',
    () =>
      zipSync({
        'manifest.json': strToU8(
          JSON.stringify({
            format: 'factcheck-backup',
            version: 1,
            documents: [{ name: FIRST, state: 'documents/x.ystate' }],
          }),
        ),
        'documents/x.ystate': Uint8Array.from([1, 200, 3, 4, 5]),
      }),
    /not a valid document/,
  ],
];

describe('backups in protected mode', () => {
  it('are for leads only: a reviewer gets 403 for both, a lead gets the zip and may restore it', async () => {
    const secret = 'backup-test-secret-that-is-long-enough-1234';
    const server = await startTestServer({ authSecret: secret });
    const tokenOf = (role: 'reviewer' | 'lead') => issueToken(secret, { id: `r-${role}`, name: role, role });
    const as = async (role: 'reviewer' | 'lead', init: RequestInit = {}) =>
      fetch(new URL('/api/backup', server.url), {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${await tokenOf(role)}` },
      });
    expect((await as('reviewer')).status).toBe(403);
    const zip = new Uint8Array(await (await as('lead')).arrayBuffer());
    expect(readBackup(zip)).toHaveLength(3);
    const post = (role: 'reviewer' | 'lead') =>
      as(role, {
        method: 'POST',
        headers: { 'content-type': 'application/zip' },
        body: new Blob([zip as Uint8Array<ArrayBuffer>]),
      });
    expect((await post('reviewer')).status).toBe(403);
    expect(await (await post('lead')).json()).toMatchObject({ created: 0, merged: 0, unchanged: 3 });
  });
});

describe('hostile backups', () => {
  it.each(BAD_BACKUPS)('refuses %s with 400 and a reason', async (name, zip, reason) => {
    const scene = await openScene();
    const before = documentSnapshot(scene.reader.doc);
    const response = await postBackup(scene.server, zip());
    expect(response.status).toBe(400);
    expect((response.body as { error: string }).error).toMatch(reason);
    expect(documentSnapshot(scene.reader.doc)).toEqual(before);
    await expectOthersServed(scene, `AFTER ${name.toUpperCase()}`);
  });

  it('refuses a backup in another content type with 415', async () => {
    const scene = await openScene();
    const response = await rawRequest(scene.server.url, '/api/backup', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'not a zip',
    });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body)).toEqual({ error: expect.any(String) });
    await expectOthersServed(scene, 'AFTER A TEXT BACKUP');
  });
});

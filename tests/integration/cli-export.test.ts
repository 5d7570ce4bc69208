import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptTag,
  readAnnotations,
  setClaimField,
  setTagStatus,
  TAGGING_ORIGIN,
  type Reviewer,
} from '@factcheck/core';
import { articleText, CORPUS_IDS, tagQuote } from '../helpers/articles.js';
import { makeDataDir, startTestServer, waitFor, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(REPO_ROOT, 'apps/cli/bin/factcheck.js');
const ARTICLE = CORPUS_IDS[0];
const ALLEGATION = 'Meesha Shafi took to social media';
const DENIAL = 'Ali Zafar refuted the accusations';
const FORMATS = 'txt, html, md, docx, pdf, w3c, brat, csv, claimreview';
const LEAD: Reviewer = { id: 'r-lead', name: 'Lead' };

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// Each run starts a Node process that loads the export and storage stacks (a few seconds on a busy machine).

/** Runs `node apps/cli/bin/factcheck.js …` as a user would, without blocking the test's own server. */
function runCli(
  args: readonly string[],
  cwd = REPO_ROOT,
  extraEnv: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const { DATA_DIR: _ignored, FACTCHECK_ORGANISATION: _unset, ...inherited } = process.env;
    const env = { ...inherited, ...extraEnv };
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Tags two passages of ARTICLE through a stock client and waits until the server has stored them. */
async function tagArticle(server: TestServer): Promise<{ text: string; ids: string[] }> {
  const client = await connectSyncedClient(server.syncUrl, ARTICLE);
  const ids = [tagQuote(client.doc, ALLEGATION, 'allegation'), tagQuote(client.doc, DENIAL, 'denial')];
  // The server stores an update before it forwards it, so a second client seeing both means stored.
  const observer = await connectSyncedClient(server.syncUrl, ARTICLE);
  await waitFor(() => ids.every((id) => observer.doc.getMap('annotations').has(id)), {
    message: 'tags stored by the server',
  });
  const text = articleText(client.doc);
  client.leave();
  observer.leave();
  return { text, ids };
}

/**
 * A rival tag disputes ALLEGATION (a rumour on the same text); a lead accepts the allegation, names
 * its claimant and resolves it with a verdict. Waits until the server has stored it all.
 */
async function adjudicateArticle(server: TestServer, allegationId: string): Promise<string> {
  const client = await connectSyncedClient(server.syncUrl, ARTICLE);
  await waitFor(() => client.doc.getMap('annotations').has(allegationId), { message: 'tags synced' });
  const rival = tagQuote(client.doc, ALLEGATION, 'rumour');
  const accepted = readAnnotations(client.doc).valid.find((tag) => tag.id === allegationId)!;
  client.doc.transact(() => {
    const adjudication = acceptTag(client.doc, [allegationId, rival], accepted, LEAD);
    const decided = readAnnotations(client.doc).valid.find((tag) => tag.adjudicationId === adjudication)!;
    setClaimField(client.doc, decided.id, 'claimant', 'Meesha Shafi', LEAD);
    setTagStatus(client.doc, decided.id, 'resolved', LEAD, 'Unproven');
  }, TAGGING_ORIGIN);
  const decidedId = readAnnotations(client.doc).valid.find((tag) => tag.adjudicated)!.id;
  const observer = await connectSyncedClient(server.syncUrl, ARTICLE);
  await waitFor(
    () => {
      const stored = observer.doc.getMap('annotations').get(decidedId);
      return stored instanceof Y.Map && stored.get('status') === 'resolved';
    },
    { message: 'adjudication stored by the server' },
  );
  client.leave();
  observer.leave();
  return decidedId;
}

/** A data directory the real server seeded with the corpus and two tags, server closed again. */
async function seededDataDir(): Promise<{ dataDir: string; text: string; ids: string[] }> {
  const dataDir = await makeDataDir();
  const server = await startTestServer({ dataDir });
  const tagged = await tagArticle(server);
  await server.close();
  return { dataDir, ...tagged };
}

/** The lines of a csv export holding a tag id. */
function csvRowsOf(csv: string, ids: readonly string[]): string[] {
  return csv.split(/\r\n/u).filter((line) => ids.some((id) => line.startsWith(`${id},`)));
}

describe('factcheck export, reading the data directory', { timeout: 90_000 }, () => {
  it('writes one article as txt (its text) and csv (its tag rows), honouring filters', async () => {
    const { dataDir, text, ids } = await seededDataDir();
    const out = await makeDataDir();

    const txt = await runCli(['export', ARTICLE, '--format', 'txt', '--data-dir', dataDir], out);
    expect(txt.stderr).toBe('');
    expect(txt.code).toBe(0);
    const [written] = await readdir(out);
    expect(written).toMatch(/^iffat-omar-ali-zafar.*\.txt$/u);
    expect(txt.stdout).toContain(written);
    expect(await readFile(path.join(out, written), 'utf8')).toBe(text);

    const csvPath = path.join(out, 'nested', 'tags.csv');
    const csv = await runCli(['export', ARTICLE, '-f', 'csv', '-o', csvPath, '--data-dir', dataDir]);
    expect(csv.code).toBe(0);
    const rows = csvRowsOf(await readFile(csvPath, 'utf8'), ids);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`,allegation,${ALLEGATION},`);
    expect(rows[1]).toContain(`,denial,${DENIAL},`);

    const denialsOnly = path.join(out, 'denials.csv');
    const filtered = await runCli([
      'export',
      ARTICLE,
      '-f',
      'csv',
      '-o',
      denialsOnly,
      '--label',
      'denial',
      '--data-dir',
      dataDir,
    ]);
    expect(filtered.code).toBe(0);
    expect(csvRowsOf(await readFile(denialsOnly, 'utf8'), ids)).toEqual([expect.stringContaining(DENIAL)]);

    const nobody = path.join(out, 'nobody.csv');
    const byNobody = await runCli([
      'export',
      ARTICLE,
      '-f',
      'csv',
      '-o',
      nobody,
      '--author',
      'nobody',
      '-d',
      dataDir,
    ]);
    expect(byNobody.code).toBe(0);
    expect(csvRowsOf(await readFile(nobody, 'utf8'), ids)).toEqual([]);

    const stdout = await runCli(['export', ARTICLE, '-f', 'txt', '-o', '-', '--data-dir', dataDir]);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(text);
  });

  it('writes brat as a bundle: the txt and the ann side by side, offsets into that txt', async () => {
    const { dataDir, text } = await seededDataDir();
    const out = await makeDataDir();
    const run = await runCli(['export', ARTICLE, '-f', 'brat', '--data-dir', dataDir], out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [written] = await readdir(out);
    expect(written).toMatch(/^iffat-omar-ali-zafar[a-z0-9-]*\.brat\.zip$/u);
    const files = unzipSync(new Uint8Array(await readFile(path.join(out, written))));
    const stem = written.replace(/\.brat\.zip$/u, '');
    expect(Object.keys(files).sort()).toEqual(
      [
        `${stem}.ann`,
        `${stem}.txt`,
        `${stem}.unanchored.csv`,
        `${stem}.meta.json`,
        'annotation.conf',
        'visual.conf',
      ].sort(),
    );
    const txt = strFromU8(files[`${stem}.txt`]);
    expect(txt).toBe(text);
    const spans = strFromU8(files[`${stem}.ann`])
      .split('\n')
      .map((line) => /^T\d+\t(\w+) (\d+) (\d+)\t(.*)$/u.exec(line))
      .filter((match) => match !== null)
      .map(([, label, start, end, quote]) => ({
        label,
        quote,
        slice: [...txt].slice(+start, +end).join(''),
      }));
    expect(spans).toEqual([
      { label: 'allegation', quote: ALLEGATION, slice: ALLEGATION },
      { label: 'denial', quote: DENIAL, slice: DENIAL },
    ]);
  });

  it('writes every article with --all: three files into a directory, or one zip', async () => {
    const { dataDir } = await seededDataDir();
    const out = await makeDataDir();
    const directory = path.join(out, 'all-html');

    const all = await runCli([
      'export',
      '--all',
      '--format',
      'html',
      '--out',
      directory,
      '--data-dir',
      dataDir,
    ]);
    expect(all.code).toBe(0);
    const files = (await readdir(directory)).sort();
    expect(files).toHaveLength(3);
    expect(files.every((file) => file.endsWith('.html'))).toBe(true);
    // Not a terminal: one plain progress line per article on stderr.
    expect(all.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^\[1\/3\] /u),
      expect.stringMatching(/^\[2\/3\] /u),
      expect.stringMatching(/^\[3\/3\] /u),
    ]);
    const tagged = await Promise.all(files.map((file) => readFile(path.join(directory, file), 'utf8')));
    expect(tagged.filter((html) => html.includes(ALLEGATION))).not.toHaveLength(0);

    const zipPath = path.join(out, 'all.zip');
    const zipped = await runCli(['export', '--all', '-f', 'txt', '-o', zipPath, '--data-dir', dataDir]);
    expect(zipped.code).toBe(0);
    const entries = unzipSync(new Uint8Array(await readFile(zipPath)));
    expect(Object.keys(entries)).toHaveLength(3);
    expect(Object.keys(entries).every((name) => name.endsWith('.txt'))).toBe(true);
  });
});

describe('factcheck export --view and claimreview', { timeout: 90_000 }, () => {
  it('exports the decided tag by default, every reviewer tag with --view all, and ClaimReview for the verdict', async () => {
    const dataDir = await makeDataDir();
    const server = await startTestServer({ dataDir });
    const { ids } = await tagArticle(server);
    const decidedId = await adjudicateArticle(server, ids[0]);
    await server.close();
    const out = await makeDataDir();
    const csvOf = async (file: string) => (await readFile(path.join(out, file), 'utf8')).split(/\r\n/u);

    // One at a time: LevelDB admits one process. The bad view fails before opening the store.
    const unknownView = runCli(['export', ARTICLE, '-f', 'csv', '--view', 'mine', '-d', dataDir]);
    const byDefault = await runCli([
      'export',
      ARTICLE,
      '-f',
      'csv',
      '-o',
      path.join(out, 'default.csv'),
      '-d',
      dataDir,
    ]);
    const all = await runCli([
      'export',
      ARTICLE,
      '-f',
      'csv',
      '-o',
      path.join(out, 'all.csv'),
      '--view',
      'all',
      '-d',
      dataDir,
    ]);
    const claims = await runCli(
      ['export', ARTICLE, '-f', 'claimreview', '-o', path.join(out, 'claims.jsonld'), '-d', dataDir],
      REPO_ROOT,
      { FACTCHECK_ORGANISATION: 'Soch Fact Check' },
    );
    for (const run of [byDefault, all, claims]) expect(run.stderr).toBe('');
    const byDefaultRows = await csvOf('default.csv');
    expect(byDefaultRows.filter((line) => line.startsWith(`${decidedId},`))).toHaveLength(1);
    expect(byDefaultRows.filter((line) => line.includes(`,${ALLEGATION},`))).toHaveLength(1);
    const allRows = await csvOf('all.csv');
    expect(allRows.some((line) => line.startsWith(`${decidedId},`))).toBe(false);
    // Both tags on the passage: the allegation and the rival rumour.
    expect(allRows.filter((line) => line.includes(`,${ALLEGATION},`))).toHaveLength(2);

    const reviews = JSON.parse(await readFile(path.join(out, 'claims.jsonld'), 'utf8')) as {
      claimReviewed: string;
      author: { name: string };
      reviewRating: { alternateName: string };
      itemReviewed: { author?: { name: string } };
    }[];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      claimReviewed: ALLEGATION,
      author: { name: 'Soch Fact Check' },
      reviewRating: { alternateName: 'Unproven' },
      itemReviewed: { author: { name: 'Meesha Shafi' } },
    });

    const rejected = await unknownView;
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('Unknown view "mine". Views: adjudicated, all.');
  });

  it('passes --view to a running server', async () => {
    const server = await startTestServer();
    const { ids } = await tagArticle(server);
    const decidedId = await adjudicateArticle(server, ids[0]);
    const out = await makeDataDir();
    const [byDefault, all] = await Promise.all([
      runCli(['export', ARTICLE, '-f', 'csv', '-o', path.join(out, 'default.csv'), '--server', server.url]),
      runCli([
        'export',
        ARTICLE,
        '-f',
        'csv',
        '-o',
        path.join(out, 'all.csv'),
        '--view',
        'all',
        '--server',
        server.url,
      ]),
    ]);
    expect(byDefault.code).toBe(0);
    expect(all.code).toBe(0);
    expect(await readFile(path.join(out, 'default.csv'), 'utf8')).toContain(`${decidedId},`);
    expect(await readFile(path.join(out, 'all.csv'), 'utf8')).not.toContain(`${decidedId},`);
  });
});

describe('factcheck errors', { timeout: 90_000 }, () => {
  it('rejects an unknown format with the list of formats, exit code 1 and no stack trace', async () => {
    const run = await runCli(['export', ARTICLE, '--format', 'rtf']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown format "rtf"');
    expect(run.stderr).toContain(FORMATS);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('names an unknown article, an unknown label, and a data directory without articles', async () => {
    const { dataDir } = await seededDataDir();
    const empty = await makeDataDir();
    // Only the first run opens the store: the others fail before reading any data.
    const [unknown, label, none, missing] = await Promise.all([
      runCli(['export', 'no_such_article', '-f', 'txt', '--data-dir', dataDir]),
      runCli(['export', ARTICLE, '-f', 'txt', '--label', 'hoax', '--data-dir', dataDir]),
      runCli(['export', '--all', '-f', 'txt', '--data-dir', empty]),
      runCli(['export', '--all', '-f', 'txt', '--data-dir', path.join(empty, 'nope')]),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No article with id "no_such_article"');
    expect(unknown.stderr).toContain(ARTICLE);

    expect(label.code).toBe(1);
    expect(label.stderr).toContain('allegation, denial, rumour');

    expect(none.code).toBe(1);
    expect(none.stderr).toContain('holds no articles');
    // Reading did not create a store in the empty directory.
    expect(await readdir(empty)).toEqual([]);

    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No data directory');
    for (const run of [unknown, label, none, missing]) expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('lists its commands in --help', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/export \[options\] \[articleId\]/u);
    expect(help.stdout).toContain('list');
  });
});

describe('factcheck export while the server runs', { timeout: 90_000 }, () => {
  it('explains that the data directory is locked and suggests --server', async () => {
    const server = await startTestServer();
    const run = await runCli(['export', ARTICLE, '-f', 'txt', '--data-dir', server.dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('in use by another process');
    expect(run.stderr).toContain('--server http://localhost:8080');
  });

  it('exports through the HTTP endpoints with --server', async () => {
    const server = await startTestServer();
    const { text, ids } = await tagArticle(server);
    const out = await makeDataDir();

    const here = path.join(out, 'here');
    const csvPath = path.join(out, 'denial.csv');
    const directory = path.join(out, 'all');
    await mkdir(here);
    await mkdir(directory);
    await writeFile(path.join(directory, 'keep.me'), '');
    // A server admits many readers at once, unlike the data directory.
    const [txt, csv, all, unknown, down] = await Promise.all([
      runCli(['export', ARTICLE, '-f', 'txt', '--server', server.url], here),
      runCli(['export', ARTICLE, '-f', 'csv', '-o', csvPath, '--label', 'denial', '--server', server.url]),
      runCli(['export', '--all', '-f', 'w3c', '-o', directory, '--server', server.url]),
      runCli(['export', 'no_such_article', '-f', 'txt', '--server', server.url]),
      runCli(['export', ARTICLE, '-f', 'txt', '--server', 'http://127.0.0.1:9']),
    ]);

    expect(txt.code).toBe(0);
    const [written] = await readdir(here);
    // The same slug as from the data directory.
    expect(written).toMatch(/^iffat-omar-ali-zafar.*\.txt$/u);
    expect(await readFile(path.join(here, written), 'utf8')).toBe(text);

    expect(csv.code).toBe(0);
    expect(csvRowsOf(await readFile(csvPath, 'utf8'), ids)).toEqual([expect.stringContaining(DENIAL)]);

    expect(all.code).toBe(0);
    expect((await readdir(directory)).filter((file) => file !== 'keep.me')).toHaveLength(3);

    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No article with id "no_such_article"');

    expect(down.code).toBe(1);
    expect(down.stderr).toContain('Cannot reach the server');
  });
});

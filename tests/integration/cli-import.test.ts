import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleMeta } from '@factcheck/core';
import { issueToken } from '@factcheck/server';
import { articleText } from '../helpers/articles.js';
import { getJson, makeDataDir, startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { connectSyncedClient } from '../helpers/sync-client.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(REPO_ROOT, 'apps/cli/bin/factcheck.js');
const FIXTURES = 'tests/fixtures/import';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// Each run starts a Node process that loads the import and storage stacks (a few seconds on a busy machine).

/** Runs `node apps/cli/bin/factcheck.js …` from the repository root, as a user would. */
function runCli(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const { DATA_DIR: _ignored, FACTCHECK_TOKEN: _unset, ...inherited } = process.env;
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The `id<TAB>title<TAB>file` lines the import prints. */
function importedLines(stdout: string): { id: string; title: string; file: string }[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, title, file] = line.split('\t');
      return { id, title, file };
    });
}

async function listed(server: TestServer): Promise<{ id: string; title: string }[]> {
  return (await getJson(server, '/api/articles')).body as { id: string; title: string }[];
}

describe('factcheck import', { timeout: 90_000 }, () => {
  it('imports files into a data directory, reports a bad one, and the server then serves them', async () => {
    const dataDir = await makeDataDir();
    const run = await runCli([
      'import',
      `${FIXTURES}/news-page.html`,
      `${FIXTURES}/front-matter.md`,
      `${FIXTURES}/libreoffice.docx`,
      `${FIXTURES}/windows-1252-undeclared.txt`,
      `${FIXTURES}/urdu-emoji.txt`,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(1);
    const lines = importedLines(run.stdout);
    expect(lines.map((line) => [line.title, path.basename(line.file)])).toEqual([
      ['Singer files defamation case as “fake news” row grows', 'news-page.html'],
      ['Iffat Omar, Ali Zafar get into Twitter spat over defamation case', 'front-matter.md'],
      ['Court hears defamation case – notes from the hearing', 'libreoffice.docx'],
      ['علی ظفر کا بیان', 'urdu-emoji.txt'],
    ]);
    expect(run.stderr).toContain(
      `Could not import ${FIXTURES}/windows-1252-undeclared.txt: The file is not valid UTF-8 text`,
    );
    expect(run.stderr).toContain('--charset windows-1252');
    expect(run.stderr).toContain('[5/5]');
    expect(run.stderr).toContain('Imported 4 of 5 files.');
    expect(run.stderr).toMatch(
      /factcheck: 1 of 5 files were not imported: .*windows-1252-undeclared\.txt\./u,
    );

    // The data directory now holds the four articles and nothing else: no corpus is seeded into it.
    const server = await startTestServer({ dataDir });
    expect((await listed(server)).map((article) => article.id).sort()).toEqual(
      lines.map((line) => line.id).sort(),
    );
    const client = await connectSyncedClient(server.syncUrl, lines[3].id);
    expect(articleText(client.doc)).toContain(
      'علی ظفر نے الزامات کی تردید کی اور ہتک عزت کا مقدمہ دائر کیا۔ 🎤',
    );
  });

  it('imports through a running server with --title, --source and --charset, and advises --server when the data directory is locked', async () => {
    const server = await startTestServer({ corpusDir: null });
    const run = await runCli([
      'import',
      `${FIXTURES}/windows-1252-undeclared.txt`,
      '--server',
      server.url,
      '--charset',
      'windows-1252',
      '--title',
      'Café rumour',
      '--source',
      'https://archive.example.org/cafe',
    ]);
    expect(run.stderr).toContain('Imported 1 of 1 file.');
    expect(run.code).toBe(0);
    const [line] = importedLines(run.stdout);
    expect(line.title).toBe('Café rumour');
    expect((await listed(server)).map((article) => article.id)).toEqual([line.id]);
    const client = await connectSyncedClient(server.syncUrl, line.id);
    // Under a given title the file's first line stays in the text.
    expect(articleText(client.doc)).toBe(
      'Café owner denies the rumour\n\nThe café’s owner said the story was “nonsense” – naïve at best.',
    );
    expect(readArticleMeta(client.doc)).toMatchObject({
      title: 'Café rumour',
      sourceUrl: 'https://archive.example.org/cafe',
    });

    const locked = await runCli(['import', `${FIXTURES}/front-matter.md`, '--data-dir', server.dataDir]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/in use by another process.*--server http:\/\/localhost:8080/u);
  });

  it("needs a lead's token on a protected server", async () => {
    const secret = 'cli-import-secret-that-is-long-enough-007';
    const server = await startTestServer({ authSecret: secret, corpusDir: null });
    const reviewer = await issueToken(secret, { id: 'r1', name: 'Reviewer', role: 'reviewer' });
    const lead = await issueToken(secret, { id: 'l1', name: 'Lead', role: 'lead' });
    const refused = await runCli([
      'import',
      `${FIXTURES}/front-matter.md`,
      '--server',
      server.url,
      '--token',
      reviewer,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The server refused it: 403');
    const accepted = await runCli(['import', `${FIXTURES}/front-matter.md`, '--server', server.url], {
      FACTCHECK_TOKEN: lead,
    });
    expect(accepted.code).toBe(0);
    expect(importedLines(accepted.stdout)).toHaveLength(1);
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir, startTestServer } from '../helpers/start-test-server.js';

async function makeWebDist(): Promise<string> {
  const dist = await makeDataDir();
  await mkdir(path.join(dist, 'assets'));
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Fact-check app</title><div id="root"></div>',
  );
  await writeFile(path.join(dist, 'assets', 'app-1234.js'), 'console.log("app");');
  return dist;
}

describe('serving the web app', () => {
  it('serves files, and the app page for client-side routes', async () => {
    const server = await startTestServer({ webDist: await makeWebDist() });
    for (const pathname of ['/', '/articles/000_b05564db9c0361cb', '/some/deep/route']) {
      const response = await fetch(new URL(pathname, server.url));
      expect(response.status, pathname).toBe(200);
      expect(await response.text()).toContain('Fact-check app');
    }
    const asset = await fetch(new URL('/assets/app-1234.js', server.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('answers JSON 404 for unknown API routes and non-GET requests, not the app page', async () => {
    const server = await startTestServer({ webDist: await makeWebDist() });
    const api = await fetch(new URL('/api/unknown', server.url));
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: expect.any(String) });
    const post = await fetch(new URL('/articles/x', server.url), { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toEqual({ error: expect.any(String) });
  });

  it('says how to build the app when it has not been built', async () => {
    const server = await startTestServer({ webDist: path.join(await makeDataDir(), 'missing') });
    const response = await fetch(new URL('/articles/anything', server.url));
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('npm run build');
    expect((await fetch(new URL('/api/health', server.url))).status).toBe(200);
  });
});

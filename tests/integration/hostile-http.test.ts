import { describe, expect, it } from 'vitest';
import { CloseCode } from '@factcheck/server';
import {
  expectOthersServed,
  expectStoredIntact,
  openScene,
  TARGET_ARTICLE,
} from '../helpers/hostile-scene.js';
import { rawRequest, rawUpgrade } from '../helpers/raw-http.js';

/** Hostile article ids on the sync endpoint, sent as raw paths (clients would normalize them). */
const SYNC_IDS: [string, string][] = [
  ['a bare ..', '/sync/..'],
  ['an encoded ../../etc/passwd', '/sync/..%2F..%2Fetc%2Fpasswd'],
  ['backslashes', '/sync/..%5C..%5Cwindows'],
  ['a NUL byte', '/sync/article%00.txt'],
  ['an id of 5,000 characters', `/sync/${'a'.repeat(5_000)}`],
  ['malformed percent-encoding', '/sync/%E0%A4%A'],
];

/** Hostile HTTP requests: path, method, body, and the status they must get (with a JSON error). */
const HTTP_CASES: { name: string; path: string; status: number; init?: Parameters<typeof rawRequest>[2] }[] =
  [
    { name: 'an article id with ../', path: '/api/articles/..%2F..%2Fetc%2Fpasswd', status: 400 },
    { name: 'an article id with a NUL byte', path: '/api/articles/a%00b', status: 400 },
    { name: 'an article id of 200 characters', path: `/api/articles/${'a'.repeat(200)}`, status: 400 },
    { name: 'an export of a traversing id', path: '/api/articles/..%2Fdata/export?format=txt', status: 400 },
    {
      name: 'annotations that are not JSON',
      path: `/api/articles/${TARGET_ARTICLE}/annotations`,
      status: 400,
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "Annot' },
    },
    {
      name: 'annotations over the body limit (6 MB)',
      path: `/api/articles/${TARGET_ARTICLE}/annotations`,
      status: 413,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'AnnotationCollection', pad: 'x'.repeat(6 * 1024 * 1024) }),
      },
    },
    {
      name: 'annotations as text/html',
      path: `/api/articles/${TARGET_ARTICLE}/annotations`,
      status: 415,
      init: { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<script>alert(1)</script>' },
    },
  ];

describe('hostile article ids and HTTP requests', () => {
  it.each(SYNC_IDS)('closes a sync connection to %s with 4400', async (name, path) => {
    const scene = await openScene();
    const outcome = await rawUpgrade(scene.server.url, path);
    // Too long for Node's header limit is refused before any upgrade (431); the rest get a close.
    if (outcome.kind === 'http') expect(outcome.status).toBe(431);
    else
      expect(outcome).toEqual({ kind: 'closed', code: CloseCode.badMessage, reason: 'invalid article id' });
    await expectOthersServed(scene, `AFTER ${name.toUpperCase()}`);
    await expectStoredIntact(scene);
  });

  it.each(HTTP_CASES)('answers $name with $status and a JSON error', async ({ name, path, status, init }) => {
    const scene = await openScene();
    const response = await rawRequest(scene.server.url, path, init);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toEqual({ error: expect.any(String) });
    await expectOthersServed(scene, `AFTER ${name.toUpperCase()}`);
    await expectStoredIntact(scene);
  });

  it('never serves files outside the web app for a traversing path', async () => {
    const scene = await openScene();
    for (const path of [
      '/../../../../etc/passwd',
      '/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
      '/..%2F..%2F..%2Fetc%2Fpasswd',
    ]) {
      const response = await rawRequest(scene.server.url, path);
      expect(response.body, path).not.toMatch(/root:.*:0:0:/);
    }
    await expectOthersServed(scene, 'AFTER TRAVERSAL');
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ServerLogger } from '../logger.js';

/** Served in place of the app when it has not been built. */
const BUILD_HINT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fact-check editor: web app not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The web app has not been built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first) and reload this page.</p>
<p>The API (<a href="/api/articles">/api/articles</a>) and the sync endpoint work without it.</p>
</body></html>
`;

/** Answers a GET that matched no route and no file: the app's page, which routes on the client. */
export type AppPageFallback = (reply: FastifyReply) => FastifyReply;

/**
 * Serves the built web app from `webDist` (hashed assets cached for good, pages revalidated) and
 * returns the SPA fallback; without a build, the fallback is a page saying how to build it.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webDist: string | null,
  log: ServerLogger,
): Promise<AppPageFallback> {
  if (!webDist || !existsSync(path.join(webDist, 'index.html'))) {
    log.warn({ webDist }, 'web app not built; serving a build hint instead');
    return (reply) => reply.code(200).type('text/html; charset=utf-8').send(BUILD_HINT_HTML);
  }
  await app.register(fastifyStatic, {
    root: path.resolve(webDist),
    wildcard: true,
    index: 'index.html',
    cacheControl: false,
    setHeaders(res, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  log.info({ webDist }, 'serving the web app');
  return (reply) => reply.sendFile('index.html');
}

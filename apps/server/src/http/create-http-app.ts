import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import type { AccessControl } from '../auth/access-control.js';
import { installHttpAccess } from '../auth/http-access.js';
import type { ServerLogger } from '../logger.js';
import type { ArticleLibrary } from '../library/article-library.js';
import type { ArticleLifecycle } from '../library/article-lifecycle.js';
import type { ArticleSnapshots } from '../export/article-snapshots.js';
import type { DocumentRegistry } from '../sync/document-registry.js';
import { annotationImportRoutes } from './annotation-import-routes.js';
import { articleImportRoutes } from './article-import-routes.js';
import { annotationSearchRoutes } from './annotation-search-routes.js';
import { apiRoutes } from './api-routes.js';
import { backupRoutes } from './backup-routes.js';
import { blindReviewRoutes } from './blind-review-routes.js';
import type { BlindReviews } from '../review/blind-reviews.js';
import { libraryRoutes } from './library-routes.js';
import { readingCopyRoutes } from './reading-copy-routes.js';
import { exportRoutes } from './export-routes.js';
import { reviewRoutes } from './review-routes.js';
import { registerWebApp } from './web-app.js';

/** What the HTTP side serves. */
export interface HttpAppOptions {
  readonly log: ServerLogger;
  readonly library: ArticleLibrary;
  /** Archiving, deleting and restoring articles. */
  readonly lifecycle: ArticleLifecycle;
  /** Read access to articles for exports. */
  readonly articles: ArticleSnapshots;
  /** The live documents, which imported annotations are written into. */
  readonly registry: DocumentRegistry;
  readonly webDist: string | null;
  readonly startedAt: number;
  /** Who may do what (protected mode) or nothing to check (open mode). */
  readonly access: AccessControl;
  /** Blind reviews of articles. */
  readonly blind: BlindReviews;
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * The Fastify app: the JSON API under `/api`, the web app with its SPA fallback for every other
 * GET, JSON errors everywhere else, and one log line per request.
 */
export async function createHttpApp({
  log,
  library,
  lifecycle,
  articles,
  registry,
  webDist,
  startedAt,
  access,
  blind,
}: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log.child({ component: 'http' }),
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 256 },
  }) as unknown as FastifyInstance;

  app.addHook('onResponse', async (request, reply) => {
    const level = request.url === '/api/health' ? 'debug' : 'info';
    request.log[level](
      {
        method: request.method,
        url: request.url.replace(/([?&]access_token=)[^&]*/u, '$1[redacted]'),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ reason: error.message }, 'request rejected');
    return reply.code(status).send({ error: status >= 500 ? 'Internal server error.' : error.message });
  });

  installHttpAccess(app, access);
  await app.register(apiRoutes({ library, startedAt }), { prefix: '/api' });
  await app.register(libraryRoutes({ library, lifecycle }), { prefix: '/api' });
  await app.register(annotationSearchRoutes({ library }), { prefix: '/api' });
  await app.register(exportRoutes({ articles }), { prefix: '/api' });
  await app.register(readingCopyRoutes({ library, registry }), { prefix: '/api' });
  await app.register(reviewRoutes({ articles, library }), { prefix: '/api' });
  await app.register(blindReviewRoutes({ blind, registry }), { prefix: '/api' });
  await app.register(annotationImportRoutes({ registry }), { prefix: '/api' });
  await app.register(articleImportRoutes({ store: library.watch() }), { prefix: '/api' });
  await app.register(backupRoutes({ registry }), { prefix: '/api' });
  const appPage = await registerWebApp(app, webDist, log);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (isPage && !isApiPath(path) && !path.startsWith('/sync/')) return appPage(reply);
    return reply.code(404).send({ error: `Not found: ${request.method} ${path}` });
  });

  return app;
}

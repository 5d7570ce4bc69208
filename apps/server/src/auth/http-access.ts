import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessControl } from './access-control.js';
import { TokenError, type Principal } from './tokens.js';

/**
 * Protected mode on the HTTP side: every `/api` request carries `Authorization: Bearer <token>`;
 * the route's declared access (`config.access`) and its `:id` article decide what it may do.
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request: null in open mode. */
    principal: Principal | null;
  }
}

/**
 * The request's token: `Authorization: Bearer <token>`, or for downloads by link (GET) the
 * `access_token` query parameter (RFC 6750 §2.3).
 */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/iu.exec(header);
    return match ? match[1] : null;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const query = request.url.split('?')[1];
  return query ? new URLSearchParams(query).get('access_token') : null;
}

function articleIdOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  return typeof params?.id === 'string' ? params.id : null;
}

/** Installs the token check on every API route of the app. */
export function installHttpAccess(app: FastifyInstance, access: AccessControl): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') && request.url !== '/api') return;
    const declared = request.routeOptions.config?.access;
    if (declared?.public) return;
    try {
      request.principal = await access.authenticate(bearerToken(request));
    } catch (error) {
      const message = error instanceof TokenError ? error.message : 'The token could not be checked.';
      return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: message });
    }
    const principal = request.principal;
    if (declared?.everyArticle && principal !== null && principal.articles !== '*') {
      return reply.code(403).send({ error: 'Your token covers only some articles; this needs all of them.' });
    }
    const reason = access.refuse(principal, declared?.permission ?? 'read', articleIdOf(request));
    if (reason) return reply.code(403).send({ error: reason });
  });
  app.get('/api/session', async (request) => sessionOf(request, access));
}

/** What `GET /api/session` tells the web app: the mode, and who the token speaks for. */
export function sessionOf(request: FastifyRequest, access: AccessControl) {
  const principal = request.principal;
  return {
    protected: access.isProtected,
    reviewer: principal && { id: principal.id, name: principal.name },
    role: principal?.role ?? null,
    articles: principal?.articles ?? '*',
  };
}

/** Whether the request's principal may see an article: lists and searches keep only these. */
export function mayRead(request: FastifyRequest, articleId: string): boolean {
  const principal = request.principal;
  return principal === null || principal.articles === '*' || principal.articles.includes(articleId);
}

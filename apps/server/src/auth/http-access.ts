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

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/iu.exec(header);
  return match ? match[1] : null;
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
}

/** Whether the request's principal may see an article: lists and searches keep only these. */
export function mayRead(request: FastifyRequest, articleId: string): boolean {
  const principal = request.principal;
  return principal === null || principal.articles === '*' || principal.articles.includes(articleId);
}

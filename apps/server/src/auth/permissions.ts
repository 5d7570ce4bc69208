/**
 * Roles and what each may do. The server checks these on every HTTP request and every sync
 * message when protected mode is on (`AUTH_SECRET` set); in open mode everyone may do everything.
 */

/** A reviewer's role, carried in their token. */
export type Role = 'viewer' | 'reviewer' | 'editor' | 'lead';

/** Every role, weakest first. */
export const ROLES: readonly Role[] = ['viewer', 'reviewer', 'editor', 'lead'];

/**
 * Something a request or a sync message needs:
 * - `read`: see an article, its tags and exports;
 * - `annotate`: add and change tags, threads, evidence, claims (not the article text);
 * - `edit`: change the article text and metadata;
 * - `manage`: resolve disputes (adjudicate), reveal blind reviews, import, archive and delete articles.
 */
export type Permission = 'read' | 'annotate' | 'edit' | 'manage';

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['read'],
  reviewer: ['read', 'annotate'],
  editor: ['read', 'annotate', 'edit'],
  lead: ['read', 'annotate', 'edit', 'manage'],
};

/** Whether a role carries a permission. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Whether a string names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Route options every HTTP route declares (`config` in Fastify's route options):
 * the permission it needs, and whether it concerns the article named by its `:id` parameter.
 * Routes without it need `read`.
 */
export interface RouteAccess {
  readonly permission: Permission;
  /** Served without a token even in protected mode (health checks). */
  readonly public?: boolean;
  /** Reads across every article: a token scoped to some articles may not use it. */
  readonly everyArticle?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; see RouteAccess. Default `{ permission: 'read' }`. */
    access?: RouteAccess;
  }
}

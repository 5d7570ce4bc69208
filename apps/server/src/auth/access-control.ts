import { coversArticle, TokenError, verifyToken, type Principal } from './tokens.js';
import { roleAllows, type Permission } from './permissions.js';

/**
 * The server's gate: in open mode (no secret) everyone may do everything; in protected mode every
 * request and connection must carry a valid token whose role and articles allow what it asks.
 */
export class AccessControl {
  constructor(private readonly secret: string | null) {}

  /** Whether tokens are required. */
  get isProtected(): boolean {
    return this.secret !== null;
  }

  /**
   * Who a token speaks for: null in open mode; in protected mode throws TokenError when the
   * token is missing or not valid.
   */
  async authenticate(token: string | null | undefined): Promise<Principal | null> {
    if (this.secret === null) return null;
    if (!token) throw new TokenError('A token is required: sign in with your invite link.');
    return verifyToken(this.secret, token);
  }

  /** Why a principal may not do something with an article (null article: not article-specific), or null. */
  refuse(principal: Principal | null, permission: Permission, articleId: string | null): string | null {
    if (principal === null) return null;
    if (articleId !== null && !coversArticle(principal, articleId)) {
      return 'Your token does not cover this article.';
    }
    if (!roleAllows(principal.role, permission)) {
      return `A ${principal.role} may not do this (it needs ${permission} access).`;
    }
    return null;
  }

  /** Whether a principal may see an article at all (open mode: always). */
  canRead(principal: Principal | null, articleId: string): boolean {
    return principal === null || coversArticle(principal, articleId);
  }
}

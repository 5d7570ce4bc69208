import { errors, jwtVerify, SignJWT } from 'jose';
import { isRole, type Role } from './permissions.js';

/**
 * Signed access tokens (JWT, HS256 through `jose`): who a reviewer is, their role, the articles
 * they cover, and when the token expires.
 */

/** Articles a token covers: every article, or a list of ids. */
export type ArticleScope = '*' | readonly string[];

/** The reviewer a verified token speaks for. */
export interface Principal {
  /** Reviewer id: the `author` of their tags. */
  readonly id: string;
  /** Display name: presence and tag authorship show this. */
  readonly name: string;
  readonly role: Role;
  readonly articles: ArticleScope;
}

/** What to put in a new token. */
export interface TokenRequest {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Default every article. */
  readonly articles?: ArticleScope;
  /** Lifetime in days; default 30. */
  readonly days?: number;
}

/** A token was missing, malformed, badly signed, expired or carries unusable claims. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
}

const ISSUER = 'factcheck';
const ALGORITHM = 'HS256';
/** Shortest secret accepted: HS256 wants at least 256 bits of key. */
export const MIN_SECRET_LENGTH = 32;

function keyOf(secret: string): Uint8Array {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new TokenError(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
  }
  return new TextEncoder().encode(secret);
}

/** Signs a token for a reviewer. */
export async function issueToken(secret: string, request: TokenRequest): Promise<string> {
  const days = request.days ?? 30;
  if (!(days > 0 && days <= 3650)) throw new TokenError('A token lasts between 1 and 3650 days.');
  if (!request.id.trim() || !request.name.trim())
    throw new TokenError('A token needs a reviewer id and a name.');
  return new SignJWT({ name: request.name, role: request.role, articles: request.articles ?? '*' })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(request.id)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${Math.round(days * 24)}h`)
    .sign(keyOf(secret));
}

function readScope(value: unknown): ArticleScope | null {
  if (value === '*') return '*';
  if (Array.isArray(value) && value.every((id) => typeof id === 'string')) return value as string[];
  return null;
}

/** Verifies a token's signature, expiry and claims; throws TokenError with a reason a user can act on. */
export async function verifyToken(secret: string, token: string): Promise<Principal> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), { issuer: ISSUER, algorithms: [ALGORITHM] }));
  } catch (error) {
    if (error instanceof TokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new TokenError('The token has expired.');
    throw new TokenError('The token is not valid.');
  }
  const { sub, name, role, articles } = payload;
  const scope = readScope(articles);
  if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !isRole(role) || !scope) {
    throw new TokenError('The token lacks a reviewer id, name, role or articles.');
  }
  return { id: sub, name, role, articles: scope };
}

/** Whether a principal's token covers an article. */
export function coversArticle(principal: Principal, articleId: string): boolean {
  return principal.articles === '*' || principal.articles.includes(articleId);
}

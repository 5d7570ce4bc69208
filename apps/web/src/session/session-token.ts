/**
 * The access token of this browser tab (protected mode): taken from an invite link
 * (`/#invite=<token>`) and kept in sessionStorage for the session.
 */

/** Where the tab keeps its token. */
export const TOKEN_STORAGE_KEY = 'factcheck:token';
const INVITE_PREFIX = '#invite=';

/** A role as the server names it. */
export type Role = 'viewer' | 'reviewer' | 'editor' | 'lead';

/** What the token says about its holder (read, not verified: the server verifies). */
export interface TokenClaims {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Expiry in ms since the epoch. */
  readonly expiresAt: number;
}

let current: string | null = null;

/** Moves an invite link's token into session storage and out of the address bar. */
export function adoptInviteLink(): void {
  const { hash, pathname, search } = window.location;
  if (hash.startsWith(INVITE_PREFIX)) {
    const token = decodeURIComponent(hash.slice(INVITE_PREFIX.length)).trim();
    if (token) setSessionToken(token);
    window.history.replaceState(null, '', `${pathname}${search}`);
  }
}

/** The tab's token, or null (open mode, or not signed in). */
export function sessionToken(): string | null {
  if (current !== null) return current;
  try {
    current = window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    current = null;
  }
  return current;
}

/** Keeps a token for this tab. */
export function setSessionToken(token: string): void {
  current = token;
  try {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage unavailable: the token lasts for this page only.
  }
}

/** Forgets the tab's token (it expired or was refused). */
export function clearSessionToken(): void {
  current = null;
  try {
    window.sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Nothing kept.
  }
}

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/gu, '+').replace(/_/gu, '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
    c.charCodeAt(0),
  );
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The claims of a token, or null when it is not a readable JWT. */
export function readTokenClaims(token: string): TokenClaims | null {
  try {
    const payload = decodeSegment(token.split('.')[1] ?? '') as Record<string, unknown>;
    const { sub, name, role, exp } = payload;
    if (typeof sub !== 'string' || typeof name !== 'string' || typeof exp !== 'number') return null;
    if (role !== 'viewer' && role !== 'reviewer' && role !== 'editor' && role !== 'lead') return null;
    return { id: sub, name, role, expiresAt: exp * 1000 };
  } catch {
    return null;
  }
}

/** Headers that carry the tab's token, if it has one. */
export function authHeaders(): Record<string, string> {
  const token = sessionToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** A download URL that carries the tab's token (links cannot send headers). */
export function withAccessToken(url: string): string {
  const token = sessionToken();
  if (!token) return url;
  return `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`;
}

/** `fetch` with the tab's token. */
export function apiFetch(input: string, init: RequestInit = {}): Promise<Response> {
  return fetch(input, {
    ...init,
    headers: { ...authHeaders(), ...(init.headers as Record<string, string>) },
  });
}

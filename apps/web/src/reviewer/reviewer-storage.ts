import type { Reviewer } from '@factcheck/core';

/** Where this browser remembers who is reviewing. */
export const REVIEWER_STORAGE_KEY = 'factcheck:reviewer';

/** Longest reviewer name we keep (the annotation record allows 200). */
export const MAX_NAME_LENGTH = 60;

function isReviewer(value: unknown): value is Reviewer {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && id.length > 0 && typeof name === 'string' && name.trim().length > 0;
}

/** The reviewer remembered in this browser, or null on a first visit. */
export function loadReviewer(): Reviewer | null {
  try {
    const raw = window.localStorage.getItem(REVIEWER_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isReviewer(parsed) ? { id: parsed.id, name: parsed.name } : null;
  } catch {
    return null;
  }
}

/** Remembers the reviewer in this browser (silently skipped when storage is unavailable). */
export function saveReviewer(reviewer: Reviewer): void {
  try {
    window.localStorage.setItem(REVIEWER_STORAGE_KEY, JSON.stringify(reviewer));
  } catch {
    // Private mode or full storage: the name lasts for this page only.
  }
}

/** A fresh reviewer id; falls back to getRandomValues where randomUUID is missing (plain http). */
export function newReviewerId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A name as typed, trimmed, whitespace collapsed and cut to the allowed length. */
export function cleanName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

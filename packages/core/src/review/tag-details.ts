import * as Y from 'yjs';
import { z } from 'zod';
import type { Reviewer, TagStatus } from '../annotation.js';
import { getAnnotationsMap } from '../document-layout.js';
import { appendHistory, readHistory, type HistoryEntry } from './tag-history.js';

/**
 * The review side of a tag: its discussion thread, its evidence, the tags it responds to, its
 * claimant and subject, and its status. Nested collections are Y.Arrays inside the annotation's
 * Y.Map, so concurrent comments from several reviewers merge instead of overwriting each other.
 * Every write appends to the tag's history. Call the writers inside `doc.transact(fn, origin)`.
 */

/** Key of the thread array in an annotation's Y.Map. */
export const THREAD_KEY = 'thread';
/** Key of the evidence array. */
export const EVIDENCE_KEY = 'evidence';
/** Key of the array of tag ids this tag responds to (a denial answering an allegation). */
export const RESPONDS_TO_KEY = 'respondsTo';

/** How a piece of evidence bears on the claim. */
export const EVIDENCE_STANCES = ['supports', 'refutes', 'context'] as const;
/** One of the evidence stances. */
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

const reviewer = z.object({ id: z.string().min(1).max(200), name: z.string().max(200) });
const isoDate = z.iso.datetime({ offset: true });

const threadEntrySchema = z.object({
  id: z.string().min(1).max(200),
  author: reviewer,
  text: z.string().max(20_000),
  createdAt: isoDate,
  editedAt: isoDate.optional(),
  deleted: z.boolean().optional(),
  replyTo: z.string().max(200).optional(),
});

const evidenceSchema = z.object({
  id: z.string().min(1).max(200),
  url: z.string().max(2_000),
  stance: z.enum(EVIDENCE_STANCES),
  note: z.string().max(2_000),
  author: reviewer,
  createdAt: isoDate,
});

/** A comment or reply in a tag's discussion. Deleted entries keep their place, without text. */
export type ThreadEntry = z.infer<typeof threadEntrySchema>;
/** A link with a stance and a short note. */
export type Evidence = z.infer<typeof evidenceSchema>;

/** Everything about a tag beyond its label and span. */
export interface TagDetails {
  readonly thread: ThreadEntry[];
  readonly evidence: Evidence[];
  readonly respondsTo: string[];
  readonly history: HistoryEntry[];
}

function entryOf(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const entry = getAnnotationsMap(doc).get(id);
  return entry instanceof Y.Map ? entry : null;
}

function arrayOf<T>(entry: Y.Map<unknown>, key: string): Y.Array<T> {
  let array = entry.get(key);
  if (!(array instanceof Y.Array)) {
    array = new Y.Array<T>();
    entry.set(key, array);
  }
  return array as Y.Array<T>;
}

function validItems<T>(entry: Y.Map<unknown>, key: string, schema: z.ZodType<T>): T[] {
  const array = entry.get(key);
  if (!(array instanceof Y.Array)) return [];
  const items: T[] = [];
  for (const item of array.toArray()) {
    const parsed = schema.safeParse(item instanceof Y.Map ? item.toJSON() : item);
    if (parsed.success) items.push(parsed.data);
  }
  return items;
}

/** A fresh id for a thread entry or a piece of evidence. */
function newItemId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Reads a tag's thread, evidence, links and history; null if there is no such tag. */
export function readTagDetails(doc: Y.Doc, id: string): TagDetails | null {
  const entry = entryOf(doc, id);
  if (!entry) return null;
  const links = entry.get(RESPONDS_TO_KEY);
  return {
    thread: validItems(entry, THREAD_KEY, threadEntrySchema),
    evidence: validItems(entry, EVIDENCE_KEY, evidenceSchema),
    respondsTo:
      links instanceof Y.Array ? links.toArray().filter((x): x is string => typeof x === 'string') : [],
    history: readHistory(entry),
  };
}

/** Adds a comment (or a reply to `replyTo`) to a tag's thread; returns its id, or null if there is no such tag. */
export function addThreadEntry(
  doc: Y.Doc,
  tagId: string,
  comment: { author: Reviewer; text: string; replyTo?: string; now?: Date },
): string | null {
  const entry = entryOf(doc, tagId);
  const text = comment.text.trim();
  if (!entry || !text) return null;
  const id = newItemId('c');
  const at = (comment.now ?? new Date()).toISOString();
  const item: ThreadEntry = {
    id,
    author: comment.author,
    text,
    createdAt: at,
    ...(comment.replyTo ? { replyTo: comment.replyTo } : {}),
  };
  arrayOf<ThreadEntry>(entry, THREAD_KEY).push([item]);
  appendHistory(entry, {
    at,
    by: comment.author,
    action: 'thread',
    detail: comment.replyTo ? 'replied' : 'commented',
  });
  return id;
}

/** Changes or deletes (text null) your own thread entry; false if it is not there or not yours. */
export function changeThreadEntry(
  doc: Y.Doc,
  tagId: string,
  entryId: string,
  by: Reviewer,
  text: string | null,
  now = new Date(),
): boolean {
  const entry = entryOf(doc, tagId);
  if (!entry) return false;
  const thread = arrayOf<ThreadEntry>(entry, THREAD_KEY);
  const index = thread.toArray().findIndex((item) => item?.id === entryId);
  if (index < 0) return false;
  const current = thread.get(index);
  if (current.author.id !== by.id) return false;
  const at = now.toISOString();
  const next: ThreadEntry =
    text === null
      ? { ...current, text: '', deleted: true, editedAt: at }
      : { ...current, text: text.trim(), editedAt: at };
  thread.delete(index, 1);
  thread.insert(index, [next]);
  appendHistory(entry, {
    at,
    by,
    action: 'thread',
    detail: text === null ? 'deleted a comment' : 'edited a comment',
  });
  return true;
}

/** Adds evidence to a tag; returns its id, or null if there is no such tag or the link is not http(s). */
export function addEvidence(
  doc: Y.Doc,
  tagId: string,
  evidence: { author: Reviewer; url: string; stance: EvidenceStance; note: string; now?: Date },
): string | null {
  const entry = entryOf(doc, tagId);
  const url = evidence.url.trim();
  if (!entry || !/^https?:\/\//iu.test(url)) return null;
  const id = newItemId('e');
  const at = (evidence.now ?? new Date()).toISOString();
  arrayOf<Evidence>(entry, EVIDENCE_KEY).push([
    { id, url, stance: evidence.stance, note: evidence.note.trim(), author: evidence.author, createdAt: at },
  ]);
  appendHistory(entry, { at, by: evidence.author, action: 'evidence', detail: `${evidence.stance}: ${url}` });
  return id;
}

/** Removes a piece of evidence; false if it is not there. */
export function removeEvidence(
  doc: Y.Doc,
  tagId: string,
  evidenceId: string,
  by: Reviewer,
  now = new Date(),
): boolean {
  const entry = entryOf(doc, tagId);
  if (!entry) return false;
  const evidence = arrayOf<Evidence>(entry, EVIDENCE_KEY);
  const index = evidence.toArray().findIndex((item) => item?.id === evidenceId);
  if (index < 0) return false;
  const removed = evidence.get(index);
  evidence.delete(index, 1);
  appendHistory(entry, { at: now.toISOString(), by, action: 'evidence', detail: `removed ${removed.url}` });
  return true;
}

/** Records that a tag responds to another (a denial answering an allegation), or removes the link. */
export function setResponseLink(
  doc: Y.Doc,
  tagId: string,
  targetId: string,
  linked: boolean,
  by: Reviewer,
  now = new Date(),
): boolean {
  const entry = entryOf(doc, tagId);
  if (!entry || tagId === targetId || !entryOf(doc, targetId)) return false;
  const links = arrayOf<string>(entry, RESPONDS_TO_KEY);
  const index = links.toArray().indexOf(targetId);
  if (linked === index >= 0) return true;
  if (linked) links.push([targetId]);
  else links.delete(index, 1);
  appendHistory(entry, {
    at: now.toISOString(),
    by,
    action: 'link',
    detail: `${linked ? 'responds to' : 'no longer responds to'} ${targetId}`,
  });
  return true;
}

/** Sets who makes the claim (`claimant`) or whom it is about (`subject`); empty text clears it. */
export function setClaimField(
  doc: Y.Doc,
  tagId: string,
  field: 'claimant' | 'subject',
  value: string,
  by: Reviewer,
  now = new Date(),
): boolean {
  const entry = entryOf(doc, tagId);
  if (!entry) return false;
  const text = value.trim().slice(0, 300);
  if ((entry.get(field) ?? '') === text) return true;
  if (text) entry.set(field, text);
  else entry.delete(field);
  entry.set('updatedAt', now.toISOString());
  appendHistory(entry, { at: now.toISOString(), by, action: field, detail: text || '(cleared)' });
  return true;
}

/** Sets a tag's review status; resolving records the verdict and who resolved it. */
export function setTagStatus(
  doc: Y.Doc,
  tagId: string,
  status: TagStatus,
  by: Reviewer,
  verdict?: string,
  now = new Date(),
): boolean {
  const entry = entryOf(doc, tagId);
  if (!entry) return false;
  const at = now.toISOString();
  entry.set('status', status);
  entry.set('updatedAt', at);
  if (status === 'resolved') {
    entry.set('verdict', (verdict ?? '').trim().slice(0, 300));
    entry.set('resolvedBy', { id: by.id, name: by.name });
    entry.set('resolvedAt', at);
  } else {
    entry.delete('verdict');
    entry.delete('resolvedBy');
    entry.delete('resolvedAt');
  }
  appendHistory(entry, {
    at,
    by,
    action: 'status',
    detail: status === 'resolved' ? `resolved: ${verdict ?? ''}` : status,
  });
  return true;
}

/** Names already used as claimant or subject in an article, most used first, for suggestions. */
export function claimNamesInUse(doc: Y.Doc): string[] {
  const counts = new Map<string, number>();
  getAnnotationsMap(doc).forEach((entry) => {
    if (!(entry instanceof Y.Map)) return;
    for (const field of ['claimant', 'subject']) {
      const value = entry.get(field);
      if (typeof value === 'string' && value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  });
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

import * as Y from 'yjs';
import { z } from 'zod';
import { LABELS, type Label } from './labels.js';
import { getAnnotationsMap } from './document-layout.js';
import { appendHistory } from './review/tag-history.js';
import { decodeStoredPosition } from './stored-position.js';
import { ANCHOR_FIELDS, ANCHOR_KEY, storedAnchor } from './stored-anchor.js';

/** Nested arrays every tag carries from its creation (see review/tag-details.ts). */
export const REVIEW_COLLECTION_KEYS = ['thread', 'evidence', 'respondsTo'] as const;

/**
 * The annotation record: its type, its validator and its migrations in one place.
 * Stored as a Y.Map per annotation inside the `annotations` map (docs/data-model.md).
 */

/** Current version of the stored annotation record. */
export const ANNOTATION_VERSION = 2;

/** Characters of context kept on each side of a tag's quote for re-anchoring. */
export const CONTEXT_LENGTH = 32;

const relativePositionJson = z
  .object({
    type: z.unknown().optional(),
    tname: z.string().nullish(),
    item: z
      .object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() })
      .nullish(),
    assoc: z.number().int().optional(),
  })
  .passthrough()
  .refine((value) => value.item != null || value.tname != null || value.type != null, {
    message: 'relative position refers to nothing',
  });

/** A stored relative position: `Y.encodeRelativePosition` bytes (new tags) or its JSON form. */
const storedPositionSchema = z
  .custom<Uint8Array | z.infer<typeof relativePositionJson>>()
  .superRefine((value, context) => {
    if (value instanceof Uint8Array) {
      if (!decodeStoredPosition(value))
        context.addIssue({ code: 'custom', message: 'relative position bytes do not decode' });
      return;
    }
    // The JSON form keeps the errors it always had.
    const parsed = relativePositionJson.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) context.addIssue({ ...issue } as never);
  });

/** The relative position of a validated stored value (bytes or JSON). */
function positionOf(stored: Uint8Array | Record<string, unknown>): Y.RelativePosition {
  return stored instanceof Uint8Array
    ? (decodeStoredPosition(stored) as Y.RelativePosition)
    : Y.createRelativePositionFromJSON(stored);
}

const isoDate = z.iso.datetime({ offset: true });

const reviewerSchema = z.object({ id: z.string().min(1).max(200), name: z.string().max(200) });

/** Where a tag stands in review. */
export const TAG_STATUSES = ['open', 'disputed', 'resolved'] as const;

/** One of the review statuses of a tag. */
export type TagStatus = (typeof TAG_STATUSES)[number];

/** Validator for one stored annotation (the plain JSON form of its Y.Map). */
export const annotationSchema = z.object({
  v: z.number().int().positive().optional(),
  label: z.enum(LABELS),
  start: storedPositionSchema,
  end: storedPositionSchema,
  quote: z.string().min(1).max(100_000),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
  author: reviewerSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  status: z.enum(TAG_STATUSES).default('open'),
  claimant: z.string().max(300).optional(),
  subject: z.string().max(300).optional(),
  verdict: z.string().max(300).optional(),
  resolvedBy: reviewerSchema.optional(),
  resolvedAt: isoDate.optional(),
  adjudicated: z.boolean().optional(),
  adjudicationId: z.string().max(200).optional(),
});

/** A reviewer as recorded on a tag. */
export interface Reviewer {
  readonly id: string;
  readonly name: string;
}

/** One tag as read from the shared document, validated. */
export interface Annotation {
  readonly id: string;
  readonly label: Label;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly author: Reviewer;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: TagStatus;
  /** Who makes the claim, free text. */
  readonly claimant?: string;
  /** Whom the claim is about. */
  readonly subject?: string;
  /** The verdict recorded when the tag was resolved. */
  readonly verdict?: string;
  readonly resolvedBy?: Reviewer;
  readonly resolvedAt?: string;
  /** True for the tag a lead decided when settling a disputed passage; it belongs to no reviewer. */
  readonly adjudicated?: boolean;
  /** The adjudication record (in the `adjudications` map) that produced this tag. */
  readonly adjudicationId?: string;
}

/** An entry of the annotations map that failed validation, with the reason. */
export interface InvalidAnnotation {
  readonly id: string;
  readonly error: string;
}

/** Numbered migrations from stored version N to N+1, applied to plain JSON before validation. */
const migrations: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {
  // v2 (review): every tag has a status; discussion, evidence, links and history live in nested types.
  1: (record) => ({ ...record, v: 2, status: 'open' }),
};

function migrate(record: Record<string, unknown>): Record<string, unknown> {
  let current = record;
  let version = typeof current.v === 'number' ? current.v : 1;
  while (version < ANNOTATION_VERSION) {
    const step = migrations[version];
    if (!step) break;
    current = step(current);
    version += 1;
  }
  return current;
}

/** A plain JSON object (what Yjs returns for an object it stores), not an array or a class. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isString(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A relative position `storedPositionSchema` accepts (a subset: anything odd is left to zod). */
function readPlainPosition(value: unknown): Y.RelativePosition | null {
  if (value instanceof Uint8Array) return decodeStoredPosition(value);
  return isPlainRelativePosition(value) ? Y.createRelativePositionFromJSON(value) : null;
}

/** A JSON relative position `relativePositionJson` accepts (a subset: anything odd is left to zod). */
function isPlainRelativePosition(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const { tname, item, assoc, type } = value;
  if (tname !== undefined && tname !== null && typeof tname !== 'string') return false;
  if (assoc !== undefined && !Number.isSafeInteger(assoc)) return false;
  if (
    item !== undefined &&
    item !== null &&
    !(isPlainObject(item) && isCount(item.client) && isCount(item.clock))
  )
    return false;
  return item != null || tname != null || type != null;
}

function isPlainReviewer(value: unknown): value is Reviewer {
  return isPlainObject(value) && isString(value.id, 1, 200) && isString(value.name, 0, 200);
}

function isOptionalString(value: unknown, max: number): value is string | undefined {
  return value === undefined || isString(value, 0, max);
}

/** The pattern zod itself checks an ISO date-time with (so both paths agree), when it exposes one. */
const isoDatePattern: RegExp | undefined =
  (isoDate._zod.def as { pattern?: unknown }).pattern instanceof RegExp
    ? (isoDate._zod.def as { pattern: RegExp }).pattern
    : undefined;

/** Whether a value is an ISO date-time `isoDate` accepts, tested with its pattern without a zod parse. */
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  return isoDatePattern ? isoDatePattern.test(value) : isoDate.safeParse(value).success;
}

/**
 * The annotation of a current-version entry whose every field is plainly valid, read straight
 * from its Y.Map (no JSON copy of its nested threads, no zod object walk: ~20 times faster, which
 * matters for the 5,000 tags of a long article on open). Anything else returns null and goes
 * through `annotationSchema`, so odd values get the same result and the same errors as before.
 */
function readPlainAnnotation(id: string, entry: Y.Map<unknown>): Annotation | null {
  const field = (key: string): unknown => entry.get(key);
  const v = field('v');
  if (!(Number.isSafeInteger(v) && (v as number) >= ANNOTATION_VERSION)) return null;
  const stored = field(ANCHOR_KEY);
  if (stored !== undefined && !isPlainObject(stored)) return null;
  const anchorField = stored === undefined ? field : (key: string): unknown => stored[key];
  const label = field('label');
  const start = readPlainPosition(anchorField('start'));
  const end = readPlainPosition(anchorField('end'));
  const quote = anchorField('quote');
  const prefix = anchorField('prefix');
  const suffix = anchorField('suffix');
  const author = field('author');
  const createdAt = field('createdAt');
  const updatedAt = field('updatedAt');
  const storedStatus = field('status');
  const status = storedStatus === undefined ? 'open' : storedStatus;
  if (
    !(LABELS as readonly unknown[]).includes(label) ||
    start === null ||
    end === null ||
    !isString(quote, 1, 100_000) ||
    !isString(prefix, 0, 1_000) ||
    !isString(suffix, 0, 1_000) ||
    !isPlainReviewer(author) ||
    !isIsoDate(createdAt) ||
    !isIsoDate(updatedAt) ||
    !(TAG_STATUSES as readonly unknown[]).includes(status)
  )
    return null;
  const claimant = field('claimant');
  const subject = field('subject');
  const verdict = field('verdict');
  const resolvedBy = field('resolvedBy');
  const resolvedAt = field('resolvedAt');
  const adjudicated = field('adjudicated');
  const adjudicationId = field('adjudicationId');
  if (
    !isOptionalString(claimant, 300) ||
    !isOptionalString(subject, 300) ||
    !isOptionalString(verdict, 300) ||
    !(resolvedBy === undefined || isPlainReviewer(resolvedBy)) ||
    !(resolvedAt === undefined || isIsoDate(resolvedAt)) ||
    !(adjudicated === undefined || typeof adjudicated === 'boolean') ||
    !isOptionalString(adjudicationId, 200)
  )
    return null;
  return {
    id,
    label: label as Label,
    start,
    end,
    quote,
    prefix,
    suffix,
    author: { id: author.id, name: author.name },
    createdAt,
    updatedAt,
    status: status as TagStatus,
    ...(claimant !== undefined ? { claimant } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(verdict !== undefined ? { verdict } : {}),
    ...(resolvedBy !== undefined ? { resolvedBy: { id: resolvedBy.id, name: resolvedBy.name } } : {}),
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    ...(adjudicated ? { adjudicated: true } : {}),
    ...(adjudicationId !== undefined ? { adjudicationId } : {}),
  };
}

/** A record with the fields of its `anchor` value in place of any separate anchor keys it has. */
function withAnchorFields(
  record: Record<string, unknown>,
  anchor: Record<string, unknown>,
): Record<string, unknown> {
  const flat: Record<string, unknown> = { ...record };
  delete flat[ANCHOR_KEY];
  for (const key of ANCHOR_FIELDS) flat[key] = anchor[key];
  return flat;
}

/** Validates the plain JSON form of one stored annotation. */
export function parseAnnotation(
  id: string,
  value: unknown,
): { ok: true; annotation: Annotation } | { ok: false; error: string } {
  const plain = value instanceof Y.Map ? readPlainAnnotation(id, value) : null;
  if (plain) return { ok: true, annotation: plain };
  const json = value instanceof Y.Map ? value.toJSON() : value;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'annotation is not a map' };
  }
  const record = json as Record<string, unknown>;
  const anchor = record[ANCHOR_KEY];
  if (anchor !== undefined && !isPlainObject(anchor)) {
    return { ok: false, error: `${ANCHOR_KEY}: expected an object` };
  }
  const parsed = annotationSchema.safeParse(
    migrate(anchor === undefined ? record : withAnchorFields(record, anchor)),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const inAnchor = anchor !== undefined && (ANCHOR_FIELDS as readonly unknown[]).includes(issue.path[0]);
    const path = [...(inAnchor ? [ANCHOR_KEY] : []), ...issue.path].join('.');
    return { ok: false, error: `${path || 'annotation'}: ${issue.message}` };
  }
  const data = parsed.data;
  return {
    ok: true,
    annotation: {
      id,
      label: data.label,
      start: positionOf(data.start),
      end: positionOf(data.end),
      quote: data.quote,
      prefix: data.prefix,
      suffix: data.suffix,
      author: { id: data.author.id, name: data.author.name },
      createdAt: data.createdAt,
      updatedAt: data.updatedAt,
      status: data.status,
      ...(data.claimant !== undefined ? { claimant: data.claimant } : {}),
      ...(data.subject !== undefined ? { subject: data.subject } : {}),
      ...(data.verdict !== undefined ? { verdict: data.verdict } : {}),
      ...(data.resolvedBy !== undefined ? { resolvedBy: data.resolvedBy } : {}),
      ...(data.resolvedAt !== undefined ? { resolvedAt: data.resolvedAt } : {}),
      ...(data.adjudicated ? { adjudicated: true } : {}),
      ...(data.adjudicationId !== undefined ? { adjudicationId: data.adjudicationId } : {}),
    },
  };
}

type ParseResult = ReturnType<typeof parseAnnotation>;

/** The Yjs items holding a Y.Map's fields, and how many of them are deleted. */
interface EntryFields {
  readonly items: readonly unknown[];
  readonly deleted: number;
}

/** Parsed entries by their Y.Map, reused while none of the map's fields changed. */
const parsedEntries = new WeakMap<Y.Map<unknown>, { fields: EntryFields; id: string; result: ParseResult }>();

function fieldItems(entry: Y.Map<unknown>): Iterable<{ deleted: boolean }> {
  return (entry as unknown as { _map: Map<string, { deleted: boolean }> })._map.values();
}

/**
 * Every `set` of a Y.Map field creates a new Yjs item and a `delete` marks the item deleted (for
 * good), so the same items with as many deleted mean the same contents. Validating 5,000 tags on
 * every remote change would cost tens of milliseconds; this keeps a rebuild to the entries that
 * changed, and costs far less than a fingerprint string per entry.
 */
function fieldsOf(entry: Y.Map<unknown>): EntryFields {
  const items: unknown[] = [];
  let deleted = 0;
  for (const item of fieldItems(entry)) {
    items.push(item);
    if (item.deleted) deleted += 1;
  }
  return { items, deleted };
}

function sameFields(entry: Y.Map<unknown>, fields: EntryFields): boolean {
  let index = 0;
  let deleted = 0;
  for (const item of fieldItems(entry)) {
    if (item !== fields.items[index]) return false;
    index += 1;
    if (item.deleted) deleted += 1;
  }
  return index === fields.items.length && deleted === fields.deleted;
}

/** Validates one entry of the annotations map, reusing the last result while it is unchanged. */
function parseEntry(id: string, entry: Y.Map<unknown>): ParseResult {
  const cached = parsedEntries.get(entry);
  if (cached && cached.id === id && sameFields(entry, cached.fields)) return cached.result;
  const result = parseAnnotation(id, entry);
  parsedEntries.set(entry, { fields: fieldsOf(entry), id, result });
  return result;
}

/** All annotations of a document, valid ones and the ids and reasons of those that are not. */
export function readAnnotations(doc: Y.Doc): { valid: Annotation[]; invalid: InvalidAnnotation[] } {
  const valid: Annotation[] = [];
  const invalid: InvalidAnnotation[] = [];
  getAnnotationsMap(doc).forEach((value: unknown, id) => {
    // Only a Y.Map entry can be relabelled and refreshed, so a plain object is not a tag either.
    if (!(value instanceof Y.Map)) {
      invalid.push({ id, error: 'annotation is not a map' });
      return;
    }
    const result = parseEntry(id, value);
    if (result.ok) valid.push(result.annotation);
    else invalid.push({ id, error: result.error });
  });
  return { valid, invalid };
}

/** The fields a new annotation is written with. */
export interface NewAnnotation {
  readonly label: Label;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly author: Reviewer;
  readonly now?: Date;
  /** Set when a lead's adjudication creates the tag. */
  readonly adjudicationId?: string;
}

/** A fresh, collision-resistant annotation id. */
export function newAnnotationId(): string {
  // getRandomValues works everywhere, randomUUID only in secure contexts (not plain http).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `a-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Writes a new annotation into the document (call inside `doc.transact` with an origin). */
export function writeAnnotation(doc: Y.Doc, id: string, fields: NewAnnotation): void {
  const at = (fields.now ?? new Date()).toISOString();
  const entry = new Y.Map<unknown>();
  entry.set('v', ANNOTATION_VERSION);
  entry.set('label', fields.label);
  entry.set(ANCHOR_KEY, storedAnchor(fields));
  entry.set('author', { id: fields.author.id, name: fields.author.name });
  entry.set('createdAt', at);
  entry.set('updatedAt', at);
  entry.set('status', 'open');
  // Created with the tag, so two reviewers' first comments land in the same array instead of
  // two arrays racing for one key (Yjs would keep only one of them).
  for (const key of REVIEW_COLLECTION_KEYS) entry.set(key, new Y.Array());
  if (fields.adjudicationId) {
    entry.set('adjudicated', true);
    entry.set('adjudicationId', fields.adjudicationId);
  }
  getAnnotationsMap(doc).set(id, entry);
  appendHistory(entry, { at, by: fields.author, action: 'created', detail: fields.label });
}

/**
 * Gives every tag written before review existed its empty nested arrays, once, so later
 * concurrent first comments merge. The server runs it when it loads a document. Returns how many
 * tags it changed.
 */
export function ensureReviewCollections(doc: Y.Doc): number {
  let changed = 0;
  getAnnotationsMap(doc).forEach((entry) => {
    if (!(entry instanceof Y.Map)) return;
    let touched = false;
    for (const key of REVIEW_COLLECTION_KEYS) {
      if (!(entry.get(key) instanceof Y.Array)) {
        entry.set(key, new Y.Array());
        touched = true;
      }
    }
    if (touched) changed += 1;
  });
  return changed;
}

/** Changes the label of an existing annotation; false if there is no such annotation. */
export function relabelAnnotation(
  doc: Y.Doc,
  id: string,
  label: Label,
  now = new Date(),
  by?: Reviewer,
): boolean {
  const entry = getAnnotationsMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  const previous = entry.get('label');
  if (previous === label) return true;
  entry.set('label', label);
  entry.set('updatedAt', now.toISOString());
  appendHistory(entry, {
    at: now.toISOString(),
    by: by ?? null,
    action: 'label',
    detail: `${String(previous)} → ${label}`,
  });
  return true;
}

/** Removes an annotation; false if there was none. */
export function removeAnnotation(doc: Y.Doc, id: string): boolean {
  const map = getAnnotationsMap(doc);
  if (!map.has(id)) return false;
  map.delete(id);
  return true;
}

import { z } from 'zod';
import { isLabel, LABELS, type Label, type Reviewer } from '@factcheck/core';
import type { PositionSelectorFields, QuoteSelectorFields } from './selectors.js';
import { REVIEWER_IRI_PREFIX, ROLE_NAME_KEY } from './w3c-vocabulary.js';

/**
 * Reading W3C Web Annotation JSON for the import: which annotations a file holds (a collection
 * with embedded pages, a page, one annotation or an array of them) and what each one says, checked
 * with zod and reduced to the fields a tag is made of. Nothing here looks at the article.
 */

/** The input is not a collection, page, annotation or array of them; nothing can be imported. */
export class W3cInputError extends Error {
  override readonly name = 'W3cInputError';
}

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]);
const types = oneOrMany(z.string());

const containerSchema = z.looseObject({
  type: types,
  items: z.array(z.unknown()).optional(),
  first: z.unknown().optional(),
  next: z.unknown().optional(),
  unanchored: z.array(z.unknown()).optional(),
});

const agentSchema = z.union([
  z.string(),
  z.looseObject({ id: z.string().optional(), name: types.optional(), nickname: types.optional() }),
]);

const bodySchema = z.union([
  z.string(),
  z.looseObject({ type: types.optional(), purpose: types.optional(), value: z.unknown().optional() }),
]);

const targetSchema = z.union([
  z.string(),
  z.looseObject({
    selector: oneOrMany(z.union([z.string(), z.looseObject({ type: types.optional() })])).optional(),
  }),
]);

const annotationSchema = z.looseObject({
  id: z.string().optional(),
  type: types.refine((value) => list(value).includes('Annotation'), 'type must include "Annotation"'),
  motivation: types.optional(),
  body: oneOrMany(bodySchema).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(targetSchema),
  creator: oneOrMany(agentSchema).optional(),
  created: z.unknown().optional(),
  modified: z.unknown().optional(),
});

const quoteSelectorSchema = z.object({
  exact: z.string().min(1, 'exact is empty').max(100_000),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

const positionSelectorSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((selector) => selector.start < selector.end, 'start must be before end');

const isoDate = z.iso.datetime({ offset: true });

type Item<V> = V extends readonly (infer I)[] ? I : V;

/** A JSON-LD value that may be one item or an array, as an array. */
function list<V>(value: V): Item<Exclude<V, undefined>>[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Item<Exclude<V, undefined>>[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || 'value'}: ${issue.message}`;
}

/** Items of a page and of the pages embedded after it; a page only named by IRI cannot be read. */
function pageItems(first: unknown): unknown[] {
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  for (let page = first; page !== undefined;) {
    if (typeof page === 'string') {
      throw new W3cInputError(`The page ${page} is not embedded in the file: embed every page to import it.`);
    }
    const parsed = containerSchema.safeParse(page);
    if (!parsed.success || !list(parsed.data.type).includes('AnnotationPage') || !parsed.data.items) {
      throw new W3cInputError('An AnnotationPage must have type "AnnotationPage" and an items array.');
    }
    if (seen.has(page)) break;
    seen.add(page);
    items.push(...parsed.data.items);
    page = parsed.data.next;
  }
  return items;
}

/** The annotations of one input value, in reading order: pages, then `items`, then `unanchored`. */
function annotationsOf(value: unknown): unknown[] {
  const container = containerSchema.safeParse(value);
  if (!container.success) return [value];
  const kinds = list(container.data.type);
  if (kinds.includes('AnnotationPage')) return pageItems(value);
  if (!kinds.includes('AnnotationCollection')) return [value];
  return [
    ...(container.data.first === undefined ? [] : pageItems(container.data.first)),
    ...(container.data.items ?? []),
    ...(container.data.unanchored ?? []),
  ];
}

/**
 * Every annotation an input holds, unchecked: an AnnotationCollection (embedded pages, `items`
 * and our `unanchored`), an AnnotationPage, one Annotation, or an array of any of these.
 */
export function annotationsOfInput(input: unknown): unknown[] {
  if (Array.isArray(input)) return input.flatMap((value) => annotationsOf(value));
  if (!isObject(input)) {
    throw new W3cInputError(
      'Expected a W3C AnnotationCollection, AnnotationPage, Annotation or an array of them.',
    );
  }
  return annotationsOf(input);
}

/** An annotation reduced to what a tag is made of; positions and dates not yet checked against anything. */
export interface ImportedAnnotation {
  readonly id?: string;
  /** Labels of its tagging bodies, and the tagging values that are not labels. */
  readonly labels: readonly Label[];
  readonly otherTags: readonly string[];
  /** Its first creator as a reviewer, if it names one. */
  readonly creator?: Reviewer;
  /** `created` and `modified` normalised to UTC, when valid xsd:dateTime values. */
  readonly created?: string;
  readonly modified?: string;
  readonly quote?: QuoteSelectorFields;
  readonly position?: PositionSelectorFields;
  /** Who makes the claim and whom it is about, from bodies with a schema.org `roleName`. */
  readonly claimant?: string;
  readonly subject?: string;
}

/** Why an annotation cannot be read at all. */
export interface UnreadableAnnotation {
  readonly id?: string;
  readonly reason: string;
  readonly exact?: string;
}

/** A short stable hash of a string (two 32-bit FNV-1a), for ids made from foreign values. */
export function stableHash(value: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Longest reviewer id and name the annotation record accepts. */
const MAX_REVIEWER_FIELD = 200;

/** The reviewer an agent stands for: our own reviewer IRIs map back to their ids. */
function reviewerOf(agent: z.infer<typeof agentSchema>): Reviewer | undefined {
  const iri = typeof agent === 'string' ? agent : agent.id;
  const name = typeof agent === 'string' ? undefined : (list(agent.name)[0] ?? list(agent.nickname)[0]);
  let id: string | undefined;
  if (iri?.startsWith(REVIEWER_IRI_PREFIX)) {
    try {
      id = decodeURIComponent(iri.slice(REVIEWER_IRI_PREFIX.length));
    } catch {
      id = undefined;
    }
  } else {
    id = iri;
  }
  if (id && id.length > MAX_REVIEWER_FIELD) id = `w3c-${stableHash(id)}`;
  if (!id && name) id = `w3c-name-${stableHash(name)}`;
  if (!id) return undefined;
  return { id, name: (name ?? iri ?? id).slice(0, MAX_REVIEWER_FIELD) };
}

function isoOrUndefined(value: unknown): string | undefined {
  const date = isoDate.safeParse(value);
  return date.success ? new Date(date.data).toISOString() : undefined;
}

type ParsedAnnotation = z.infer<typeof annotationSchema>;

/** The values of the tagging bodies: textual bodies with purpose "tagging", or any purpose on a tagging annotation. */
function taggingValues(data: ParsedAnnotation): unknown[] {
  const tagging = list(data.motivation).includes('tagging');
  const values: unknown[] = [];
  for (const body of list(data.body)) {
    // A body naming the claimant or subject is not a tag, whatever its purpose.
    if (typeof body === 'string' || claimRoleOf(body)) continue;
    const purposes = list(body.purpose);
    const textual = body.type === undefined || list(body.type).includes('TextualBody');
    if (textual && (purposes.includes('tagging') || (purposes.length === 0 && tagging)))
      values.push(body.value);
  }
  if (data.bodyValue !== undefined && tagging) values.push(data.bodyValue);
  return values;
}

/** Keys a body's schema.org `roleName` may be written under: compact, full IRI (https or http), bare. */
const ROLE_NAME_KEYS = [
  ROLE_NAME_KEY,
  'https://schema.org/roleName',
  'http://schema.org/roleName',
  'roleName',
];

type ParsedBody = Exclude<Item<ParsedAnnotation['body']>, string | undefined>;

/** The claim role a body names (`claimant` or `subject`), if any. */
function claimRoleOf(body: ParsedBody): 'claimant' | 'subject' | undefined {
  const role = ROLE_NAME_KEYS.map((key) => (body as Record<string, unknown>)[key]).find(
    (value) => value !== undefined,
  );
  return list(role as string | string[] | undefined).find(
    (value): value is 'claimant' | 'subject' => value === 'claimant' || value === 'subject',
  );
}

/** The claimant and subject an annotation's bodies name (the first of each; names trimmed). */
function claimParties(data: ParsedAnnotation): { claimant?: string; subject?: string } {
  const parties: { claimant?: string; subject?: string } = {};
  for (const body of list(data.body)) {
    if (typeof body === 'string' || typeof body.value !== 'string' || !body.value.trim()) continue;
    const role = claimRoleOf(body);
    if (role && parties[role] === undefined) parties[role] = body.value.trim();
  }
  return parties;
}

/** The first selector of a type among all of an annotation's targets. */
function firstSelector(data: ParsedAnnotation, type: string): unknown {
  for (const target of list(data.target)) {
    if (typeof target === 'string') continue;
    for (const selector of list(target.selector)) {
      if (typeof selector !== 'string' && list(selector.type).includes(type)) return selector;
    }
  }
  return undefined;
}

/**
 * Why an annotation is not a tag at all, or null when it may be one: an annotation that tags
 * nothing and whose targets are only other resources (no selector into a text), such as the
 * comments, verdicts and evidence the `w3c` export writes on its tagging annotations.
 */
export function notATagReason(value: unknown): string | null {
  const parsed = annotationSchema.safeParse(value);
  if (!parsed.success) return null;
  const data = parsed.data;
  const motivations = list(data.motivation);
  if (motivations.length === 0 || motivations.includes('tagging') || taggingValues(data).length > 0)
    return null;
  const selects = list(data.target).some(
    (target) => typeof target !== 'string' && target.selector !== undefined,
  );
  if (selects) return null;
  return `not a tag: ${motivations.join(', ')} on another resource`;
}

/** Reads one annotation, or says why it cannot be read. */
export function readImportedAnnotation(
  value: unknown,
): { ok: true; annotation: ImportedAnnotation } | { ok: false; unreadable: UnreadableAnnotation } {
  const id = isObject(value) && typeof value.id === 'string' ? value.id : undefined;
  const unreadable = (reason: string, exact?: string) => ({
    ok: false as const,
    unreadable: { ...(id === undefined ? {} : { id }), ...(exact === undefined ? {} : { exact }), reason },
  });
  const parsed = annotationSchema.safeParse(value);
  if (!parsed.success) return unreadable(`not an annotation: ${firstIssue(parsed.error)}`);
  const data = parsed.data;

  const words = taggingValues(data).map((word) =>
    typeof word === 'string' ? word.trim().toLowerCase() : String(word),
  );
  const labels = [...new Set(words.filter(isLabel))];
  const otherTags = words.filter((word) => !isLabel(word));

  const quoteValue = firstSelector(data, 'TextQuoteSelector');
  const positionValue = firstSelector(data, 'TextPositionSelector');
  const quote = quoteValue === undefined ? undefined : quoteSelectorSchema.safeParse(quoteValue);
  const position = positionValue === undefined ? undefined : positionSelectorSchema.safeParse(positionValue);
  if (quote && !quote.success) return unreadable(`invalid TextQuoteSelector: ${firstIssue(quote.error)}`);
  // With a quote, a position is only a hint: a broken one is ignored rather than fatal.
  if (!quote && position && !position.success) {
    return unreadable(`invalid TextPositionSelector: ${firstIssue(position.error)}`);
  }
  if (!quote && !position) return unreadable('no TextQuoteSelector or TextPositionSelector in its target');
  if (labels.length === 0 && otherTags.length === 0) {
    return unreadable('no tagging body: expected a TextualBody with purpose "tagging"', quote?.data?.exact);
  }

  const creator = list(data.creator)[0];
  const reviewer = creator === undefined ? undefined : reviewerOf(creator);
  const created = isoOrUndefined(data.created);
  const modified = isoOrUndefined(data.modified);
  return {
    ok: true,
    annotation: {
      ...(id === undefined ? {} : { id }),
      labels,
      otherTags,
      ...(reviewer ? { creator: reviewer } : {}),
      ...(created ? { created } : {}),
      ...(modified ? { modified } : {}),
      ...(quote?.success ? { quote: quote.data } : {}),
      ...(position?.success ? { position: position.data } : {}),
      ...claimParties(data),
    },
  };
}

/** What a reason says about a value that is not one of the labels. */
export function notALabelReason(value: string): string {
  return `tag "${value}" is not one of ${LABELS.join(', ')}`;
}

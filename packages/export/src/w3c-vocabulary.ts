import type { Label } from '@factcheck/core';

/**
 * The part of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) the
 * `w3c` export writes and the import reads back: tagging annotations on text, in collections, and
 * the review around each tag as annotations on the tagging annotation (comments, verdicts, evidence).
 */

/** JSON-LD context of the Web Annotation model. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The JSON-LD key of a body's role: schema.org `roleName`, through the `schema` prefix the model's
 * context already defines (`http://schema.org/`), like the `dcterms` one.
 */
export const ROLE_NAME_KEY = 'schema:roleName';

/** Media type of a Web Annotation document (model §3, protocol §4). */
export const ANNO_CONTENT_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

/** The quoted text with the text just before and after it (model §4.2.4). */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** A span of the source text by code-point offsets, end exclusive (model §4.2.5). */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

/** A selector the `w3c` export writes. */
export type W3cSelector = TextQuoteSelector | TextPositionSelector;

/** The reviewer who made a tag (model §3.3.2). */
export interface W3cAgent {
  readonly id: string;
  readonly type: 'Person';
  readonly name: string;
}

/** The tag itself: a textual body whose value is the label (model §3.2.4, §3.3.5). */
export interface W3cTaggingBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging';
  readonly value: Label;
}

/** Who a tag's claim is by (`claimant`, schema.org's Claim `author`) or about (`subject`, its `about`). */
export type W3cClaimRole = 'claimant' | 'subject';

/**
 * A person the tagged passage names, as a body of the tagging annotation: purpose `identifying`
 * (model §3.3.5), the name as text, and its role as schema.org `roleName`.
 */
export interface W3cClaimPartyBody {
  readonly type: 'TextualBody';
  readonly purpose: 'identifying';
  readonly value: string;
  readonly format: 'text/plain';
  readonly [ROLE_NAME_KEY]: W3cClaimRole;
}

/** The article and where in it the tag sits (model §4). */
export interface W3cTarget {
  readonly source: string;
  readonly selector: readonly W3cSelector[];
}

/** One tag as a Web Annotation (model §3.1): its body is the label alone, or the label then the claimant and subject. */
export interface W3cAnnotation {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'tagging';
  readonly created: string;
  readonly modified: string;
  readonly creator: W3cAgent;
  readonly body: W3cTaggingBody | readonly [W3cTaggingBody, ...W3cClaimPartyBody[]];
  readonly target: W3cTarget;
}

/** Plain text a reviewer wrote, as a body (model §3.2.4). */
export interface W3cTextBody<Purpose extends string> {
  readonly type: 'TextualBody';
  readonly purpose: Purpose;
  readonly value: string;
  readonly format: 'text/plain';
}

/** Fields every review annotation has; its target is the IRI of the tag's annotation. */
interface W3cReviewAnnotationBase {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly id: string;
  readonly type: 'Annotation';
  readonly created: string;
  readonly creator: W3cAgent;
  readonly target: string;
}

/** A comment or reply of a tag's discussion (motivation `commenting`). */
export interface W3cCommentAnnotation extends W3cReviewAnnotationBase {
  readonly motivation: 'commenting';
  /** When the comment was last edited. */
  readonly modified?: string;
  readonly body: W3cTextBody<'commenting'>;
}

/** The verdict a resolved tag received (motivation `assessing`), by the reviewer who resolved it. */
export interface W3cAssessmentAnnotation extends W3cReviewAnnotationBase {
  readonly motivation: 'assessing';
  readonly body: W3cTextBody<'assessing'>;
}

/** A link to the evidence itself (model §4.1, a SpecificResource of the linked page). */
export interface W3cLinkBody {
  readonly type: 'SpecificResource';
  readonly purpose: 'linking';
  readonly source: string;
}

/**
 * A piece of evidence (motivation `linking`): the link, its stance (`supports`, `refutes`,
 * `context`) as a classifying body and its note, if any, as a describing body.
 */
export interface W3cEvidenceAnnotation extends W3cReviewAnnotationBase {
  readonly motivation: 'linking';
  readonly body: readonly [W3cLinkBody, W3cTextBody<'classifying'>, ...W3cTextBody<'describing'>[]];
}

/** An annotation on a tag's annotation: a comment, a verdict or evidence. */
export type W3cReviewAnnotation = W3cCommentAnnotation | W3cAssessmentAnnotation | W3cEvidenceAnnotation;

/** Anything a page holds: tags first, then the review annotations on them. */
export type W3cPageItem = W3cAnnotation | W3cReviewAnnotation;

/** A page of annotations, embedded as the collection's first and only page (model §5.2). */
export interface W3cAnnotationPage<Item extends W3cPageItem = W3cPageItem> {
  readonly id: string;
  readonly type: 'AnnotationPage';
  readonly startIndex: number;
  readonly items: readonly Item[];
}

/** A person or organisation in schema.org terms. */
export interface W3cSchemaAgent<Type extends 'schema:Person' | 'schema:Organization'> {
  readonly type: Type;
  readonly 'schema:name': string;
}

/**
 * The annotated article in schema.org terms (through the `schema` prefix of the model's context):
 * its IRI, headline, original URL, publisher (the outlet), authors, publication date and language.
 */
export interface W3cArticleDescription {
  readonly id: string;
  readonly type: 'schema:NewsArticle';
  readonly 'schema:headline': string;
  readonly 'schema:url'?: string;
  readonly 'schema:publisher'?: W3cSchemaAgent<'schema:Organization'>;
  readonly 'schema:author'?: readonly W3cSchemaAgent<'schema:Person'>[];
  readonly 'schema:datePublished'?: string;
  readonly 'schema:inLanguage'?: string;
}

/**
 * An article's tags as a collection (model §5.1). `unanchored` is our extension: tags whose text
 * was not found, with a quote selector only, and the review annotations on them, kept out of
 * `first.items` and `total` so no consumer places them anywhere.
 */
export interface W3cAnnotationCollection<Item extends W3cPageItem = W3cPageItem> {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  /** What the annotations are about: the article and its metadata. */
  readonly 'schema:about': W3cArticleDescription;
  readonly total: number;
  readonly first?: W3cAnnotationPage<Item>;
  readonly last?: string;
  readonly unanchored: readonly Item[];
}

/** Prefix of the IRIs the export gives reviewers, whose ids are not IRIs themselves. */
export const REVIEWER_IRI_PREFIX = 'urn:factcheck:reviewer:';

/** The IRI of a reviewer in exported annotations. */
export function reviewerIri(reviewerId: string): string {
  return `${REVIEWER_IRI_PREFIX}${encodeURIComponent(reviewerId)}`;
}

/** Whether a page item is a tag (a tagging annotation on the text) rather than a review annotation on one. */
export function isW3cTagging(item: W3cPageItem): item is W3cAnnotation {
  return item.motivation === 'tagging';
}

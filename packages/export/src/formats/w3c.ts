import { splitAuthors, type Label, type Reviewer } from '@factcheck/core';
import type { ExportModel } from '../export-model.js';
import type { ExportFormat } from '../format.js';
import type { ExportReviewFields } from '../review-fields.js';
import {
  ANNO_CONTENT_TYPE,
  ANNO_CONTEXT,
  reviewerIri,
  ROLE_NAME_KEY,
  type W3cClaimPartyBody,
  type W3cClaimRole,
  type W3cAgent,
  type W3cArticleDescription,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cPageItem,
  type W3cReviewAnnotation,
  type W3cSelector,
} from '../w3c-vocabulary.js';

/**
 * The `w3c` export: the article's tags as a W3C Web Annotation `AnnotationCollection` with every
 * annotation embedded in its one page, labelled with the article's title and describing the
 * article and its metadata as a schema.org `NewsArticle` (`schema:about`). Each annotation carries
 * its own `@context` so it stays a valid annotation when taken out of the collection. Positions
 * count code points of the `txt` export; orphaned tags go to `unanchored` with a quote selector
 * only, never a position.
 *
 * A tag with a claimant or subject carries them as more bodies after its label: `identifying`
 * TextualBodies with the name, their role given by schema.org's `roleName`.
 *
 * After the tags come the review annotations, each targeting its tag's annotation by IRI: one
 * `commenting` annotation per comment of the thread, one `linking` annotation per piece of evidence
 * (an http(s) link only) and one `assessing` annotation for the verdict of a resolved tag.
 */

/** Fields one exported annotation is made of. */
interface AnnotationFields {
  readonly tagId: string;
  readonly label: Label;
  readonly author: Reviewer;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly selector: readonly W3cSelector[];
  readonly claimant?: string;
  readonly subject?: string;
}

/** The claimant and subject of a tag, where it has them. */
function claimParties(tag: ExportReviewFields): Pick<AnnotationFields, 'claimant' | 'subject'> {
  return {
    ...(tag.claimant ? { claimant: tag.claimant } : {}),
    ...(tag.subject ? { subject: tag.subject } : {}),
  };
}

/** Drops a half emoji from the outer edges of a context cut at a fixed length in UTF-16 units. */
function wholeCodePoints(context: string): string {
  return context.replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, '');
}

function agent(reviewer: Reviewer): W3cAgent {
  return { id: reviewerIri(reviewer.id), type: 'Person', name: reviewer.name };
}

function tagIri(collectionId: string, tagId: string): string {
  return `${collectionId}/${encodeURIComponent(tagId)}`;
}

function partyBody(role: W3cClaimRole, name: string): W3cClaimPartyBody {
  return {
    type: 'TextualBody',
    purpose: 'identifying',
    value: name,
    format: 'text/plain',
    [ROLE_NAME_KEY]: role,
  };
}

function annotation(collectionId: string, sourceIri: string, fields: AnnotationFields): W3cAnnotation {
  const label = { type: 'TextualBody', purpose: 'tagging', value: fields.label } as const;
  const parties = [
    ...(fields.claimant ? [partyBody('claimant', fields.claimant)] : []),
    ...(fields.subject ? [partyBody('subject', fields.subject)] : []),
  ];
  return {
    '@context': ANNO_CONTEXT,
    id: tagIri(collectionId, fields.tagId),
    type: 'Annotation',
    motivation: 'tagging',
    created: fields.createdAt,
    modified: fields.updatedAt,
    creator: agent(fields.author),
    body: parties.length > 0 ? [label, ...parties] : label,
    target: { source: sourceIri, selector: fields.selector },
  };
}

/** An absolute http(s) URL as given, else null: only those become link bodies. */
function httpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The comments, evidence and verdict of one tag, as annotations on the tag's annotation. */
function reviewAnnotations(
  collectionId: string,
  tag: ExportReviewFields & { readonly id: string },
): W3cReviewAnnotation[] {
  const target = tagIri(collectionId, tag.id);
  const base = { '@context': ANNO_CONTEXT, type: 'Annotation', target } as const;
  const items: W3cReviewAnnotation[] = tag.thread.map((comment) => ({
    ...base,
    id: `${target}/comments/${encodeURIComponent(comment.id)}`,
    motivation: 'commenting',
    created: comment.createdAt,
    ...(comment.editedAt ? { modified: comment.editedAt } : {}),
    creator: agent(comment.author),
    body: { type: 'TextualBody', purpose: 'commenting', value: comment.text, format: 'text/plain' },
  }));
  for (const evidence of tag.evidence) {
    const source = httpUrl(evidence.url);
    if (!source) continue;
    items.push({
      ...base,
      id: `${target}/evidence/${encodeURIComponent(evidence.id)}`,
      motivation: 'linking',
      created: evidence.createdAt,
      creator: agent(evidence.author),
      body: [
        { type: 'SpecificResource', purpose: 'linking', source },
        { type: 'TextualBody', purpose: 'classifying', value: evidence.stance, format: 'text/plain' },
        ...(evidence.note
          ? [
              {
                type: 'TextualBody',
                purpose: 'describing',
                value: evidence.note,
                format: 'text/plain',
              } as const,
            ]
          : []),
      ],
    });
  }
  if (tag.reviewStatus === 'resolved' && tag.verdict && tag.resolvedBy && tag.resolvedAt) {
    items.push({
      ...base,
      id: `${target}/verdict`,
      motivation: 'assessing',
      created: tag.resolvedAt,
      creator: agent(tag.resolvedBy),
      body: { type: 'TextualBody', purpose: 'assessing', value: tag.verdict, format: 'text/plain' },
    });
  }
  return items;
}

/** The article and its metadata, as the collection's `schema:about` (empty fields left out). */
function articleDescription(model: ExportModel): W3cArticleDescription {
  const { sourceUrl, outlet, authors, publishedAt, language } = model.articleMeta;
  const names = splitAuthors(authors);
  return {
    id: model.sourceIri,
    type: 'schema:NewsArticle',
    'schema:headline': model.title,
    ...(sourceUrl.trim() ? { 'schema:url': sourceUrl.trim() } : {}),
    ...(outlet.trim()
      ? { 'schema:publisher': { type: 'schema:Organization', 'schema:name': outlet.trim() } }
      : {}),
    ...(names.length > 0
      ? { 'schema:author': names.map((name) => ({ type: 'schema:Person', 'schema:name': name }) as const) }
      : {}),
    ...(publishedAt.trim() ? { 'schema:datePublished': publishedAt.trim() } : {}),
    ...(language.trim() ? { 'schema:inLanguage': language.trim() } : {}),
  };
}

/** The article's tags as a Web Annotation collection. */
export function renderW3c(model: ExportModel): W3cAnnotationCollection {
  const collectionId = `${model.sourceIri}/annotations`;
  const pageId = `${collectionId}?page=0`;
  const items: W3cPageItem[] = model.tags.map((tag) =>
    annotation(collectionId, model.sourceIri, {
      tagId: tag.id,
      label: tag.label,
      author: tag.author,
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
      ...claimParties(tag),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: tag.quote,
          prefix: wholeCodePoints(tag.prefix),
          suffix: wholeCodePoints(tag.suffix),
        },
        { type: 'TextPositionSelector', start: tag.start, end: tag.end },
      ],
    }),
  );
  items.push(...model.tags.flatMap((tag) => reviewAnnotations(collectionId, tag)));
  const unanchored: W3cPageItem[] = model.orphans.map((orphan) =>
    annotation(collectionId, model.sourceIri, {
      tagId: orphan.id,
      label: orphan.label,
      author: orphan.author,
      createdAt: orphan.createdAt,
      updatedAt: orphan.updatedAt,
      ...claimParties(orphan),
      selector: [
        { type: 'TextQuoteSelector', exact: orphan.quote, prefix: orphan.prefix, suffix: orphan.suffix },
      ],
    }),
  );
  unanchored.push(...model.orphans.flatMap((orphan) => reviewAnnotations(collectionId, orphan)));
  return {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: model.title,
    'schema:about': articleDescription(model),
    total: items.length,
    // A page must hold at least one annotation (model §5.2), so an untagged article has none.
    ...(items.length > 0
      ? { first: { id: pageId, type: 'AnnotationPage', startIndex: 0, items }, last: pageId }
      : {}),
    unanchored,
  };
}

/** The `w3c` export format: pretty-printed JSON-LD in UTF-8. */
export const w3cFormat: ExportFormat = {
  name: 'w3c',
  description: 'W3C Web Annotations (JSON-LD)',
  contentType: ANNO_CONTENT_TYPE,
  extension: 'jsonld',
  render: (model) => new TextEncoder().encode(`${JSON.stringify(renderW3c(model), null, 2)}\n`),
};

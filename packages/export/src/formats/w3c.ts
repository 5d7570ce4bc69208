import type { Label, Reviewer } from '@factcheck/core';
import type { ExportModel } from '../export-model.js';
import type { ExportFormat } from '../format.js';
import {
  ANNO_CONTENT_TYPE,
  ANNO_CONTEXT,
  reviewerIri,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cSelector,
} from '../w3c-vocabulary.js';

/**
 * The `w3c` export: the article's tags as a W3C Web Annotation `AnnotationCollection` with every
 * annotation embedded in its one page. Each annotation carries its own `@context` so it stays a
 * valid annotation when taken out of the collection. Positions count code points of the `txt`
 * export; orphaned tags go to `unanchored` with a quote selector only, never a position.
 */

/** Fields one exported annotation is made of. */
interface AnnotationFields {
  readonly tagId: string;
  readonly label: Label;
  readonly author: Reviewer;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly selector: readonly W3cSelector[];
}

/** Drops a half emoji from the outer edges of a context cut at a fixed length in UTF-16 units. */
function wholeCodePoints(context: string): string {
  return context.replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, '');
}

function annotation(collectionId: string, sourceIri: string, fields: AnnotationFields): W3cAnnotation {
  return {
    '@context': ANNO_CONTEXT,
    id: `${collectionId}/${encodeURIComponent(fields.tagId)}`,
    type: 'Annotation',
    motivation: 'tagging',
    created: fields.createdAt,
    modified: fields.updatedAt,
    creator: { id: reviewerIri(fields.author.id), type: 'Person', name: fields.author.name },
    body: { type: 'TextualBody', purpose: 'tagging', value: fields.label },
    target: { source: sourceIri, selector: fields.selector },
  };
}

/** The article's tags as a Web Annotation collection. */
export function renderW3c(model: ExportModel): W3cAnnotationCollection {
  const collectionId = `${model.sourceIri}/annotations`;
  const pageId = `${collectionId}?page=0`;
  const items = model.tags.map((tag) =>
    annotation(collectionId, model.sourceIri, {
      tagId: tag.id,
      label: tag.label,
      author: tag.author,
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
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
  const unanchored = model.orphans.map((orphan) =>
    annotation(collectionId, model.sourceIri, {
      tagId: orphan.id,
      label: orphan.label,
      author: orphan.author,
      createdAt: orphan.createdAt,
      updatedAt: orphan.updatedAt,
      selector: [
        { type: 'TextQuoteSelector', exact: orphan.quote, prefix: orphan.prefix, suffix: orphan.suffix },
      ],
    }),
  );
  return {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: model.title,
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

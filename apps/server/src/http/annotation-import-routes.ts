import type { FastifyPluginAsync } from 'fastify';
import { importW3cAnnotations, W3cInputError } from '@factcheck/export';
import { isValidArticleId } from '../article-id.js';
import type { DocumentRegistry } from '../sync/document-registry.js';

/** Largest annotation file accepted. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

const W3C_TYPES: ReadonlySet<string> = new Set(['AnnotationCollection', 'AnnotationPage', 'Annotation']);

/**
 * Why a request body is not W3C annotations at all (null when it may be): the importer reports
 * each unreadable annotation, but a body whose top level is no collection, page or annotation is
 * a wrong file, answered 400 rather than one "unresolved" entry.
 */
function shapeError(body: unknown): string | null {
  const values = Array.isArray(body) ? body : [body];
  for (const value of values) {
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((name) => typeof name === 'string' && W3C_TYPES.has(name))) {
      return 'Send a W3C AnnotationCollection, AnnotationPage or Annotation (or an array of them) as JSON: the body has no such "type".';
    }
  }
  return null;
}

/** What the import route writes into. */
export interface AnnotationImportDependencies {
  readonly registry: DocumentRegistry;
}

/**
 * Importing W3C Web Annotations back onto an article, registered under `/api`:
 * `POST /articles/:id/annotations` with an `AnnotationCollection` (or one annotation). The tags are
 * written into the live shared document, so connected reviewers see them at once and they are
 * stored like any other change.
 */
export function annotationImportRoutes({ registry }: AnnotationImportDependencies): FastifyPluginAsync {
  return async (app) => {
    // JSON-LD is JSON; the default parser only claims application/json.
    app.addContentTypeParser(
      'application/ld+json',
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      app.getDefaultJsonParser('error', 'error'),
    );

    app.post<{ Params: { id: string }; Body: unknown }>(
      '/articles/:id/annotations',
      { bodyLimit: IMPORT_BODY_LIMIT, config: { access: { permission: 'annotate' } } },
      async (request, reply) => {
        const { id } = request.params;
        if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
        const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (mediaType !== 'application/json' && mediaType !== 'application/ld+json') {
          return reply
            .code(415)
            .send({ error: 'Send the annotations as application/json or application/ld+json.' });
        }
        const wrongShape = shapeError(request.body);
        if (wrongShape) return reply.code(400).send({ error: wrongShape });
        const shared = await registry.acquire(id);
        if (!shared) return reply.code(404).send({ error: `No article with id ${id}.` });
        try {
          let result: ReturnType<typeof importW3cAnnotations>;
          try {
            result = importW3cAnnotations(shared.doc, request.body);
          } catch (error) {
            if (error instanceof W3cInputError) return reply.code(400).send({ error: error.message });
            throw error;
          }
          // Answer once the new tags are stored, like any reviewer's change.
          await shared.settle();
          request.log.info(
            { article: id, created: result.created.length, unresolved: result.unresolved.length },
            'annotations imported',
          );
          return {
            created: result.created.length,
            ids: result.created,
            unresolved: result.unresolved,
            // Review annotations (comments, verdicts, evidence) are not tags: listed, not imported.
            skipped: result.skipped,
          };
        } finally {
          registry.release(shared);
        }
      },
    );
  };
}

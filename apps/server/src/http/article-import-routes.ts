import type { FastifyError, FastifyPluginAsync } from 'fastify';
import {
  importArticleInWorker,
  ImportError,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
  type ImportFailure,
} from '@factcheck/import';
import { createArticle } from '../library/create-article.js';
import type { DocumentStore } from '../storage/document-store.js';

/** Bodies a little over the import limit still arrive, so the importer's own message answers them. */
const BODY_LIMIT = MAX_IMPORT_BYTES + 256 * 1024;

const STATUS_OF_FAILURE: Readonly<Record<ImportFailure, number>> = {
  'too-large': 413,
  'too-many-words': 413,
  'unsupported-type': 415,
  empty: 400,
  encoding: 400,
  unreadable: 400,
  'invalid-source': 400,
};

/** What the import route writes into. */
export interface ArticleImportDependencies {
  /** The store new articles go to (the library's watched store, so they are listed at once). */
  readonly store: DocumentStore;
}

/** One query value: the first when a parameter is repeated. */
function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/**
 * Importing an article, registered under `/api`: `POST /articles` with the file as the raw body
 * and its Content-Type (plain text, Markdown, HTML, Word), optional `?title=` and `?source=`.
 * Answers `201 { id, title }`; bad input gets 400, 413 or 415 with `{ error }` and stores nothing.
 */
export function articleImportRoutes({ store }: ArticleImportDependencies): FastifyPluginAsync {
  return async (app) => {
    // Every body is the file's bytes, whatever its type; the importer decides what it can read.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );

    // Fastify cuts off bodies over the limit before the route runs: answer those in the same words.
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const length = Number(_request.headers['content-length']);
        return reply.code(413).send({ error: tooLargeMessage(Number.isFinite(length) ? length : null) });
      }
      throw error;
    });

    app.post<{ Querystring: Record<string, unknown> }>(
      '/articles',
      { bodyLimit: BODY_LIMIT, config: { access: { permission: 'manage' } } },
      async (request, reply) => {
        const body = request.body;
        // A copy of exactly the body's bytes (a small Buffer may be a view into a shared pool).
        const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
        let article: Awaited<ReturnType<typeof importArticleInWorker>>;
        try {
          request.log.debug({ bytes: bytes.byteLength }, 'reading the imported file');
          // On a worker thread: a large page takes seconds to read, and sync must not wait for it.
          article = await importArticleInWorker({
            bytes,
            contentType: request.headers['content-type'] ?? '',
            title: single(request.query.title),
            sourceUrl: single(request.query.source),
          });
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          request.log.info({ failure: error.failure, bytes: bytes.byteLength }, 'import refused');
          return reply.code(STATUS_OF_FAILURE[error.failure]).send({ error: error.message });
        }
        request.log.debug({ words: article.wordCount }, 'imported file read');
        const created = await createArticle(store, article);
        request.log.info(
          { article: created.id, format: article.format, words: article.wordCount, bytes: bytes.byteLength },
          'article imported',
        );
        return reply.code(201).header('Location', `/api/articles/${created.id}`).send(created);
      },
    );
  };
}

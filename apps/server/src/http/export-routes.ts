import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ORGANISATION_ENV, PdfRendererUnavailableError, type ExportRenderOptions } from '@factcheck/export';
import { isValidArticleId } from '../article-id.js';
import { exportAllArticles, exportArticle } from '../export/article-exports.js';
import type { ArticleSnapshots } from '../export/article-snapshots.js';
import { attachmentDisposition } from '../export/content-disposition.js';
import { parseExportQuery, type ExportQuery } from '../export/export-query.js';

/** What the export routes read from. */
export interface ExportRouteDependencies {
  readonly articles: ArticleSnapshots;
  /** The organisation publishing fact checks (`claimreview`); default: `$FACTCHECK_ORGANISATION`, read per request. */
  readonly organisation?: string;
}

/** Headers of every download: never cached, never sniffed, and an html export opened in place runs nothing. */
const DOWNLOAD_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
};

/** Base URL of the request, which article IRIs in exports are built from. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Answers an export failure that is not the server's fault (no Chromium for pdf) with 503. */
function unavailable(reply: FastifyReply, error: unknown): FastifyReply | null {
  if (!(error instanceof PdfRendererUnavailableError)) return null;
  reply.log.warn({ reason: error.message }, 'export unavailable');
  return reply.code(503).send({ error: error.message });
}

/**
 * Exports, registered under `/api`: one article in any format
 * (`GET /articles/:id/export?format=&label=&author=&view=`) and every article as one zip
 * (`GET /export`).
 */
export function exportRoutes({ articles, organisation }: ExportRouteDependencies): FastifyPluginAsync {
  const renderOptions = (): ExportRenderOptions => {
    const name = organisation ?? process.env[ORGANISATION_ENV];
    return name ? { organisation: name } : {};
  };
  return async (app) => {
    app.get<{ Params: { id: string }; Querystring: ExportQuery }>(
      '/articles/:id/export',
      { config: { access: { permission: 'read' } } },
      async (request, reply) => {
        const { id } = request.params;
        if (!isValidArticleId(id)) return reply.code(400).send({ error: 'Invalid article id.' });
        const query = parseExportQuery(request.query);
        if (!query.ok) return reply.code(400).send(query.body);
        let file;
        try {
          file = await exportArticle(articles, id, {
            ...query,
            baseUrl: baseUrlOf(request),
            render: renderOptions(),
          });
        } catch (error) {
          const answered = unavailable(reply, error);
          if (answered) return answered;
          throw error;
        }
        if (!file) return reply.code(404).send({ error: `No article with id ${id}.` });
        return reply
          .headers(DOWNLOAD_HEADERS)
          .header('content-type', query.format.contentType)
          .header('content-disposition', attachmentDisposition(file.fileName, file.unicodeFileName))
          .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      },
    );

    app.get<{ Querystring: ExportQuery }>(
      '/export',
      { config: { access: { permission: 'read', everyArticle: true } } },
      async (request, reply) => {
        const query = parseExportQuery(request.query);
        if (!query.ok) return reply.code(400).send(query.body);
        let zip;
        try {
          zip = await exportAllArticles(articles, {
            ...query,
            baseUrl: baseUrlOf(request),
            render: renderOptions(),
          });
        } catch (error) {
          const answered = unavailable(reply, error);
          if (answered) return answered;
          throw error;
        }
        request.log.info({ format: query.format.name, articles: zip.count }, 'exported every article');
        return reply
          .headers(DOWNLOAD_HEADERS)
          .header('content-type', 'application/zip')
          .header('content-disposition', attachmentDisposition(zip.fileName))
          .send(Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength));
      },
    );
  };
}

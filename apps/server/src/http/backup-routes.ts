import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { readBackup } from '../backup/backup-reader.js';
import { StoredDocuments } from '../backup/backup-source.js';
import { writeBackup } from '../backup/backup-writer.js';
import { restoreIntoServer } from '../backup/restore-backup.js';
import type { DocumentRegistry } from '../sync/document-registry.js';

/** Largest backup accepted by `POST /api/backup`. */
export const BACKUP_BODY_LIMIT = 1024 * 1024 * 1024;

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

/** What the backup routes read and write. */
export interface BackupRouteDependencies {
  readonly registry: DocumentRegistry;
}

/**
 * Backing up and restoring the whole store while the server runs (lead only), under `/api`:
 * `GET /backup` streams a zip of every document; `POST /backup` merges a backup zip into the
 * live documents (see `restore-backup.ts`).
 */
export function backupRoutes({ registry }: BackupRouteDependencies): FastifyPluginAsync {
  return async (app) => {
    const store = registry.store;
    app.addContentTypeParser(
      ZIP_TYPES,
      { parseAs: 'buffer', bodyLimit: BACKUP_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    app.get('/backup', { config: { access: { permission: 'manage' } } }, async (request, reply) => {
      const stream = new PassThrough();
      const date = new Date().toISOString().slice(0, 10);
      writeBackup(new StoredDocuments(store, registry), stream).then(
        (report) => request.log.info({ ...report }, 'backup written'),
        (error: unknown) => {
          request.log.error({ err: error }, 'backup failed');
          stream.destroy(error as Error);
        },
      );
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', `attachment; filename="factcheck-backup-${date}.zip"`)
        .header('Cache-Control', 'no-store')
        .send(stream);
    });

    app.post<{ Body: Buffer }>(
      '/backup',
      { bodyLimit: BACKUP_BODY_LIMIT, config: { access: { permission: 'manage' } } },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          return reply.code(415).send({ error: 'Send the backup as application/zip.' });
        }
        const documents = readBackup(new Uint8Array(request.body));
        const report = await restoreIntoServer(documents, registry, store);
        const counts = { created: 0, merged: 0, unchanged: 0 };
        for (const { outcome } of report.documents) counts[outcome] += 1;
        request.log.info(counts, 'backup restored');
        return { ...counts, documents: report.documents };
      },
    );
  };
}

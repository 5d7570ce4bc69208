/** @factcheck/server: the HTTP API, the web app and the y-websocket sync endpoint in one process. */
export { startServer, type RunningServer, type StartServerOptions } from './start-server.js';
export type { DocumentStore } from './storage/document-store.js';
export { MemoryDocumentStore } from './storage/memory-store.js';
export { LeveldbDocumentStore } from './storage/leveldb-store.js';
export { createLogger, type ServerLogger } from './logger.js';
export { SUMMARY_WORKER_RECYCLED } from './summaries/worker-summary-computer.js';
export { CloseCode } from './sync/connection.js';
export { isValidArticleId, ARTICLE_ID_PATTERN } from './article-id.js';
export { createArticle, type CreatedArticle } from './library/create-article.js';
export { DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync/sync-limits.js';
export * from './auth/index.js';
export { BackupError, type BackupDocument } from './backup/backup-format.js';
export { readBackup } from './backup/backup-reader.js';
export { StoredDocuments } from './backup/backup-source.js';
export { writeBackup, type BackupReport } from './backup/backup-writer.js';
export { restoreIntoStore, type RestoreReport } from './backup/restore-backup.js';

import { parentPort } from 'node:worker_threads';
import { importArticle, type ImportInput } from '../import-article.js';
import { ImportError } from '../import-error.js';
import type { WorkerReply, WorkerRequest } from './worker-messages.js';

/** The import worker's body: reads each file it is sent and answers the article or the refusal. */

parentPort?.on('message', (request: WorkerRequest) => {
  const input: ImportInput = request.input;
  importArticle(input).then(
    (article) => parentPort?.postMessage({ id: request.id, article } satisfies WorkerReply),
    (error: unknown) => {
      const reply: WorkerReply =
        error instanceof ImportError
          ? { id: request.id, refused: { failure: error.failure, message: error.message } }
          : { id: request.id, crashed: error instanceof Error ? error.message : String(error) };
      parentPort?.postMessage(reply);
    },
  );
});

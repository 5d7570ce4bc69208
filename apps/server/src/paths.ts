import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Root of the repository, found from this file rather than from the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The built-in corpus of plain-text articles seeded into an empty data directory. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../../articles/', import.meta.url));

/** Where `npm run build` puts the web app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Version of the server package, reported by the health endpoint. */
export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

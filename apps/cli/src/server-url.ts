import { CliError } from './cli-error.js';

/** The base URL of `--server` (with a trailing slash, so API paths resolve under it); CliError if it is not http(s). */
export function serverBaseUrl(serverUrl: string): URL {
  let base: URL;
  try {
    base = new URL(serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
  } catch {
    throw new CliError(`--server needs a URL such as http://localhost:8080, got "${serverUrl}".`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new CliError(`--server needs an http(s) URL, got "${serverUrl}".`);
  }
  return base;
}

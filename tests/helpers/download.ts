import type { RunningServer } from '@factcheck/server';

/** A response of the server with its body as bytes and as text. */
export interface Download {
  readonly status: number;
  readonly contentType: string;
  readonly disposition: string;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
  readonly text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json<T = unknown>(): T;
}

async function toDownload(response: Response): Promise<Download> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    headers: response.headers,
    bytes,
    text,
    json: <T>() => JSON.parse(text) as T,
  };
}

/** GETs a path of the server. */
export async function download(server: RunningServer, pathname: string): Promise<Download> {
  return toDownload(await fetch(new URL(pathname, server.url)));
}

/** POSTs a body (a string is sent as is, anything else as JSON) to a path of the server. */
export async function post(
  server: RunningServer,
  pathname: string,
  body: unknown,
  contentType = 'application/json',
): Promise<Download> {
  const response = await fetch(new URL(pathname, server.url), {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return toDownload(response);
}

/** The file name of a Content-Disposition header, and its `filename*` decoded. */
export function dispositionNames(header: string): { ascii?: string; unicode?: string } {
  const ascii = /filename="([^"]*)"/u.exec(header)?.[1];
  const encoded = /filename\*=UTF-8''([^;\s]+)/u.exec(header)?.[1];
  return { ascii, unicode: encoded === undefined ? undefined : decodeURIComponent(encoded) };
}

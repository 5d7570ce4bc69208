import http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * HTTP requests sent byte for byte as given: `fetch` and WebSocket clients resolve `..` and
 * re-encode paths before they leave, so a hostile path needs a raw request.
 */

/** A response: status, headers and the body as text. */
export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Sends one request with `path` exactly as written. */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** How a WebSocket upgrade ended: refused over HTTP, or accepted and then closed with a code. */
export type UpgradeOutcome =
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'closed'; readonly code: number; readonly reason: string };

/** Reads the first WebSocket frame the server sends, expecting a close frame (opcode 8). */
function readCloseFrame(socket: Duplex, head: Buffer): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    let bytes = head;
    const tryParse = () => {
      if (bytes.length < 2) return;
      const opcode = bytes[0] & 0x0f;
      const length = bytes[1] & 0x7f;
      if (bytes.length < 2 + length) return;
      if (opcode !== 8) {
        // Sync step 1 or presence: the server accepted the path as an article.
        resolve({ kind: 'closed', code: -1, reason: `got opcode ${opcode} instead of a close` });
        socket.destroy();
        return;
      }
      const code = length >= 2 ? bytes.readUInt16BE(2) : 1005;
      resolve({ kind: 'closed', code, reason: bytes.subarray(4, 2 + length).toString('utf8') });
      socket.destroy();
    };
    socket.on('data', (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk]);
      tryParse();
    });
    socket.on('error', reject);
    tryParse();
  });
}

/** Asks for a WebSocket upgrade of `path` exactly as written and reports how the server answered. */
export function rawUpgrade(baseUrl: string, path: string): Promise<UpgradeOutcome> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({
      hostname,
      port,
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
      },
    });
    request.on('upgrade', (_response, socket, head) => readCloseFrame(socket, head).then(resolve, reject));
    request.on('response', (response) => {
      response.resume();
      resolve({ kind: 'http', status: response.statusCode ?? 0 });
    });
    request.on('error', reject);
    request.end();
  });
}

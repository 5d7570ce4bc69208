import { WebSocket } from 'ws';
import { registerCleanup } from './cleanup.js';

/** A bare WebSocket to the sync endpoint, for sending what stock clients never send. */
export interface RawSocket {
  readonly socket: WebSocket;
  /** Binary frames received so far. */
  readonly messages: Uint8Array[];
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** Opens a raw socket and waits until it is open; terminated when the test ends. */
export async function openRawSocket(url: string): Promise<RawSocket> {
  const socket = new WebSocket(url);
  const messages: Uint8Array[] = [];
  socket.on('message', (data) => messages.push(new Uint8Array(data as Buffer)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  registerCleanup(() => socket.terminate());
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages, closed };
}

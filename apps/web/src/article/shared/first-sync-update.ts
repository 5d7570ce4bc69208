import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type of sync messages. */
const MESSAGE_SYNC = 0;

type MessageHandler = WebsocketProvider['messageHandlers'][number];

/** The update a sync message carries when it is a sync step 2 (a copy), else null. */
export function syncStep2Update(bytes: Uint8Array, at: number): Uint8Array | null {
  const decoder = decoding.createDecoder(bytes);
  decoder.pos = at;
  try {
    if (decoding.readVarUint(decoder) !== messageYjsSyncStep2) return null;
    return decoding.readVarUint8Array(decoder).slice();
  } catch {
    // Cut off: not ours to judge; y-protocols reads the message next and reports it.
    return null;
  }
}

/**
 * Resolves at the provider's first sync with the update of the server's first sync step 2 exactly
 * as it arrived (everything the server had that this document lacked), or null if it was not seen.
 * Storing these bytes keeps the article without encoding the whole document again (~240 ms for
 * the 5,000-tag article).
 */
export function firstSyncUpdate(provider: WebsocketProvider): Promise<Uint8Array | null> {
  const handleSync = provider.messageHandlers[MESSAGE_SYNC];
  let update: Uint8Array | null = null;
  const peek: MessageHandler = (encoder, decoder, ...rest) => {
    // The decoder stands after the message type: read the rest without moving it.
    update ??= syncStep2Update(decoder.arr, decoder.pos);
    handleSync(encoder, decoder, ...rest);
  };
  provider.messageHandlers[MESSAGE_SYNC] = peek;
  return new Promise((resolve) => {
    provider.once('sync', () => {
      if (provider.messageHandlers[MESSAGE_SYNC] === peek)
        provider.messageHandlers[MESSAGE_SYNC] = handleSync;
      resolve(update);
    });
  });
}

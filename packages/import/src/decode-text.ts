import { TextDecoder as WhatwgTextDecoder, normalizeEncoding } from '@exodus/bytes/encoding.js';
import { ImportError } from './import-error.js';

/**
 * Bytes to text, exactly: UTF-8 (a byte-order mark is dropped), or the character set the file
 * declares when its bytes are not UTF-8. Bytes that are neither are refused, never guessed, so no
 * mojibake is ever stored. Legacy charsets are decoded by @exodus/bytes, a WHATWG Encoding
 * implementation: Node 20's own TextDecoder reads windows-1252 as ISO-8859-1, turning curly quotes
 * into control characters.
 */

/** How far into an HTML file a `<meta charset>` is looked for (as browsers do). */
const SNIFF_BYTES = 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The charset an HTML file declares in its first kilobyte (`<meta charset>`, http-equiv, XML declaration). */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/iu.exec(head);
  return xml ? xml[1].toLowerCase() : null;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new WhatwgTextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Where the first byte that is not UTF-8 sits, for the message. */
function firstInvalidUtf8Byte(bytes: Uint8Array): { offset: number; value: number } {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const at = lenient.indexOf('\uFFFD');
  const offset = at < 0 ? 0 : new TextEncoder().encode(lenient.slice(0, at)).byteLength;
  return { offset, value: bytes[offset] ?? 0 };
}

function hex(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Decodes a text file. `declaredCharset` comes from the Content-Type header; for HTML the page's
 * own `<meta charset>` counts too. Throws `encoding` for bytes that are not UTF-8 and that no
 * declared charset decodes.
 */
export function decodeText(bytes: Uint8Array, declaredCharset: string | null, isHtml: boolean): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text !== null) return text;
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // TextDecoder drops the byte-order mark itself.
    const text = decodeStrict(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
    if (text !== null) return text;
  } else {
    const text = decodeStrict(bytes, 'utf-8');
    if (text !== null) return text;
  }

  const { offset, value } = firstInvalidUtf8Byte(bytes);
  const notUtf8 = `The file is not valid UTF-8 text (byte ${hex(value)} at position ${offset.toLocaleString('en')})`;
  const charset = declaredCharset ?? (isHtml ? sniffHtmlCharset(bytes) : null);
  if (!charset) {
    throw new ImportError(
      'encoding',
      `${notUtf8} and declares no character set. Save it as UTF-8, or name its encoding (charset=… in the Content-Type, or <meta charset> in an HTML page).`,
    );
  }
  const encoding = normalizeEncoding(charset);
  if (encoding === 'utf-8') {
    throw new ImportError('encoding', `${notUtf8}, although it declares UTF-8. Save it again as UTF-8.`);
  }
  if (!encoding || encoding === 'replacement') {
    throw new ImportError('encoding', `${notUtf8} and declares an unknown character set "${charset}".`);
  }
  const text = decodeStrict(bytes, encoding);
  if (text === null) {
    throw new ImportError(
      'encoding',
      `The file is neither valid UTF-8 nor valid ${encoding}, as it declares.`,
    );
  }
  return text.replace(/^\uFEFF/u, '');
}

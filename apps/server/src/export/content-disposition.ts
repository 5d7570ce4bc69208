/** RFC 5987 encoding: percent-encodes everything but the attr-chars that need no quoting. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/gu,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * An attachment header with an ASCII file name for every client and the full Unicode name for
 * those that read `filename*` (RFC 6266).
 */
export function attachmentDisposition(asciiName: string, unicodeName = asciiName): string {
  const safe = asciiName.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeExtValue(unicodeName)}`;
}

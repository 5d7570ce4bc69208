/**
 * The file name a `Content-Disposition` header carries, or null. The plain `filename` (the
 * server's ASCII slug, as the data directory source names files) wins over `filename*`.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/u.exec(header);
  if (quoted) return safeName(quoted[1].replace(/\\(.)/gu, '$1'));
  const bare = /filename\s*=\s*([^;\s]+)/u.exec(header);
  if (bare) return safeName(bare[1]);
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/iu.exec(header);
  if (!extended) return null;
  try {
    return safeName(decodeURIComponent(extended[1].trim()));
  } catch {
    return null;
  }
}

/** Keeps only the last path segment so a server cannot steer where a file is written. */
function safeName(name: string): string | null {
  const base = name.split(/[/\\]/u).pop()?.trim() ?? '';
  return base && base !== '.' && base !== '..' ? base : null;
}

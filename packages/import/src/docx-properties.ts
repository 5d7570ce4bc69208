import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { ImportError } from './import-error.js';
import type { ImportedMeta } from './imported-article.js';
import { cleanDate, cleanLanguage, cleanTitle, cleanValue, joinAuthors } from './meta-values.js';

/**
 * A Word file's own description of itself: the core properties (`docProps/core.xml`: title,
 * creator, created, modified, language, description), read with fflate and fast-xml-parser. Also
 * checks the file is a Word document and does not unpack to something huge, before mammoth reads it.
 */

/** Most bytes a Word file may unpack to (its zip entries' declared sizes, added up). */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;
const CORE_PROPERTIES = 'docProps/core.xml';
const MAIN_DOCUMENT = 'word/document.xml';
/** Largest core properties part read. */
const MAX_CORE_PROPERTIES_BYTES = 1024 * 1024;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

/** Unpacks the core properties part after checking what the zip holds; throws `unreadable`. */
function readCorePropertiesXml(bytes: Uint8Array): string | null {
  let unpackedBytes = 0;
  let hasMainDocument = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        unpackedBytes += file.originalSize;
        if (file.name === MAIN_DOCUMENT) hasMainDocument = true;
        return file.name === CORE_PROPERTIES && file.originalSize <= MAX_CORE_PROPERTIES_BYTES;
      },
    });
  } catch (error) {
    throw new ImportError(
      'unreadable',
      `The file is not a Word document (.docx): it cannot be unpacked (${(error as Error).message}). Old .doc files must be saved as .docx first.`,
    );
  }
  if (!hasMainDocument) {
    throw new ImportError(
      'unreadable',
      'The file is a zip archive but not a Word document (.docx): it has no word/document.xml.',
    );
  }
  if (unpackedBytes > MAX_DOCX_UNPACKED_BYTES) {
    throw new ImportError(
      'too-large',
      `The Word file unpacks to ${Math.round(unpackedBytes / (1024 * 1024))} MB; the limit is ${MAX_DOCX_UNPACKED_BYTES / (1024 * 1024)} MB.`,
    );
  }
  const core = entries[CORE_PROPERTIES];
  return core ? new TextDecoder().decode(core) : null;
}

function text(value: unknown): string {
  if (typeof value === 'object' && value !== null && '#text' in value)
    return String((value as { '#text': unknown })['#text']);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The core properties of a Word file as metadata; throws `unreadable` when it is no Word file. */
export function readDocxProperties(bytes: Uint8Array): ImportedMeta {
  const xml = readCorePropertiesXml(bytes);
  if (!xml) return {};
  let parsed: { coreProperties?: Record<string, unknown> };
  try {
    parsed = parser.parse(xml) as typeof parsed;
  } catch {
    // Broken properties do not make the document unreadable.
    return {};
  }
  const properties = parsed.coreProperties ?? {};
  const creators = [properties.creator].flat().map(text);
  return {
    title: cleanTitle(text(properties.title)),
    authors: joinAuthors(creators.flatMap((value) => value.split(/\s*;\s*/u))),
    publishedAt: cleanDate(text(properties.created)) || cleanDate(text(properties.modified)),
    language: cleanLanguage(text(properties.language)),
    description: cleanValue(text(properties.description)),
  };
}

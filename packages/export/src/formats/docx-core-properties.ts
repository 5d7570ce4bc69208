/**
 * The `docx` export's `docProps/core.xml` (OPC core properties, ECMA-376 part 2 §11): title,
 * creator, description, language and times, what Word shows under File › Info. The docx package
 * writes this part too, but without `dc:language` and with the time of packing, so the export
 * hands docx its own copy as an override.
 */

/** The core properties of an exported document. */
export interface CoreProperties {
  readonly title: string;
  /** The article's authors, `; `-separated, or who made the file. */
  readonly creator: string;
  readonly description: string;
  /** BCP 47 tag of the article's language, when known. */
  readonly language?: string;
  readonly lastModifiedBy: string;
  /** ISO 8601 time the export was made. */
  readonly created: string;
}

/** Where docx keeps the core properties in the package. */
export const CORE_PROPERTIES_PATH = 'docProps/core.xml';

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function text(value: string): string {
  return value.replace(/[&<>"']/gu, (character) => XML_ESCAPES[character]);
}

/** The core properties part as XML (values already free of characters XML forbids). */
export function coreProperties(properties: CoreProperties): string {
  const time = `xsi:type="dcterms:W3CDTF">${text(properties.created)}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${text(properties.title)}</dc:title>` +
    `<dc:creator>${text(properties.creator)}</dc:creator>` +
    `<dc:description>${text(properties.description)}</dc:description>` +
    (properties.language ? `<dc:language>${text(properties.language)}</dc:language>` : '') +
    `<cp:lastModifiedBy>${text(properties.lastModifiedBy)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created ${time}</dcterms:created>` +
    `<dcterms:modified ${time}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

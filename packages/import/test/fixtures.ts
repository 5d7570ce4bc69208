import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { getContent, projectFragment } from '@factcheck/core';
import { articleSchema } from '@factcheck/editor';
import { importArticle, writeImportedArticle, type ImportedArticle, type ImportInput } from '../src/index.js';

/** The import fixtures shared with the integration and browser tests (tests/fixtures/import). */

/** The bytes of a fixture file. */
export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url)));
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Imports a file and writes it into a fresh Y.Doc, as the server does. */
export async function importIntoDoc(input: ImportInput): Promise<{ article: ImportedArticle; doc: Y.Doc }> {
  const article = await importArticle(input);
  const doc = new Y.Doc();
  writeImportedArticle(doc, article);
  return { article, doc };
}

/** The article text of a document as everything outside the editor sees it. */
export function docText(doc: Y.Doc): string {
  return projectFragment(getContent(doc)).text;
}

/** The ProseMirror document the editor shows for a Y.Doc (throws when the content breaks the schema). */
export function editorDocOf(doc: Y.Doc): ProseMirrorNode {
  const node = yXmlFragmentToProseMirrorRootNode(getContent(doc), articleSchema);
  node.check();
  return node;
}

/** The Y encoding y-prosemirror itself writes for a ProseMirror document (to compare with ours). */
export function yEncodingOf(node: ProseMirrorNode): unknown {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(node, getContent(doc));
  return getContent(doc).toJSON();
}

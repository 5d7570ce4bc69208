import { Schema, type NodeSpec } from 'prosemirror-model';
import { schema as basicSchema } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';

/**
 * The article schema: paragraphs, headings, block quotes, lists, rules and hard breaks; emphasis,
 * strong, code and links. Node names match `NODE_NAMES` and the text projection rules in core.
 * Tags are not in the schema: they live beside the text and are drawn as decorations.
 */

const basicNodes = basicSchema.spec.nodes;

// Each text block takes its direction from its own first strong character, so an Urdu paragraph
// reads right to left among English ones.
const paragraph: NodeSpec = { ...basicNodes.get('paragraph')!, toDOM: () => ['p', { dir: 'auto' }, 0] };
const heading: NodeSpec = {
  ...basicNodes.get('heading')!,
  toDOM: (node) => [`h${Number(node.attrs.level)}`, { dir: 'auto' }, 0],
};

/** The ProseMirror schema of article content. */
export const articleSchema = new Schema({
  nodes: addListNodes(
    basicNodes.remove('image').update('paragraph', paragraph).update('heading', heading),
    'paragraph block*',
    'block',
  ),
  marks: basicSchema.spec.marks,
});

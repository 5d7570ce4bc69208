import { Schema } from 'prosemirror-model';
import { schema as basicSchema } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';

/**
 * The article schema: paragraphs, headings, block quotes, lists, rules and hard breaks; emphasis,
 * strong, code and links. Node names match `NODE_NAMES` and the text projection rules in core.
 * Tags are not in the schema: they live beside the text and are drawn as decorations.
 */
export const articleSchema = new Schema({
  nodes: addListNodes(basicSchema.spec.nodes.remove('image'), 'paragraph block*', 'block'),
  marks: basicSchema.spec.marks,
});

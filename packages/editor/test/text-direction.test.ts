import { describe, expect, it } from 'vitest';
import type { DOMOutputSpec, Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../src/index.js';
import { b } from './editor-fixtures.js';

/** What a node renders to: the tag name and its attributes. */
function renderedAs(node: ProseMirrorNode): { tag: string; attrs: Record<string, unknown> } {
  const spec = node.type.spec.toDOM!(node) as DOMOutputSpec;
  const [tag, attrs] = spec as [string, Record<string, unknown>];
  return { tag, attrs };
}

describe('text direction', () => {
  it('lets each paragraph and heading find its own direction (dir="auto")', () => {
    expect(renderedAs(b.p('اردو میں ایک جملہ'))).toEqual({ tag: 'p', attrs: { dir: 'auto' } });
    expect(renderedAs(b.h2('Heading'))).toEqual({ tag: 'h2', attrs: { dir: 'auto' } });
    expect(renderedAs(b.h1('Heading')).tag).toBe('h1');
  });

  it('keeps parsing pasted paragraphs and headings as before', () => {
    expect(articleSchema.nodes.paragraph.spec.parseDOM).toEqual([{ tag: 'p' }]);
    expect(articleSchema.nodes.heading.spec.parseDOM?.map((rule) => rule.tag)).toEqual([
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
    ]);
  });
});

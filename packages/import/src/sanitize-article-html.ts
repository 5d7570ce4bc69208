import sanitizeHtml from 'sanitize-html';

/**
 * The one door HTML goes through before it becomes article blocks (pages, Markdown, Word files):
 * sanitize-html keeps only elements that carry structure or text, and only `href` on links.
 * Scripts, styles, event handlers, frames, images, media and forms do not survive; the text of
 * elements that are dropped but hold article text (spans, fonts, unknown tags) is kept.
 */

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    // Structure kept as such.
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'br',
    'em',
    'i',
    'cite',
    'strong',
    'b',
    'code',
    'kbd',
    'samp',
    'a',
    'pre',
    // Block boundaries: their text becomes paragraphs instead of running together.
    'div',
    'section',
    'article',
    'main',
    'header',
    'figure',
    'figcaption',
    'address',
    'dl',
    'dt',
    'dd',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Elements whose content is code, controls or media, never article text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'xmp',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'video',
    'audio',
    'canvas',
    'svg',
    'math',
    'select',
    'button',
    'nav',
  ],
  disallowedTagsMode: 'discard',
};

/** HTML reduced to the structure and text an article keeps. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

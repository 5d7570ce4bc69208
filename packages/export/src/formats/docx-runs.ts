import {
  BaseXmlComponent,
  RunProperties,
  type IContext,
  type IRunOptions,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';

/**
 * The runs the `docx` export writes by the ten thousand (the article's text, comment references,
 * comment lines), as docx components of our own (`BaseXmlComponent`, docx's extension point) that
 * write exactly what docx's `TextRun` writes. A `TextRun` weighs some 45 run options when built and
 * walks its children when written, which took a 5,000-tag article past a second; these share one
 * run-properties element per style, made once by docx itself.
 */

/** Run properties (`<w:rPr>`) as docx writes them, prepared once and shared by many runs. */
export type RunStyle = IXmlableObject | undefined;

/** What docx's formatter passes down; run properties use none of it. */
const NO_CONTEXT = { stack: [] } as unknown as IContext;

/** The run properties docx writes for these options (undefined when they set nothing). */
export function runStyle(options: Omit<IRunOptions, 'text' | 'children' | 'break'>): RunStyle {
  return new RunProperties(options).prepForXml(NO_CONTEXT);
}

const PRESERVE_SPACE = { _attr: { 'xml:space': 'preserve' } };
const LINE_BREAK = { 'w:br': {} };

/** `<w:r>[rPr][<w:br/>]<w:t xml:space="preserve">text</w:t></w:r>`, as `new TextRun({ ...style, text, break: 1 })` writes it. */
class PreparedTextRun extends BaseXmlComponent {
  constructor(
    private readonly text: string,
    private readonly style: RunStyle,
    private readonly breakBefore: boolean,
  ) {
    super('w:r');
  }

  override prepForXml(): IXmlableObject {
    const children: object[] = [];
    if (this.style) children.push(this.style);
    if (this.breakBefore) children.push(LINE_BREAK);
    children.push({ 'w:t': [PRESERVE_SPACE, this.text] });
    return { 'w:r': children } as IXmlableObject;
  }
}

/** `<w:r><w:commentReference w:id="n"/></w:r>`, as a `TextRun` holding a `CommentReference` writes it. */
class CommentReferenceRun extends BaseXmlComponent {
  constructor(private readonly id: number) {
    super('w:r');
  }

  override prepForXml(): IXmlableObject {
    return { 'w:r': [{ 'w:commentReference': { _attr: { 'w:id': this.id } } }] } as IXmlableObject;
  }
}

/** `<w:commentRangeStart w:id="n"/>` or `<w:commentRangeEnd w:id="n"/>`, as docx's classes write them. */
class CommentRangeMark extends BaseXmlComponent {
  constructor(
    private readonly edge: 'w:commentRangeStart' | 'w:commentRangeEnd',
    private readonly id: number,
  ) {
    super(edge);
  }

  override prepForXml(): IXmlableObject {
    return { [this.edge]: { _attr: { 'w:id': this.id } } } as IXmlableObject;
  }
}

/** Where the text of comment `id` starts. */
export function commentRangeStart(id: number): ParagraphChild {
  return new CommentRangeMark('w:commentRangeStart', id) as unknown as ParagraphChild;
}

/** Where the text of comment `id` ends (its reference run follows). */
export function commentRangeEnd(id: number): ParagraphChild {
  return new CommentRangeMark('w:commentRangeEnd', id) as unknown as ParagraphChild;
}

/**
 * A run of text (no line break in it) with shared run properties, after a line break when
 * `breakBefore`. Typed as a paragraph child, which docx's union of its own classes leaves out.
 */
export function textRun(text: string, style: RunStyle, breakBefore = false): ParagraphChild {
  return new PreparedTextRun(text, style, breakBefore) as unknown as ParagraphChild;
}

/** The run that carries the reference mark of comment `id`, after its range ends. */
export function commentReferenceRun(id: number): ParagraphChild {
  return new CommentReferenceRun(id) as unknown as ParagraphChild;
}

/**
 * Characters XML 1.0 forbids: C0 controls but tab, newline and return, U+FFFE/F, and (matched as
 * code points under the `u` flag, so only when unpaired) surrogates.
 */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is matched.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** Text safe to put in XML; the docx package escapes markup but keeps forbidden characters. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

/** Bold, as docx writes it, shared by every bold run. */
export const BOLD = runStyle({ bold: true });

/** Lines of text as runs, a line break before each but the first: Word reads a newline in text as a space. */
export function lineRuns(text: string, style: RunStyle, lineEnd: RegExp | string): ParagraphChild[] {
  return xmlSafe(text)
    .split(lineEnd)
    .map((line, index) => textRun(line, style, index > 0));
}

/**
 * Offsets that leave the app count Unicode code points (W3C Web Annotation, brat); inside, the
 * editor and Yjs count UTF-16 units. These convert between the two.
 */

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Converts UTF-16 offsets in `text` to code-point offsets in one pass; offsets may come unsorted. */
export function toCodePointOffsets(text: string, utf16Offsets: readonly number[]): number[] {
  const order = utf16Offsets.map((_, i) => i).sort((a, b) => utf16Offsets[a] - utf16Offsets[b]);
  const result = new Array<number>(utf16Offsets.length);
  let unit = 0;
  let points = 0;
  for (const i of order) {
    const target = utf16Offsets[i];
    while (unit < target && unit < text.length) {
      points += 1;
      unit += isHighSurrogateAt(text, unit) ? 2 : 1;
    }
    result[i] = points;
  }
  return result;
}

/** Converts one code-point offset in `text` to a UTF-16 offset. */
export function toUtf16Offset(text: string, codePointOffset: number): number {
  let unit = 0;
  for (let points = 0; points < codePointOffset && unit < text.length; points++) {
    unit += isHighSurrogateAt(text, unit) ? 2 : 1;
  }
  return unit;
}

/** Whether `index` falls between the two halves of a surrogate pair, where no offset should sit. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  return index > 0 && isHighSurrogateAt(text, index - 1);
}

function isHighSurrogateAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= text.length) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/**
 * The letters on a reviewer's avatar: the first letter (or digit) of their first and last words,
 * ignoring brackets and other marks ("Sana (desk)" → "SD"), "?" when the name has none.
 */
export function initials(name: string): string {
  const words = name
    .split(/\s+/u)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((letter) => letter.toUpperCase()).join('') || '?';
}

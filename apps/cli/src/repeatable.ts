/** Commander collector for an option given several times and/or as a comma-separated list. */
export function collectValues(value: string, previous: string[] = []): string[] {
  const values = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return [...previous, ...values];
}

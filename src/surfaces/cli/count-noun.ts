/**
 * Counted English nouns for CLI output: "1 copy", "2 copies", "0 results". Pure.
 */

/** `n` and the noun in the number it needs; `plural` defaults to the singular plus "s". */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

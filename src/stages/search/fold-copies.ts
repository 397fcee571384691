/**
 * foldCopies: one entry per copy group on a page of ranked results. Pure.
 * A result whose copy group already has a better-ranked result on the page is not listed on its own: it goes with
 * that result as a copy, so a reader sees a wire story once with the outlets that republished it. Every result of
 * the page is still there exactly once (listed or as a copy), so paging by offset meets each match once.
 */

export interface Folded<T> {
  item: T;
  /** Later results of the same copy group, in rank order. */
  copies: T[];
}

/**
 * Folds `items` (in rank order) by `groupOf(id)`: the copy group's id, or null for an article in none.
 * Example: [a (group g), b, c (group g)] -> [{a, copies [c]}, {b, copies []}].
 */
export function foldCopies<T extends { id: string }>(
  items: readonly T[],
  groupOf: (id: string) => string | null,
): Folded<T>[] {
  const byGroup = new Map<string, Folded<T>>();
  const out: Folded<T>[] = [];
  for (const item of items) {
    const group = groupOf(item.id);
    const first = group === null ? undefined : byGroup.get(group);
    if (first !== undefined) {
      first.copies.push(item);
      continue;
    }
    const entry: Folded<T> = { item, copies: [] };
    if (group !== null) byGroup.set(group, entry);
    out.push(entry);
  }
  return out;
}

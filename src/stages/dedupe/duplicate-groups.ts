/**
 * DuplicateGroups: joins each article to the copy group of its best verified near-duplicate and keeps each
 * group's original (a cited wire source first, then the earliest published, then the smallest id).
 * Dedupe stage, in-memory and deterministic for a stream in (time, id) order.
 */

/**
 * Source ids of wire agencies: when one of them is in a group it is the original, because newspapers copy it.
 * Sorted; the SaudiNewsNet id first, then the common slugs for the agencies Arabic outlets cite.
 */
export const WIRE_SOURCE_IDS: ReadonlySet<string> = new Set([
  "was", // Saudi Press Agency (واس) in the SaudiNewsNet corpus
  "afp",
  "aps",
  "kuna",
  "mena",
  "petra",
  "qna",
  "reuters",
  "sana",
  "spa",
  "wam",
]);

export interface DuplicateMember {
  id: string;
  sourceId: string;
  /** The agency the text cites (ArticleDraft.citedSource), if known. */
  citedSource: string | null;
  /** Published time (else fetched), ms since epoch. */
  timeMs: number;
}

export interface DuplicateAssignment {
  /** Stable group key: the id of the group's first article in stream order. */
  groupId: string;
  /** The group's current original. */
  originalId: string;
  /** Members whose `duplicateOf` changed because this article arrived (the new article included). */
  changed: { id: string; duplicateOf: string | null }[];
}

interface Group {
  id: string;
  members: DuplicateMember[];
  originalId: string;
}

function isWireFor(member: DuplicateMember, group: readonly DuplicateMember[]): boolean {
  if (WIRE_SOURCE_IDS.has(member.sourceId)) return true;
  return group.some((m) => m.citedSource !== null && m.citedSource === member.sourceId);
}

/** Picks the original of a group: wire first, then earliest time, then smallest id. */
export function chooseOriginal(group: readonly DuplicateMember[]): DuplicateMember {
  let best = group[0]!;
  let bestWire = isWireFor(best, group);
  for (let i = 1; i < group.length; i++) {
    const m = group[i]!;
    const wire = isWireFor(m, group);
    const better =
      wire !== bestWire ? wire : m.timeMs !== best.timeMs ? m.timeMs < best.timeMs : m.id < best.id;
    if (better) {
      best = m;
      bestWire = wire;
    }
  }
  return best;
}

export class DuplicateGroups {
  private readonly groupOf = new Map<string, Group>();
  private groupCount = 0;

  /**
   * Adds an article with its verified copies (best first, as NearDuplicateIndex.query returns them): it joins
   * the group of the first copy that is known, else opens its own group.
   */
  add(member: DuplicateMember, copyIds: readonly string[]): DuplicateAssignment {
    let group: Group | undefined;
    for (const id of copyIds) {
      group = this.groupOf.get(id);
      if (group !== undefined) break;
    }
    if (group === undefined) {
      group = { id: member.id, members: [member], originalId: member.id };
      this.groupCount++;
      this.groupOf.set(member.id, group);
      return { groupId: group.id, originalId: member.id, changed: [{ id: member.id, duplicateOf: null }] };
    }
    group.members.push(member);
    this.groupOf.set(member.id, group);
    const original = chooseOriginal(group.members).id;
    if (original === group.originalId) {
      return { groupId: group.id, originalId: original, changed: [{ id: member.id, duplicateOf: original }] };
    }
    group.originalId = original;
    const changed = group.members.map((m) => ({
      id: m.id,
      duplicateOf: m.id === original ? null : original,
    }));
    return { groupId: group.id, originalId: original, changed };
  }

  /** The article's group key, or undefined if never added. */
  groupIdOf(id: string): string | undefined {
    return this.groupOf.get(id)?.id;
  }

  /** The original of the article's group (itself when it is the original or alone). */
  originalOf(id: string): string | undefined {
    return this.groupOf.get(id)?.originalId;
  }

  /** `duplicateOf` for an article: its group's original, or null when it is the original. */
  duplicateOf(id: string): string | null {
    const original = this.groupOf.get(id)?.originalId;
    return original === undefined || original === id ? null : original;
  }

  /** Groups opened so far (singletons included). */
  get groups(): number {
    return this.groupCount;
  }

  /** Groups with at least two members, and the articles in them. */
  countCopyGroups(): { groups: number; articles: number } {
    const seen = new Set<Group>();
    let articles = 0;
    for (const g of this.groupOf.values()) {
      if (seen.has(g) || g.members.length < 2) continue;
      seen.add(g);
      articles += g.members.length;
    }
    return { groups: seen.size, articles };
  }
}

/**
 * DuplicateGroups: joins each article to the copy group of its best verified near-duplicate, merges the groups of
 * an article that copies members of several, and keeps each group's original (a wire agency or an outlet another
 * member cites first, then the earliest published, then the smallest id). Dedupe stage, in-memory and deterministic
 * for a stream in (time, id) order.
 */
import { citedOutletIds } from "./cited-outlet-ids.ts";
import { COPY_MIN_JACCARD, type CopyTest } from "./compare-shingles.ts";

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
  /** The origin the text cites (ArticleDraft.citedSource: a name, "واس"), if known; citedOutletIds reads it. */
  citedSource: string | null;
  /** Published time (else fetched), ms since epoch. */
  timeMs: number;
}

export interface DuplicateAssignment {
  /** Stable group key: the id of the group's first article in stream order. */
  groupId: string;
  /** The group's current original. */
  originalId: string;
  /**
   * Groups merged into `groupId` because this article copies members of each (in the order merged); absent when
   * none. Every member of a merged group, evicted ones included, now belongs to `groupId` and its original.
   */
  mergedGroups?: string[];
}

interface Group {
  /** The group's first article (rebase may set an earlier one a replay did not see). */
  id: string;
  /** Stream position of the group's first article: the older of two merging groups keeps its id. */
  openedAt: number;
  /** Time of the group's first article (GROUP_MERGE_MAX_HOURS). */
  openedMs: number;
  /** Members still inside the window (DuplicateGroups.evictBefore); the original may have left it. */
  members: DuplicateMember[];
  original: DuplicateMember;
  /** Every article that ever joined, for statistics. */
  size: number;
}

/**
 * How a new article picks its group among those of its verified copies:
 * - `first-copy`: the group of its best copy (single link: A~B~C chains A and C even when A is no copy of C);
 * - `original-or-majority`: a group whose original is among its copies, else one where it copies at least
 *   JOIN_MIN_MEMBER_SHARE of the members still in the window; otherwise it opens its own group.
 */
export type DuplicateJoinRule = "first-copy" | "original-or-majority";

/**
 * Share of a group's in-window members a newcomer must copy when it does not copy the original. Measured with
 * bench/stories/run.ts (near-duplicates vs labels and brute force); see DEFAULT_DUPLICATE_JOIN_RULE.
 */
export const JOIN_MIN_MEMBER_SHARE = 0.5;

/**
 * Measured on the dev corpus (bench/stories/run.ts, one pass, before groups merged): `first-copy` labels P 0.948
 * R 0.810, brute-force recall 0.953, floor 459/484, same-group pairs satisfying the rule 0.879;
 * `original-or-majority` labels P 0.959 R 0.782, brute-force recall 0.915, floor 443/484, rule precision 0.926.
 * The stricter rule loses more true copies (and floor pairs) than the chains it cuts, so single link stays the
 * default until the copy rule itself is stricter. Under `first-copy` an article that is a floor-close copy
 * (isGroupMergeCopy) of members of several groups, or resembles members of young groups (GROUP_MERGE_MAX_HOURS),
 * merges them, so every floor pair shares a group; under
 * `original-or-majority` it joins one group as before. A floor pair that is a containment, not a copy
 * (compare-shingles.ts CopyTest "contained"), is found as a containment relation instead of a shared group.
 */
export const DEFAULT_DUPLICATE_JOIN_RULE: DuplicateJoinRule = "first-copy";

/**
 * Overlap at which a copy must share the new article's group even when that merges two groups: the floor
 * (every pair with resemblance ≥ 0.8 or containment ≥ 0.9 is found). Weaker copies only lead the article into one
 * group unless they resemble it and it is young (GROUP_MERGE_MAX_HOURS): merging on every copy chained template
 * texts (royal cables, weather reports) and rewrites of one event into one group (bench/stories/run.ts, second
 * reading: before merges P 0.980 R 0.832; merging on every copy P 0.958 R 0.894; merging on floor-close copies only,
 * with shingle-text.ts EDIT_WORDS, P 0.975 R 0.855).
 */
export const GROUP_MERGE_MIN_JACCARD = 0.8;
export const GROUP_MERGE_MIN_CONTAINMENT = 0.9;

/**
 * Hours from a group's first article within which a resemblance copy (COPY_MIN_JACCARD) of one of its members
 * merges it with the new article's group. Outlets republish one release within a day or so, each edit a little
 * differently, so two outlets' versions often land in separate groups that a third version resembles both of; a
 * template text (tomorrow's weather, another national-day cable) comes back a day or more later. Tuned with every
 * verified copy merging on the `tune` half of testdata/labels/pairs.jsonl (pairs split by a hash of their ids,
 * bench/stories/copy-rule-grid.ts halfOf): 12 h R 0.840, 24 h 0.852, 36 h and 48 h 0.864, all at P 0.986; 72 h and
 * unbounded R 0.864 at P 0.972 (a template pair two days apart joins).
 */
export const GROUP_MERGE_MAX_HOURS = 36;

/**
 * Resemblance a copy needs to merge a young group: containment copies are left out because a roundup that contains
 * two short statements (an emergency landing and a soldier's death from one command) merged them. On the 3,000
 * articles from 2015-08-06 (bench/stories/run.ts brute force) merging on every young copy put 148 more pairs in
 * one group, 98 of them with J < 0.1 (139 such pairs before); resemblance copies only: 61 more, 27 with J < 0.1.
 * Labels (second reading) P 0.975 R 0.860 -> P 0.975 R 0.883 (every young copy: 0.976 / 0.899); floor 509/509.
 */
export const GROUP_MERGE_YOUNG_MIN_JACCARD = COPY_MIN_JACCARD;

/**
 * Articles still in the window (members: counting evicted ones, `size`, differs after a replay) the group a new
 * article joins may hold for a rewrite copy (compare-shingles.ts REWRITE_*) that is alone in its group to merge into
 * it. An outlet's version of a release published a few hours
 * after two others, and edited so that it copies neither, opens a group of its own; the next outlet's version copies
 * it as a rewrite and one of the others by overlap, and joined only the latter. Rewrite copies are close in time, so
 * the lone group is young. Capped because a pair read in a larger group is a pair with every member, and larger
 * groups are the ones a roundup mixed (the economic council and a minister's audience, carried by one WAS item).
 * Measured (2026-11-30): copy pairs tune half, second reading, R 0.889 -> 0.914 (tp 72 -> 74, fp 1 unchanged; the Hajj
 * health committee and the culture minister's meeting); whole dev corpus (bench/stories/copy-diff.ts) 156 same-group
 * pairs more, 36-38 of 40 read right; uncapped 287 more, about 35 of 40 right.
 */
export const REWRITE_MERGE_MAX_GROUP_SIZE = 4;
const HOUR_MS = 3_600_000;

/**
 * Hours apart within which two members of different groups that a new article copies, and that are copies of each
 * other (NearDuplicateIndex.isCopyPair), are two versions of one text whose groups merge (DuplicateGroups.mergeIdsOf).
 * Outlets print a release within the day, each edited a little differently, so two of its versions can fall in two
 * groups that neither the other's weaker copy nor a third version resembling both merges; the article that copies
 * both closes the triangle. Pairs a day apart are left out: a template of another day (tomorrow's weather) is a copy
 * of today's when the outlets' daily phrases are not known yet (the corpus's first days; compare-shingles.ts
 * DAILY_TEMPLATE_MIN_HOURS is the same day boundary). Measured (2026-12-02, helper "copies3"; testdata/labels/
 * README.md, "Two versions of one text in two groups"): whole dev corpus 14 group merges without the bound, 13 right by
 * title and lead, the wrong one the 07-21 and 07-22 forecasts 21 h apart; with it 11, all right.
 */
export const VERSIONS_MERGE_MAX_HOURS = 18;

/**
 * True when two members (a new article's best copy and another of its copies, in other groups) are versions of one
 * text printed the same day: at most VERSIONS_MERGE_MAX_HOURS apart and copies of each other (`areCopies`).
 * Example: alyaum's and 3alyoum's versions of a Najran civil-defence statement 6 minutes apart, each a rewrite of the
 * other -> true.
 */
function areVersionsOfOneDay(
  a: DuplicateMember | undefined,
  b: DuplicateMember | undefined,
  areCopies: (a: string, b: string) => boolean,
): boolean {
  if (a === undefined || b === undefined) return false;
  return Math.abs(a.timeMs - b.timeMs) <= VERSIONS_MERGE_MAX_HOURS * HOUR_MS && areCopies(a.id, b.id);
}

/**
 * The copies an article may join or merge groups on: all but "contained" links (compare-shingles.ts CopyTest), which
 * are containment relations, not copies, so one roundup does not bridge the groups of the items it carries.
 */
export function groupingCopies<T extends { test?: CopyTest }>(copies: readonly T[]): T[] {
  return copies.filter((c) => c.test !== "contained");
}

/**
 * True when a new article holds an earlier text whole but starts otherwise (a "contained" link, compare-shingles.ts
 * CopyTest): a combined piece or a roundup carrying an item. Its resemblance to a young group is then shared with the
 * item it carries, not a sign that the groups are one release, so it merges no young group by resemblance
 * (DuplicateGroups.mergeIdsOf): alriyadh's print of the royal order that goes on with the King's departure statement
 * merged the order's young group with the departure's (J 0.77, lead 0.26) once it no longer joined the departure's
 * group as a copy (HELD_WHOLE_MAX_JACCARD). Floor-close copies still merge (the floor).
 * Example: copies [{test: "overlap"}, {test: "contained"}] -> true.
 */
export function holdsAnItemWhole(copies: readonly { test?: CopyTest }[]): boolean {
  return copies.some((c) => c.test === "contained");
}

/** True when a verified copy is close enough to merge its group with the new article's whatever its age. */
export function isGroupMergeCopy(overlap: { jaccard: number; containment: number }): boolean {
  return overlap.jaccard >= GROUP_MERGE_MIN_JACCARD || overlap.containment >= GROUP_MERGE_MIN_CONTAINMENT;
}

export interface DuplicateGroupsOptions {
  joinRule?: DuplicateJoinRule;
}

/**
 * The outlets the members of a group cite (citedOutletIds of their citedSource, or the citedSource itself when a
 * record gave a source id: cited_source "okaz"), an outlet citing itself left out: a newspaper's copy crediting
 * «الشرق الأوسط» makes aawsat's version the group's source, as a wire agency's is.
 */
function citedOutletsOf(group: readonly DuplicateMember[]): ReadonlySet<string> {
  const cited = new Set<string>();
  for (const m of group) {
    if (m.citedSource === null) continue;
    for (const id of [m.citedSource, ...citedOutletIds(m.citedSource)]) if (id !== m.sourceId) cited.add(id);
  }
  return cited;
}

/**
 * Picks the original of a group: wire first (a WIRE_SOURCE_IDS outlet, or an outlet another member cites), then
 * earliest time, then smallest id. Example: a sabq copy at 09:00 citing "الشرق الأوسط" and aawsat's text at 10:00 ->
 * aawsat's.
 */
export function chooseOriginal(group: readonly DuplicateMember[]): DuplicateMember {
  const cited = citedOutletsOf(group);
  const isWire = (m: DuplicateMember): boolean => WIRE_SOURCE_IDS.has(m.sourceId) || cited.has(m.sourceId);
  let best = group[0]!;
  let bestWire = isWire(best);
  for (let i = 1; i < group.length; i++) {
    const m = group[i]!;
    const wire = isWire(m);
    const better =
      wire !== bestWire ? wire : m.timeMs !== best.timeMs ? m.timeMs < best.timeMs : m.id < best.id;
    if (better) {
      best = m;
      bestWire = wire;
    }
  }
  return best;
}

/** Subtracted from a rebased group's opening time to give it a stream position before any real one (2^52). */
const REBASED_POSITION_OFFSET = 2 ** 52;

export class DuplicateGroups {
  private readonly groupOf = new Map<string, Group>();
  /** Members in arrival order for eviction; `head` is the next one to evict. */
  private queue: DuplicateMember[] = [];
  private head = 0;
  /** Articles added so far: the stream position of the next one. */
  private position = 0;
  private groupCount = 0;
  private copyGroups = 0;
  private copyArticles = 0;
  private readonly joinRule: DuplicateJoinRule;

  constructor(options: DuplicateGroupsOptions = {}) {
    this.joinRule = options.joinRule ?? DEFAULT_DUPLICATE_JOIN_RULE;
  }

  /**
   * Adds an article with its verified copies (best first, as NearDuplicateIndex.query returns them): it joins a
   * group by the join rule, else opens its own group. Under `first-copy` it joins its best copy's group and merges
   * into it the groups of `mergeIds` (the copies close enough that the two must share a group, `mergeIdsOf`;
   * default: every copy), all into the group opened first.
   */
  add(
    member: DuplicateMember,
    copyIds: readonly string[],
    mergeIds: readonly string[] = copyIds,
  ): DuplicateAssignment {
    const picked = this.pickGroups(copyIds, mergeIds);
    const position = this.position++;
    this.queue.push(member);
    const group = picked[0];
    if (group === undefined) {
      const opened: Group = {
        id: member.id,
        openedAt: position,
        openedMs: member.timeMs,
        members: [member],
        original: member,
        size: 1,
      };
      this.groupCount++;
      this.groupOf.set(member.id, opened);
      return { groupId: opened.id, originalId: member.id };
    }
    const absorbed = picked.slice(1);
    for (const g of absorbed) this.absorb(group, g);
    group.members.push(member);
    this.grow(group, 1);
    this.groupOf.set(member.id, group);
    const candidates = [group.original, ...absorbed.map((g) => g.original)];
    for (const m of group.members) if (!candidates.includes(m)) candidates.push(m);
    group.original = chooseOriginal(candidates);
    const result: DuplicateAssignment = { groupId: group.id, originalId: group.original.id };
    if (absorbed.length > 0) result.mergedGroups = absorbed.map((g) => g.id);
    return result;
  }

  /**
   * The copies (verified, as NearDuplicateIndex.query returns them) whose groups a new article at `timeMs` merges
   * with its own: floor-close copies (isGroupMergeCopy), resemblance copies (GROUP_MERGE_YOUNG_MIN_JACCARD) whose
   * group's first article is at most GROUP_MERGE_MAX_HOURS older, rewrite copies alone in their group when the
   * group it joins is small (REWRITE_MERGE_MAX_GROUP_SIZE), and, in such a young group, a copy that is itself a copy
   * of the article's best copy printed the same day (`areCopies`, NearDuplicateIndex.isCopyPair;
   * VERSIONS_MERGE_MAX_HOURS): two versions of one text. Pass the result as `add`'s `mergeIds`.
   */
  mergeIdsOf(
    copies: readonly { id: string; jaccard: number; containment: number; test?: CopyTest }[],
    timeMs: number,
    areCopies?: (a: string, b: string) => boolean,
  ): string[] {
    const out: string[] = [];
    // The group the article joins: its best copy's (pickGroups under first-copy).
    const best = copies.find((c) => c.test !== "contained" && this.groupOf.has(c.id));
    const joined = best === undefined ? undefined : this.groupOf.get(best.id);
    // Sizes in members still in the window (evicted before this is called): the same after a replay, which sees no
    // evicted member and restarts a rebased group's `size` at 1.
    const joinedSize = joined === undefined ? 0 : joined.members.length;
    const carriesItems = holdsAnItemWhole(copies);
    for (const c of copies) {
      if (c.test === "contained") continue;
      const g = this.groupOf.get(c.id);
      const young =
        g !== undefined && !carriesItems && timeMs - g.openedMs <= GROUP_MERGE_MAX_HOURS * HOUR_MS;
      const loneRewrite =
        c.test === "rewrite" && g?.members.length === 1 && joinedSize <= REWRITE_MERGE_MAX_GROUP_SIZE;
      const versions = (): boolean =>
        young &&
        g !== joined &&
        best !== undefined &&
        areCopies !== undefined &&
        areVersionsOfOneDay(this.memberOf(best.id), this.memberOf(c.id), areCopies);
      if (
        isGroupMergeCopy(c) ||
        (young && c.jaccard >= GROUP_MERGE_YOUNG_MIN_JACCARD) ||
        loneRewrite ||
        versions()
      ) {
        out.push(c.id);
      }
    }
    return out;
  }

  /** The in-window member with this id (its group's entry), or undefined. */
  private memberOf(id: string): DuplicateMember | undefined {
    return this.groupOf.get(id)?.members.find((m) => m.id === id);
  }

  /** Moves `from`'s in-window members into `into` (the caller chooses the merged group's original). */
  private absorb(into: Group, from: Group): void {
    for (const m of from.members) {
      into.members.push(m);
      this.groupOf.set(m.id, into);
    }
    this.groupCount--;
    if (from.size >= 2) {
      this.copyGroups--;
      this.copyArticles -= from.size;
    }
    this.grow(into, from.size);
  }

  /** Counts `n` more articles into a group's size and the copy-group statistics. */
  private grow(group: Group, n: number): void {
    const wasCopyGroup = group.size >= 2;
    group.size += n;
    if (!wasCopyGroup && group.size >= 2) {
      this.copyGroups++;
      this.copyArticles += group.size;
    } else if (wasCopyGroup) this.copyArticles += n;
  }

  /**
   * The groups the new article belongs to: under `first-copy` the group of its best copy and the groups of its
   * `mergeIds`, the one opened first leading (it keeps its id); under `original-or-majority` at most one. Empty: it
   * opens its own group.
   */
  private pickGroups(copyIds: readonly string[], mergeIds: readonly string[]): Group[] {
    if (this.joinRule === "first-copy") {
      const groups: Group[] = [];
      const best = copyIds.find((id) => this.groupOf.has(id));
      for (const id of best === undefined ? mergeIds : [best, ...mergeIds]) {
        const g = this.groupOf.get(id);
        if (g !== undefined && !groups.includes(g)) groups.push(g);
      }
      return groups.sort((a, b) => a.openedAt - b.openedAt);
    }
    const hits = new Map<Group, number>();
    for (const id of copyIds) {
      const g = this.groupOf.get(id);
      if (g === undefined) continue;
      if (g.original.id === id) return [g];
      hits.set(g, (hits.get(g) ?? 0) + 1);
    }
    // Groups in order of their best copy (Map keeps insertion order), so the first qualifying one is the best.
    for (const [g, n] of hits) if (n >= JOIN_MIN_MEMBER_SHARE * g.members.length) return [g];
    return [];
  }

  /**
   * Forgets members published before `cutoffMs` (call with the near-duplicate index's cutoff: an article that
   * left the index can no longer be anyone's copy). Their group keeps its original for later members.
   */
  evictBefore(cutoffMs: number): void {
    while (this.head < this.queue.length && this.queue[this.head]!.timeMs < cutoffMs) {
      const m = this.queue[this.head++]!;
      const g = this.groupOf.get(m.id);
      this.groupOf.delete(m.id);
      if (g !== undefined) {
        const at = g.members.indexOf(m);
        if (at >= 0) g.members.splice(at, 1);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Gives the group that `memberId` just opened the identity a longer fold gave it: a rebuilt stream (a replay that
   * starts after the group's first article) sees its first member still in the window open a group, where one fold
   * had it join the group `stored` (opened at `stored.openedMs` by `stored.id`, original `stored.original`, both
   * perhaps evicted). Later members then join, merge and keep the original as in that fold. False (nothing changed)
   * unless `memberId` is alone in a group it opened.
   */
  rebase(memberId: string, stored: { id: string; openedMs: number; original: DuplicateMember }): boolean {
    const group = this.groupOf.get(memberId);
    if (group === undefined || group.id !== memberId || group.members.length !== 1) return false;
    group.id = stored.id;
    group.openedMs = stored.openedMs;
    // Before every group the replay opens (positions count up from 0), in order of opening time.
    group.openedAt = stored.openedMs - REBASED_POSITION_OFFSET;
    group.original = stored.original.id === memberId ? group.members[0]! : stored.original;
    return true;
  }

  /** The article's group key, or undefined if never added or evicted. */
  groupIdOf(id: string): string | undefined {
    return this.groupOf.get(id)?.id;
  }

  /** The original of the article's group (itself when it is the original or alone). */
  originalOf(id: string): string | undefined {
    return this.groupOf.get(id)?.original.id;
  }

  /**
   * The ids of the members of the article's group still in the window (evictBefore), a merged group's after the
   * group's own; empty if the article was never added or was evicted. Example: after a, then b copying a,
   * membersOf("b") -> ["a", "b"].
   */
  membersOf(id: string): string[] {
    return this.groupOf.get(id)?.members.map((m) => m.id) ?? [];
  }

  /** `duplicateOf` for an article: its group's original, or null when it is the original. */
  duplicateOf(id: string): string | null {
    const original = this.groupOf.get(id)?.original.id;
    return original === undefined || original === id ? null : original;
  }

  /** Groups opened so far and not merged into another (singletons included). */
  get groups(): number {
    return this.groupCount;
  }

  /** Groups that reached at least two members over the whole stream, and the articles in them. */
  countCopyGroups(): { groups: number; articles: number } {
    return { groups: this.copyGroups, articles: this.copyArticles };
  }
}

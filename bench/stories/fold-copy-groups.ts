/**
 * The dedupe fold alone (the first half of StoryStream.add: fingerprint, NearDuplicateIndex query/add,
 * DuplicateGroups) of one source tree over the corpus, with what the copy scripts read of it: each article's final
 * copy group and original, the verified copy links behind them, and the chains of links that put two articles in one
 * group. Benchmark helper, pure.
 */
import type { CopyRule, CopyTest } from "../../src/stages/dedupe/compare-shingles.ts";
import type { StreamArticle } from "../../src/stages/stories/recluster.ts";
import type { DedupeTree } from "./dedupe-tree.ts";

const DAY_MS = 86_400_000;

/**
 * A verified copy found when `id` arrived: `copyId` is the earlier article, `role` what the fold did with it: `join`
 * (the group of its best copy, which the article joined), `merge` (a group merged into the article's), `none` (neither:
 * a weaker copy than GROUP_MERGE_* asks for, so its group joins the article's only if it already was the same one).
 */
export interface CopyLink {
  id: string;
  copyId: string;
  jaccard: number;
  containment: number;
  test: CopyTest;
  role: "join" | "merge" | "none";
}

export interface CopyGroupsFold {
  /** Each article's copy group key, later group merges applied. */
  groupOf: Map<string, string>;
  /** Each article's group's original at the end (itself when it is the original), as storage keeps duplicate_of. */
  originalOf: Map<string, string>;
}

/**
 * One pass of `tree`'s dedupe fold over `articles` (in stream order). `rule`: the tree's copy rule instead of its
 * default. Every verified copy is pushed to `links`, and every containment pair (CopyTest "contained", pairKey) to
 * `contained`, when given. Trees from before the containment relation join groups on every verified copy.
 */
export function foldCopyGroups(
  tree: DedupeTree,
  articles: readonly StreamArticle[],
  { rule, links, contained }: { rule?: CopyRule; links?: CopyLink[]; contained?: Set<string> } = {},
): CopyGroupsFold {
  const index = new tree.index.NearDuplicateIndex(rule === undefined ? undefined : { rule });
  const groups = new tree.groups.DuplicateGroups();
  const grouping =
    (tree.groups as { groupingCopies?: <T>(c: readonly T[]) => T[] }).groupingCopies ??
    (<T>(c: readonly T[]) => [...c]);
  const groupOf = new Map<string, string>();
  const originalOfGroup = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  for (const a of articles) {
    const { fingerprint } = tree.index.fingerprintText(a.text, a.sourceId, a.title);
    const copies = index.query(fingerprint, a.timeMs);
    index.add(a.id, a.timeMs, fingerprint);
    groups.evictBefore(a.timeMs - tree.index.NEAR_DUPLICATE_WINDOW_DAYS * DAY_MS);
    // Trees from before the versions merge have no isCopyPair (an extra argument is ignored there).
    const isCopyPair = (index as { isCopyPair?: (x: string, y: string) => boolean }).isCopyPair?.bind(index);
    const mergeIds = groups.mergeIdsOf(copies, a.timeMs, isCopyPair);
    for (const c of copies) if (c.test === "contained") contained?.add(pairKey(a.id, c.id));
    const joining = grouping(copies);
    if (links !== undefined) {
      // DuplicateGroups.add joins the group of the first copy still in one (the best), then merges mergeIds.
      const joined = joining.find((c) => groups.groupIdOf(c.id) !== undefined)?.id;
      for (const c of copies) {
        const role = c.id === joined ? "join" : mergeIds.includes(c.id) ? "merge" : "none";
        links.push({
          id: a.id,
          copyId: c.id,
          jaccard: c.jaccard,
          containment: c.containment,
          test: c.test,
          role,
        });
      }
    }
    const g = groups.add(
      { id: a.id, sourceId: a.sourceId, citedSource: a.citedSource, timeMs: a.timeMs },
      joining.map((c) => c.id),
      mergeIds,
    );
    groupOf.set(a.id, g.groupId);
    originalOfGroup.set(g.groupId, g.originalId);
    for (const from of g.mergedGroups ?? []) mergedInto.set(from, g.groupId);
  }
  const root = (g: string): string => {
    let x = g;
    for (let next = mergedInto.get(x); next !== undefined; next = mergedInto.get(x)) x = next;
    return x;
  };
  const finalGroupOf = new Map([...groupOf].map(([id, g]) => [id, root(g)]));
  return {
    groupOf: finalGroupOf,
    originalOf: new Map([...finalGroupOf].map(([id, g]) => [id, originalOfGroup.get(g)!])),
  };
}

/** Key of an unordered pair of ids. */
export const pairKey = (x: string, y: string): string => (x < y ? `${x} ${y}` : `${y} ${x}`);

/**
 * The copy links (either direction) that connect `from` to `to` with the fewest steps, or null: how a false
 * positive got into one group. Example: A~B (join) and C~B (merge) -> [A~B, C~B] from A to C.
 */
export function linkPath(links: readonly CopyLink[], from: string, to: string): CopyLink[] | null {
  const byArticle = new Map<string, CopyLink[]>();
  for (const l of links) {
    for (const end of [l.id, l.copyId]) {
      const list = byArticle.get(end);
      if (list === undefined) byArticle.set(end, [l]);
      else list.push(l);
    }
  }
  const via = new Map<string, CopyLink | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length && !via.has(to); head++) {
    const at = queue[head]!;
    for (const l of byArticle.get(at) ?? []) {
      const next = l.id === at ? l.copyId : l.id;
      if (via.has(next)) continue;
      via.set(next, l);
      queue.push(next);
    }
  }
  if (!via.has(to)) return null;
  const path: CopyLink[] = [];
  for (let at = to; at !== from; ) {
    const l = via.get(at)!;
    path.unshift(l);
    at = l.id === at ? l.copyId : l.id;
  }
  return path;
}

/**
 * The whole dedupe + story pipeline as one fold over an article stream: fingerprint, find copies, group them,
 * cluster into stories. `recluster` rebuilds from scratch; `StoryStream` is the same fold, one article at a time.
 * Stories stage, pure and deterministic: articles are taken in (time, id) order, so batching cannot matter.
 */
import type { ArticleContainment, StoredCopyGroup } from "../../domain/story.ts";
import { CONTAINMENT_MIN_SHINGLES, type CopyTest, mayJoinLate } from "../dedupe/compare-shingles.ts";
import { DuplicateGroups, groupingCopies } from "../dedupe/duplicate-groups.ts";
import {
  fingerprintText,
  NEAR_DUPLICATE_WINDOW_DAYS,
  type NearDuplicateFingerprint,
  NearDuplicateIndex,
} from "../dedupe/near-duplicate-index.ts";
import { isWirePart } from "../dedupe/strip-syndication-marks.ts";
import { toLeadParagraph } from "../extract/lead-paragraph.ts";
import { toHeadlineSubjects } from "./headline-subjects.ts";
import {
  type Assignment,
  type ClustererCarryOver,
  type Story,
  StoryClusterer,
  type StoryClustererOptions,
} from "./story-clusterer.ts";
import { type StoryTerms, toStoryTerms } from "./story-vector.ts";

export interface StreamArticle {
  id: string;
  sourceId: string;
  citedSource: string | null;
  title: string;
  text: string;
  /** Published time (else fetched), ms since epoch. */
  timeMs: number;
}

export interface ArticlePlacement {
  id: string;
  /** Copy group key (the group's first article). */
  groupId: string;
  duplicateOf: string | null;
  /**
   * The story the article opened or joined; null for a late copy, which joins the story of `lateCopyOf` (its original
   * when it was placed), wherever that is stored (story-clusterer.ts STORY_WINDOW_HOURS).
   */
  storyId: string | null;
  lateCopyOf?: string;
  /** What to persist so the index can be rebuilt without re-analysing text. */
  shingles: Uint32Array;
  signature: Uint32Array;
  /**
   * Copy groups merged into `groupId` because this article copies members of each, in order; absent when none.
   * Storage moves every member of each (evicted ones too) into `groupId` and points them at `originalId`.
   */
  groupMerges?: { fromId: string; intoId: string }[];
  /**
   * Containment relations found with this article (compare-shingles.ts CopyTest "contained"): `innerId`'s text is
   * inside `outerId`'s, which starts otherwise (a roundup carrying an item). Not a copy, so not in one copy group;
   * storage keeps them so a reader sees every pair the floor asks for. Absent when none.
   */
  containments?: ArticleContainment[];
  /**
   * The group's original after this article (itself when it opened the group or became its original); when it
   * changed, every earlier member's duplicateOf changes with it (a wire copy arriving after a newspaper's).
   */
  originalId: string;
}

/**
 * What the fold reads from an article's text: its near-duplicate fingerprint and its story terms. Depends on the
 * article alone, so it can be computed anywhere ahead of the fold (another thread) and passed to `StoryStream.add`.
 */
export interface StreamAnalysis {
  fingerprint: Required<NearDuplicateFingerprint>;
  terms: StoryTerms;
  /** The headline's subjects (headline-subjects.ts). */
  subjects: string[];
  /** The instances the headline names (entities/headline-ordinals.ts), as the fingerprint holds them. */
  ordinals: string[];
  /** A wire's continuation part, by its title or the mark opening its text (isWirePart): read here, where the text
   * is, since the fold may get the analysis without the text (assign-stories.ts withAnalyses). */
  wirePart: boolean;
  /** Whether the text has a lead paragraph that reads as prose (extract lead-paragraph.ts): the story's headline
   * article is one with a lead when any member has one. Read here for the same reason as wirePart. */
  proseLead: boolean;
}

/**
 * Analyzes one article's text for the fold. Pure. One analysis feeds both stages: the stripped, stop-word-free
 * stems are the shingle words and the body terms.
 */
export function analyzeStreamArticle(a: Pick<StreamArticle, "title" | "text" | "sourceId">): StreamAnalysis {
  const { words, fingerprint } = fingerprintText(a.text, a.sourceId, a.title);
  return {
    fingerprint,
    terms: toStoryTerms(a.title, a.text, words),
    subjects: toHeadlineSubjects(a.title),
    ordinals: fingerprint.ordinals,
    wirePart: isWirePart(a.title, a.text),
    proseLead: toLeadParagraph(a.text).prose,
  };
}

/** Orders a stream: time, then id (code-unit order). */
export function compareStreamOrder(
  a: { timeMs: number; id: string },
  b: { timeMs: number; id: string },
): number {
  return a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Shingles a copy needs to join its original's story past the story window (a late copy, story-clusterer.ts
 * STORY_WINDOW_HOURS): a text of a shingle or two (a column page whose text is its byline, a one-line caption) is the
 * same in an outlet's unrelated pieces, so its "copy" says nothing of a republication. On the dev corpus the late
 * copies below it had 1-2 shingles and all ten joined a story about something else (weekly columns by one writer
 * chained); the next smallest had 24. The same floor as compare-shingles.ts CONTAINMENT_MIN_SHINGLES, for the same
 * reason: a tiny text needs more than overlap.
 */
export const LATE_COPY_MIN_SHINGLES = CONTAINMENT_MIN_SHINGLES;

/** Bumped whenever StreamCarryOver's shape or meaning changes: a stored one of another version is not used. */
export const STREAM_CARRY_OVER_VERSION = 3;

/**
 * The version of the keys a stream's statistics count: the terms, title keys and lead and opening keys
 * toStoryTerms reads from a text (stages/arabic's match keys, stop words and place names as the stories stage uses
 * them). Bump it with every change that can alter toStoryTerms' output for some text; recluster.test.ts pins a
 * sample's output to this number. Apart from ANALYZER_VERSION, which versions the search index: most analyzer
 * changes alter search keys only (a place or a name kept whole, compounds, number words), and a carried summary
 * counted under the same story keys stays valid across them. Numbered on from the analyzer version it was split from
 * (12), so summaries stored before, which carry that analyzer version, are still taken.
 */
export const STORY_KEYS_VERSION = 12;

/** StoryStream.carryOver. */
export interface StreamCarryOver {
  version: number;
  /**
   * STORY_KEYS_VERSION of the analysis whose keys the statistics count: after a change of story keys they count the
   * old keys, and a rebuild starts from the window instead (until akhbar recluster). Absent in a summary stored
   * before story keys had their own version, which has `analyzerVersion` instead.
   */
  storyKeysVersion?: number;
  /** Set in summaries stored before STORY_KEYS_VERSION existed: the analyzer version, story keys' version then. */
  analyzerVersion?: number;
  clusterer: ClustererCarryOver;
}

/**
 * The dedupe + clustering fold. Memory and per-article cost follow the time windows, not the stream: the
 * near-duplicate index and the copy groups forget articles older than NEAR_DUPLICATE_WINDOW_DAYS, the clusterer
 * forgets closed stories. What callers must persist comes back from `add` (PlacementLog keeps it in memory).
 */
export class StoryStream {
  readonly nearDuplicates = new NearDuplicateIndex();
  readonly groups = new DuplicateGroups();
  readonly clusterer: StoryClusterer;
  /** Milliseconds spent per phase (for the benchmark). */
  readonly timings = { dedupeMs: 0, clusterMs: 0 };

  constructor(options: StoryClustererOptions = {}) {
    this.clusterer = new StoryClusterer(options);
  }

  /**
   * What a fresh stream needs, besides the articles after this point, to decide as this one does (JSON-safe):
   * the clusterer's term and headline-key statistics, each source's template days and merge-pass position
   * (StoryClusterer.carryOver). The rest
   * of the state follows windows a replay of the NEAR_DUPLICATE_WINDOW_DAYS before the next article rebuilds: the
   * near-duplicate index and copy groups, and the clusterer's open stories (see pipeline/assign-stories.ts).
   */
  carryOver(): StreamCarryOver {
    return {
      version: STREAM_CARRY_OVER_VERSION,
      storyKeysVersion: STORY_KEYS_VERSION,
      clusterer: this.clusterer.carryOver(),
    };
  }

  /**
   * Takes a carry-over before any article is added; false (nothing taken) when it is of another version or counts
   * other story keys (STORY_KEYS_VERSION; an analyzer change that leaves them alone keeps it).
   */
  restore(carry: StreamCarryOver): boolean {
    const keysVersion = carry.storyKeysVersion ?? carry.analyzerVersion;
    if (carry.version !== STREAM_CARRY_OVER_VERSION || keysVersion !== STORY_KEYS_VERSION) return false;
    this.clusterer.restore(carry.clusterer);
    return true;
  }

  /**
   * Adds one article; call in (time, id) order. `analysis`, when given, must be analyzeStreamArticle(a) (computed
   * ahead, e.g. on another thread); the result is the same either way. `carried`: in a replay that starts after the
   * article's copy group did (pipeline/assign-stories.ts), the group as stored; when the article finds none of its
   * copies in this stream and opens a group, that group takes the stored identity (DuplicateGroups.rebase) before the
   * article is clustered, so the clusterer places it as the copy one fold saw, not as an original. `storedLate`: in
   * such a replay, whether one fold placed the article as a late copy (a late copy past the story window joins as
   * then, whatever the replay holds of its original: see mayJoinLate).
   */
  add(
    a: StreamArticle,
    analysis?: StreamAnalysis,
    carried?: StoredCopyGroup | null,
    storedLate?: boolean,
  ): ArticlePlacement & { assignment: Assignment } {
    const t0 = performance.now();
    const { fingerprint, terms, subjects, ordinals, wirePart, proseLead } =
      analysis ?? analyzeStreamArticle(a);
    const { shingles, signature } = fingerprint;
    const copies = this.nearDuplicates.query(fingerprint, a.timeMs);
    this.nearDuplicates.add(a.id, a.timeMs, fingerprint);
    this.groups.evictBefore(a.timeMs - NEAR_DUPLICATE_WINDOW_DAYS * DAY_MS);
    // The originals of the groups the article may join, to tell whose copy status its arrival changes.
    const originalsBefore = copies.map((c) => this.groups.originalOf(c.id));
    let group = this.groups.add(
      { id: a.id, sourceId: a.sourceId, citedSource: a.citedSource, timeMs: a.timeMs },
      groupingCopies(copies).map((c) => c.id),
      this.groups.mergeIdsOf(copies, a.timeMs, (x, y) => this.nearDuplicates.isCopyPair(x, y)),
    );
    // The group that started before the replay, carried on: its earlier members were copies this article found in
    // one fold (the stored group key is one of them, and no article of this stream), so it is a copy for clustering
    // even where it became the group's original later (a member citing its outlet). Taken as an overlap copy: which
    // test linked it is not stored.
    let carriedCopyOf: string | null = null;
    if (
      carried != null &&
      carried.id !== a.id &&
      group.groupId === a.id &&
      this.groups.rebase(a.id, carried)
    ) {
      group = { groupId: carried.id, originalId: carried.original.id };
      carriedCopyOf = carried.id;
    }
    const t1 = performance.now();
    const duplicateOf = group.originalId === a.id ? null : group.originalId;
    // A copy found by overlap follows its group's original, as before the rewrite test; a copy found only by the
    // rewrite test is placed by the clusterer like any article: a rewrite is a copy for readers but brings its own
    // wording (tune-clustering.ts, DEV sets: passing the original to rewrites too lowered mean F1 0.748 -> 0.715).
    // Following the best overlap copy instead of the original gave DEV 0.748 as well but held-out pairwise F1 0.853
    // against 0.869 with the rewrite test off or on (bench/stories/run.ts, read after DEV had tied).
    const copyOf = copies.some((c) => c.test === "overlap") ? duplicateOf : carriedCopyOf;
    const assignment = this.clusterer.add({
      id: a.id,
      sourceId: a.sourceId,
      title: a.title,
      timeMs: a.timeMs,
      terms,
      subjects,
      ordinals,
      wirePart,
      proseLead,
      duplicateOf: copyOf,
      isCopy: duplicateOf !== null,
      originalId: duplicateOf,
      mayJoinLate: copyOf !== null && (storedLate ?? this.mayJoinLate(fingerprint, copyOf)),
    });
    // A joined group whose original changed (the article became it, a member citing another's outlet made that one a
    // wire's, or groups merged): every member's copy status follows, as storage re-points every member's duplicate_of
    // (PlacementLog, the stores' groupOriginals).
    if (
      group.mergedGroups !== undefined ||
      (group.groupId !== a.id && !originalsBefore.includes(group.originalId))
    )
      this.clusterer.markCopies(this.groups.membersOf(a.id), group.originalId);
    this.timings.dedupeMs += t1 - t0;
    this.timings.clusterMs += performance.now() - t1;
    const placement: ArticlePlacement & { assignment: Assignment } = {
      id: a.id,
      groupId: group.groupId,
      duplicateOf,
      originalId: group.originalId,
      storyId: assignment.storyId,
      shingles,
      signature,
      assignment,
    };
    if (assignment.lateCopyOf !== undefined) placement.lateCopyOf = assignment.lateCopyOf;
    if (group.mergedGroups !== undefined) {
      placement.groupMerges = group.mergedGroups.map((fromId) => ({ fromId, intoId: group.groupId }));
    }
    const containments = containmentsOf(a.id, shingles.length, copies);
    if (containments.length > 0) placement.containments = containments;
    return placement;
  }

  /**
   * Whether a copy may join its original's story past the story window (a late copy): enough text
   * (LATE_COPY_MIN_SHINGLES), and a lead that starts as the original's with its figures (compare-shingles.ts
   * mayJoinLate), read from the original as the near-duplicate index holds it. An original the index no longer holds
   * (older than its window) gives no late join: a stream rebuilt from the window's articles holds the same ones.
   */
  private mayJoinLate(copy: Required<NearDuplicateFingerprint>, originalId: string): boolean {
    if (copy.shingles.length < LATE_COPY_MIN_SHINGLES) return false;
    const original = this.nearDuplicates.leadOf(originalId);
    return original !== undefined && mayJoinLate(copy, original);
  }
}

/**
 * The containment relations between a new article (`id`, `shingleCount` shingles) and its verified copies: the
 * shorter of each "contained" pair is the inner one. Example: a 40-shingle item contained in an earlier 200-shingle
 * roundup R gives [{ innerId: id, outerId: R }].
 */
export function containmentsOf(
  id: string,
  shingleCount: number,
  copies: readonly { id: string; test: CopyTest; smaller: number }[],
): ArticleContainment[] {
  return copies
    .filter((c) => c.test === "contained")
    .map((c) =>
      c.smaller === shingleCount ? { innerId: id, outerId: c.id } : { innerId: c.id, outerId: id },
    );
}

/**
 * Keeps every article's placement from `StoryStream.add` results, applying later story merges, group merges and
 * original changes: what storage does with the same fields (a group's original is every member's duplicateOf,
 * evicted members included). Grows with the stream by design (one entry per article).
 */
export class PlacementLog {
  private readonly storyOfArticle = new Map<string, string>();
  /** Late copy -> the article whose story it joined. */
  private readonly lateCopyOf = new Map<string, string>();
  private readonly mergedInto = new Map<string, string>();
  private readonly groupOfArticle = new Map<string, string>();
  private readonly groupMergedInto = new Map<string, string>();
  private readonly originalOfGroup = new Map<string, string>();

  record(p: ArticlePlacement & { assignment: Assignment }): void {
    if (p.storyId !== null) this.storyOfArticle.set(p.id, p.storyId);
    else if (p.lateCopyOf !== undefined) this.lateCopyOf.set(p.id, p.lateCopyOf);
    this.groupOfArticle.set(p.id, p.groupId);
    for (const g of p.groupMerges ?? []) {
      this.groupMergedInto.set(g.fromId, g.intoId);
      this.originalOfGroup.delete(g.fromId);
    }
    this.originalOfGroup.set(p.groupId, p.originalId);
    for (const m of p.assignment.merged ?? []) this.mergedInto.set(m.from, m.into);
  }

  /**
   * The article's story after every merge so far; a late copy's is its original's (undefined when the original is not
   * in this log: a rebuilt stream's placements of a later step, resolved by the store).
   */
  storyOf(id: string): string | undefined {
    return resolve(this.mergedInto, this.storyOfArticle.get(this.storyHolderOf(id)));
  }

  /** The article whose story this one's is: a late copy's original (followed to one that is no late copy), else itself. */
  storyHolderOf(id: string): string {
    return resolve(this.lateCopyOf, id)!;
  }

  /** The article's copy group after every group merge so far. */
  groupOf(id: string): string | undefined {
    return resolve(this.groupMergedInto, this.groupOfArticle.get(id));
  }

  duplicateOf(id: string): string | null {
    const group = this.groupOf(id);
    const original = group === undefined ? undefined : this.originalOfGroup.get(group);
    return original === undefined || original === id ? null : original;
  }
}

/** Follows merge links from `key` to the surviving key. */
function resolve(into: ReadonlyMap<string, string>, key: string | undefined): string | undefined {
  let k = key;
  if (k === undefined) return undefined;
  for (let next = into.get(k); next !== undefined; next = into.get(k)) k = next;
  return k;
}

const DAY_MS = 86_400_000;

export interface ReclusterResult {
  /** Final story of every article (after merges). */
  storyOf: Map<string, string>;
  /** Final duplicateOf of every article (null for originals). */
  duplicateOf: Map<string, string | null>;
  /**
   * Stories as the clusterer described them, originalCount from the final `duplicateOf`: a late copy is in none (it
   * changes no story; `storyOf` has its story).
   */
  stories: Story[];
}

/** Rebuilds duplicate groups and stories from scratch over any order of input (it sorts by (time, id) first). */
export function recluster(articles: readonly StreamArticle[]): ReclusterResult {
  const closed: Story[] = [];
  const stream = new StoryStream({ onStoryClosed: (s) => closed.push(s) });
  const log = new PlacementLog();
  const ordered = [...articles].sort(compareStreamOrder);
  for (const a of ordered) log.record(stream.add(a));
  const storyOf = new Map<string, string>();
  const duplicateOf = new Map<string, string | null>();
  for (const a of ordered) {
    storyOf.set(a.id, log.storyOf(a.id)!);
    duplicateOf.set(a.id, log.duplicateOf(a.id));
  }
  // A story is described as it closed; a copy group can change later (a wire's text days on becomes the original of
  // members of a closed story): count originals from the groups as they end, as the stores recount their rows.
  const stories = [...closed, ...stream.clusterer.listStories()]
    .map((s) => ({ ...s, originalCount: s.articleIds.filter((id) => duplicateOf.get(id) === null).length }))
    .sort((a, b) => a.firstSeenMs - b.firstSeenMs || (a.id < b.id ? -1 : 1));
  return { storyOf, duplicateOf, stories };
}

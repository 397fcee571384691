/**
 * Story placement and stored-story shapes: where the stories stage put each article and what a story looks like
 * once stored. Pure domain types shared by the StoryStore port, its adapters, the assign pipeline and surfaces.
 */
import type { StreamCarryOver } from "../stages/stories/recluster.ts";

/** What the story stream reads of a stored article (the stages' StreamArticle). */
export interface StoryStreamRow {
  id: string;
  sourceId: string;
  citedSource: string | null;
  title: string;
  text: string;
  /** Published time, else fetched, in epoch ms (the articles' `time_ms`). */
  timeMs: number;
}

/** One article's place: its copy group, its group's original (null when it is the original) and its story. */
export interface ArticlePlacement {
  articleId: string;
  storyId: string;
  /** Copy group key: the id of the group's first article in stream order. */
  groupId: string;
  duplicateOf: string | null;
  /** Sorted distinct 32-bit shingle hashes, kept so the near-duplicate window can be rebuilt without the text. */
  shingles: Uint32Array;
  /** The 128-slot MinHash signature (512 bytes). */
  signature: Uint32Array;
  /**
   * A late copy: it joined its original's story after that story had been idle past the story window
   * (stages/stories/story-clusterer.ts STORY_WINDOW_HOURS). Counted among the story's articles and outlets, not in
   * its last update. Absent: false.
   */
  late?: boolean;
}

/**
 * One article's text inside another's that does not start as it does (a roundup carrying an item, a report built
 * around a statement): found by the floor (containment >= 0.9) but not a copy, so the two keep their own copy
 * groups (dedupe compare-shingles.ts CopyTest "contained").
 */
export interface ArticleContainment {
  innerId: string;
  outerId: string;
}

/** Everything one assignment step changes, committed in one transaction. */
export interface PlacementBatch {
  placements: readonly ArticlePlacement[];
  /**
   * Copy groups merged (an article copied members of both): every member of `fromId` moves to `intoId`. Applied
   * in order, after the placements and before `groupOriginals`, which carries the merged group's original.
   */
  groupMerges: readonly { fromId: string; intoId: string }[];
  /** Groups whose original changed (a wire copy arrived): every member's duplicate_of is re-pointed, in order. */
  groupOriginals: readonly { groupId: string; originalId: string }[];
  /**
   * Containments found with these placements: every stored relation of a placed article is replaced by these
   * (absent: none), since each is found again when the later of its two articles is placed.
   */
  containments?: readonly ArticleContainment[];
  /** Stories merged by the stage's merge pass: members move, the old id stays as an alias. Applied in order. */
  merges: readonly { fromId: string; intoId: string }[];
  /** Representative headlines of the stories touched and the member each is the title of (the stage picks them). */
  headlines: readonly StoryHeadline[];
  /**
   * Stream snapshots: first every stored one taken after `dropAfter` is deleted (the step re-placed from that article,
   * so they no longer describe the stream), then `write` are stored (replacing one at the same point), then all but
   * the newest `keep` are deleted. Absent: snapshots are left as they are.
   */
  snapshots?: {
    dropAfter: StreamPoint;
    write: readonly EncodedStreamSnapshot[];
    keep: number;
  };
}

/**
 * A placed article's copy group as stored: its key (the group's first article) with that article's time, and the
 * group's original (the member every other member's duplicate_of names). What a rebuilt stream needs to carry on a
 * group that started before its replay.
 */
export interface StoredCopyGroup {
  id: string;
  openedMs: number;
  original: { id: string; sourceId: string; citedSource: string | null; timeMs: number };
}

/** A stored article as a rebuilt stream replays it, with where it was placed (nulls: unplaced). */
export interface StoredStreamRow extends StoryStreamRow {
  storyId: string | null;
  group: StoredCopyGroup | null;
  /** Placed as a late copy (ArticlePlacement.late); false when unplaced. */
  late: boolean;
}

/** A point of the stream: just before the article with this (time, id). */
export interface StreamPoint {
  timeMs: number;
  articleId: string;
}

/**
 * The story stream's carry-over statistics at a point (stages/stories/recluster.ts StoryStream.carryOver): the stream
 * state after every article before `articleId` in (time, id) order. Stores keep it as they choose
 * (adapters/story-row.ts: gzipped JSON).
 */
export interface StreamSnapshot extends StreamPoint {
  state: StreamCarryOver;
}

/**
 * A stream snapshot to write, its state as the store keeps it (StoryStore.encodeStreamSnapshot): encoded when the
 * assigner takes it, so a step that takes many holds their bytes, not copies of the stream's tables.
 */
export interface EncodedStreamSnapshot extends StreamPoint {
  state: Uint8Array;
}

/** A story's representative headline and the member article it is the title of (the story's lead article). */
export interface StoryHeadline {
  storyId: string;
  headline: string;
  articleId: string;
}

/**
 * True when a batch changes nothing in the store (headlines ride with placements and merges; stream snapshots are
 * counted, though today's assigner only takes them at a placed row).
 */
export function isEmptyPlacementBatch(batch: PlacementBatch): boolean {
  return (
    batch.placements.length +
      batch.groupMerges.length +
      batch.groupOriginals.length +
      (batch.containments?.length ?? 0) +
      batch.merges.length +
      (batch.snapshots?.write.length ?? 0) ===
    0
  );
}

/** A stored story; counts and times are kept by the store from its members. */
export interface StoredStory {
  id: string;
  headline: string;
  /** The member the headline is the title of; null for stories stored before it was kept (schema 8). */
  headlineArticleId: string | null;
  /** Every member, copies included. */
  articleCount: number;
  /** Members that are not a copy of another article. */
  originalCount: number;
  /** Distinct publishers, sorted. */
  sources: string[];
  firstSeenMs: number;
  lastUpdateMs: number;
}

/**
 * A story member as the home page's rank reads it (rank-stories.ts): its time and outlet only. A copy of another
 * outlet's article is that outlet's coverage, so whether it is a copy is not read.
 */
export interface RankMember {
  storyId: string;
  timeMs: number;
  sourceId: string;
  /**
   * A copy that joined its original's story after the story window (ArticlePlacement.late): a republication a week
   * on, no new coverage, so it weighs nothing in the rank.
   */
  late: boolean;
}

/** An article's stored placement without its fingerprints. */
export interface PlacedArticle {
  articleId: string;
  storyId: string;
  groupId: string;
  duplicateOf: string | null;
  sourceId: string;
  timeMs: number;
}

/** A story's member as its page lists it: its placement and whether it joined late (ArticlePlacement.late). */
export interface StoryMember extends PlacedArticle {
  late: boolean;
}

/** Copy-group statistics (`akhbar duplicates`). */
export interface DuplicateStats {
  /** Articles with a placement. */
  placedArticles: number;
  /** Groups of two or more articles. */
  copyGroups: number;
  /** Articles that are a copy of another (duplicate_of set). */
  copies: number;
  largestGroup: number;
  /** How many copy groups have each size, smallest size first. */
  groupSizes: { size: number; groups: number }[];
  /** Copy groups whose members come from more than one publisher. */
  crossSourceGroups: number;
  stories: number;
  /** Stories with more than one article. */
  multiArticleStories: number;
}

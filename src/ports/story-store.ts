/**
 * StoryStore port: per-article placements (copy group, duplicate_of, story, fingerprints), stories with their
 * counts, and the aliases merged story ids leave behind. Interface only; adapters/sqlite and adapters/postgres.
 */
import type {
  ArticleContainment,
  ArticlePlacement,
  DuplicateStats,
  PlacedArticle,
  PlacementBatch,
  RankMember,
  StoredStory,
  StoredStreamRow,
  StoryMember,
  StoryStreamRow,
  StreamSnapshot,
} from "../domain/story.ts";
import type { StreamCarryOver } from "../stages/stories/recluster.ts";

export interface StoryListQuery {
  /** Only stories updated at or after this time (epoch ms). */
  sinceMs?: number;
  /** Only stories first seen at or before this time (epoch ms): with sinceMs, the stories running in a past window. */
  untilMs?: number;
  /** Only stories with an article from one of these publishers; empty or absent means all. */
  sources?: readonly string[];
  /** Newest update first; at most this many. */
  limit: number;
}

/** This process's turn as the one story consumer of a shared store (StoryStore.tryLeadAssignment). */
export interface AssignmentLead {
  /** Settles when the turn ends without release(): the connection that held it dropped. */
  readonly lost: Promise<void>;
  /** Ends the turn, so another process may take it at once. */
  release(): Promise<void>;
}

export interface StoryStore {
  /**
   * Commits one assignment step in one transaction: placements upserted, group originals re-pointed, merges
   * applied (members moved, alias recorded, old row dropped), then every touched story's counts recomputed from
   * its members; a story left without members is deleted.
   */
  writePlacements(batch: PlacementBatch): Promise<void>;
  /**
   * Stream rows, in (time, id) order, of the articles among `ids` that have no placement, or with `everyUnplaced`
   * of every stored article without one (`ids` are then among them): what one assignment step places, in one read.
   * Placed and unknown ids are left out.
   */
  getUnplacedStreamRows(
    ids: readonly string[],
    options?: { everyUnplaced?: boolean },
  ): Promise<StoryStreamRow[]>;
  /**
   * Every article with time ≥ `fromMs`, in (time, id) order, with its stored story and copy group (null when
   * unplaced; the group also when its first article or original is no longer stored).
   */
  listStreamRowsSince(fromMs: number): Promise<StoredStreamRow[]>;
  /**
   * The newest stream snapshot (PlacementBatch.snapshots) at a point with time ≤ `atOrBeforeMs` (ties: the greatest
   * article id), or null when none is stored.
   */
  findStreamSnapshot(atOrBeforeMs: number): Promise<StreamSnapshot | null>;
  /**
   * A stream snapshot's state as this store keeps it, for PlacementBatch.snapshots (EncodedStreamSnapshot);
   * findStreamSnapshot decodes it. Pure. The assigner encodes each snapshot as it takes it: a whole dev-corpus import
   * takes 17, and held as copies of the stream's tables until the step's write they were ~200 MB of the placing
   * heap (~12 MB and ~250,000 objects each) against ~28 MB encoded.
   */
  encodeStreamSnapshot(state: StreamCarryOver): Uint8Array;
  /** Ids of stored articles without a placement (a crash between the article write and its placement). */
  listUnplacedIds(): Promise<string[]>;
  /** The last placed article in (time, id) order, or null when nothing is placed. */
  lastPlaced(): Promise<{ id: string; timeMs: number } | null>;
  /** Stored fingerprints of placed articles with time ≥ `fromMs`, in (time, id) order. */
  listFingerprintsSince(fromMs: number): Promise<ArticlePlacement[]>;
  /** Drops every placement, story, alias and stream snapshot (recluster starts from nothing). */
  clearStories(): Promise<void>;
  /** Stories by newest update. */
  listStories(query: StoryListQuery): Promise<StoredStory[]>;
  /**
   * What the home page ranks (rank-stories.ts): every member with a time in [sinceMs, untilMs] (open bounds where
   * absent) of the `limit` stories with the newest such member that is not a late copy (the newest member when all are;
   * ties: the smaller id in code point order), the `sources` filter as listStories's. A story's members outside the bounds are left out, so a past window reads its
   * stories' coverage as it stood. In (time, story id, outlet) order, ids in code point order, so every engine sums a
   * story's weights alike.
   */
  listRankMembers(query: StoryListQuery): Promise<RankMember[]>;
  /** How many stories `listRankMembers(query)` would take members of without its limit. */
  countRankStories(query: Omit<StoryListQuery, "limit">): Promise<number>;
  /** How many stories `listStories` would select without its limit. */
  countStories(query: Omit<StoryListQuery, "limit">): Promise<number>;
  /** A story by id or by an alias a merge left; null when unknown. */
  getStory(id: string): Promise<StoredStory | null>;
  /** The placed members of a story (resolving aliases), in (time, id) order, each with its late flag. */
  listStoryMembers(storyId: string): Promise<StoryMember[]>;
  /** Placements of these articles, in the order asked; unplaced or unknown ids are left out. */
  getPlacements(ids: readonly string[]): Promise<PlacedArticle[]>;
  /**
   * Stored containments (ArticleContainment) with an inner or outer article among `ids`, ordered by inner then outer
   * id (code-unit order).
   */
  listContainments(ids: readonly string[]): Promise<ArticleContainment[]>;
  duplicateStats(): Promise<DuplicateStats>;
  /**
   * Runs one assignment step (reads, placing, writePlacements) so that no other process's step commits inside it, and
   * tells it whether the placements changed since this object's own last write: another process placed or cleared,
   * so an in-memory story stream is stale and must be rebuilt first. PostgreSQL holds a lock for the step; SQLite,
   * which has none a process can hold across reads and a write, runs the step again (told that they changed) when its
   * write finds another process's in between. Without it one process's assigner queue is the only serialization.
   */
  withAssignmentLock?<T>(step: (changedElsewhere: boolean) => Promise<T>): Promise<T>;
  /**
   * Takes the story-consumer turn when no other process holds it, else null at once. The holder is the only worker
   * that consumes story jobs, so its stream stays current instead of being rebuilt whenever a job lands on another
   * worker; a process that dies loses the turn with its connection. Placement stays correct without it (each step
   * still takes withAssignmentLock): the turn is about cost, not safety. Present on PostgreSQL.
   */
  tryLeadAssignment?(): Promise<AssignmentLead | null>;
}

/**
 * PostgresStoryStore: the StoryStore port on node-postgres — placements, stories and aliases (migration 3); one
 * assignment step is one transaction, and steps of several processes take turns under an advisory lock.
 * Adapter (IO); mirrors sqlite-story-store.ts.
 */
import type pg from "pg";
import {
  type ArticleContainment,
  type ArticlePlacement,
  type DuplicateStats,
  isEmptyPlacementBatch,
  type PlacedArticle,
  type PlacementBatch,
  type RankMember,
  type StoredStory,
  type StoredStreamRow,
  type StoryMember,
  type StoryStreamRow,
  type StreamSnapshot,
} from "../../domain/story.ts";
import type { AssignmentLead, StoryListQuery, StoryStore } from "../../ports/story-store.ts";
import type { StreamCarryOver } from "../../stages/stories/recluster.ts";
import { fromFingerprintBlob, toFingerprintBlob } from "../fingerprint-blob.ts";
import {
  countRankStoriesSql,
  fromSnapshotBlob,
  isNarrowRankWindow,
  keepNewestStories,
  type MemberRowDb,
  PLACED_COLUMNS,
  type PlacementRowDb,
  type RankMemberRowDb,
  rankMembersSql,
  STORED_STREAM_COLUMNS,
  STORED_STREAM_JOINS,
  STREAM_COLUMNS,
  type StoredStreamRowDb,
  type StoryRowDb,
  type StreamRowDb,
  toMember,
  toPlaced,
  toRankMember,
  toSnapshotBlob,
  toStoredStreamRow,
  toStory,
  toStreamRow,
  UNPLACED,
} from "../story-row.ts";
import { runTransaction } from "./run-transaction.ts";

/**
 * SQL for the key of one store's advisory lock `name`: hashed with the store's schema (current_schema(), the
 * search_path the storage was opened with) the way lockSources hashes its keys, so the two never collide by accident
 * and stores in other schemas of one database take their own turns (before, a consumer of one schema held the turn
 * of every schema's).
 */
export function storeLockKeySql(name: string): string {
  // current_schema() is NULL when no schema on the search_path exists: the key must still be one.
  return `hashtextextended('akhbar.${name}:' || coalesce(current_schema(), ''), 0)`;
}

/**
 * The session advisory lock held for a whole assignment step. Session-scoped, on a connection of its own: a step
 * spans several pooled queries, and a killed process's session ends and frees the lock.
 */
const ASSIGN_LOCK_SQL = `SELECT pg_advisory_lock(${storeLockKeySql("story.assign")})`;
const ASSIGN_UNLOCK_SQL = `SELECT pg_advisory_unlock(${storeLockKeySql("story.assign")})`;
/** The story-consumer turn (tryLeadAssignment): session-scoped too, so a killed holder frees it. */
export const LEAD_LOCK_KEY_SQL = storeLockKeySql("story.lead");
const LEAD_TRY_SQL = `SELECT pg_try_advisory_lock(${LEAD_LOCK_KEY_SQL}) AS held`;
const LEAD_UNLOCK_SQL = `SELECT pg_advisory_unlock(${LEAD_LOCK_KEY_SQL})`;

const STORY_COLUMNS =
  "id, headline, headline_article_id, article_count, original_count, sources, first_seen_ms, last_update_ms";
/** (time, id) in code point order: the stories stage's compareStreamOrder (and the migration's indexes). */
const ARTICLE_ORDER = 'a.time_ms, a.id COLLATE "C"';
const PLACEMENT_ORDER = 'time_ms, article_id COLLATE "C"';

/** Counts one more placement change (story_state.version, see withAssignmentLock); returns the new version. */
const BUMP_VERSION_SQL = `INSERT INTO story_state (singleton, version) VALUES (true, 1)
  ON CONFLICT (singleton) DO UPDATE SET version = story_state.version + 1 RETURNING version`;

/** The earliest original of story `agg.id` (joined as `a`): where a story without a chosen headline takes one. */
const FIRST_ORIGINAL = `FROM article_placements p JOIN articles a ON a.id = p.article_id WHERE p.story_id = agg.id
  ORDER BY p.duplicate_of IS NOT NULL, p.time_ms, p.article_id COLLATE "C" LIMIT 1`;

/**
 * Recomputes the stories $1 from their members in one statement: those left without members are deleted, the
 * others upserted with counts, times (a late copy, ArticlePlacement.late, moves no last update; a story of late
 * copies alone takes theirs), sorted publishers and a headline with the member it is the title of — the step's own
 * ($2/$3/$4), else the stored one while that member is still in the story, else the earliest original's.
 * Bumps the placement version in the same round trip and returns it.
 */
export const RECOUNT_STORIES_SQL = `
WITH agg AS (
  SELECT story_id AS id, count(*) AS n, count(*) FILTER (WHERE duplicate_of IS NULL) AS originals,
    min(time_ms) AS first, coalesce(max(time_ms) FILTER (WHERE NOT late), max(time_ms)) AS last,
    array_agg(DISTINCT source_id COLLATE "C" ORDER BY source_id COLLATE "C") AS sources
  FROM article_placements WHERE story_id = ANY($1::text[]) GROUP BY story_id
), dropped AS (
  DELETE FROM stories s WHERE s.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM agg WHERE agg.id = s.id)
), recounted AS (
INSERT INTO stories (${STORY_COLUMNS})
SELECT agg.id,
  coalesce(h.headline, s.headline, (SELECT a.title ${FIRST_ORIGINAL}), ''),
  CASE WHEN h.story_id IS NOT NULL THEN h.article_id WHEN s.id IS NOT NULL THEN s.headline_article_id
    ELSE (SELECT a.id ${FIRST_ORIGINAL}) END,
  agg.n, agg.originals, agg.sources, agg.first, agg.last
FROM agg
LEFT JOIN unnest($2::text[], $3::text[], $4::text[]) AS h(story_id, headline, article_id) ON h.story_id = agg.id
LEFT JOIN stories s ON s.id = agg.id AND (s.headline_article_id IS NULL OR EXISTS (
  SELECT 1 FROM article_placements p WHERE p.article_id = s.headline_article_id AND p.story_id = agg.id))
ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, headline_article_id = excluded.headline_article_id,
  article_count = excluded.article_count,
  original_count = excluded.original_count, sources = excluded.sources, first_seen_ms = excluded.first_seen_ms,
  last_update_ms = excluded.last_update_ms
), bumped AS (${BUMP_VERSION_SQL})
SELECT version FROM bumped`;

/** The last entry per key, in first-seen order: one statement may not upsert one row twice. */
function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    byKey.delete(key(item));
    byKey.set(key(item), item);
  }
  return [...byKey.values()];
}

/** StoryListQuery's filter; parameters $1 since (ms), $2 until (ms, on first_seen_ms), $3 sources (text[], empty for all). */
const STORY_FILTER =
  "last_update_ms >= $1 AND first_seen_ms <= $2 AND (cardinality($3::text[]) = 0 OR sources && $3::text[])";

/** listRankMembers's conditions on a placement ($1 since, $2 until, $3 sources as STORY_FILTER's). */
const RANK_BETWEEN = "time_ms >= $1 AND time_ms <= $2";
/** The rank's publisher filter, one story lookup per placement in the window (not a scan of every story stored). */
const RANK_SOURCES_FILTER =
  "(cardinality($3::text[]) = 0 OR EXISTS (SELECT 1 FROM stories s WHERE s.id = article_placements.story_id AND s.sources && $3::text[]))";

/** STORY_FILTER's parameters for a query: open bounds where it gives none. */
function storyFilterParams(query: Omit<StoryListQuery, "limit">): [number, number, readonly string[]] {
  return [
    query.sinceMs ?? Number.MIN_SAFE_INTEGER,
    query.untilMs ?? Number.MAX_SAFE_INTEGER,
    query.sources ?? [],
  ];
}

export class PostgresStoryStore implements StoryStore {
  readonly #pool: pg.Pool;
  /** story_state.version after this object's last write or lock (null before either): see withAssignmentLock. */
  #knownVersion: number | null = null;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async withAssignmentLock<T>(step: (changedElsewhere: boolean) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(ASSIGN_LOCK_SQL);
      try {
        const { rows } = await client.query<{ version: number }>("SELECT version FROM story_state");
        const version = rows[0]?.version ?? 0;
        const changedElsewhere = this.#knownVersion === null || version !== this.#knownVersion;
        this.#knownVersion = version;
        return await step(changedElsewhere);
      } finally {
        await client.query(ASSIGN_UNLOCK_SQL).catch((err: unknown) => {
          // A connection that cannot unlock must not go back to the pool still holding the lock.
          broken = err as Error;
        });
      }
    } finally {
      client.release(broken);
    }
  }

  async tryLeadAssignment(): Promise<AssignmentLead | null> {
    const client = await this.#pool.connect();
    let held = false;
    try {
      const { rows } = await client.query<{ held: boolean }>(LEAD_TRY_SQL);
      held = rows[0]?.held === true;
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    if (!held) {
      client.release();
      return null;
    }
    // The connection stays checked out for the whole turn: the lock lives as long as its session.
    let settle: () => void = () => {};
    const lost = new Promise<void>((resolve) => {
      settle = resolve;
    });
    let dropped: Error | undefined;
    const onError = (err: Error) => {
      dropped = err;
      settle();
    };
    const onEnd = () => onError(new Error("store: the story turn's connection ended"));
    client.on("error", onError);
    client.on("end", onEnd);
    let released = false;
    return {
      lost,
      release: async () => {
        if (released) return;
        released = true;
        if (dropped === undefined) {
          await client.query(LEAD_UNLOCK_SQL).catch((err: unknown) => {
            // A connection that cannot unlock must not go back to the pool still holding the turn.
            dropped = err as Error;
          });
        }
        client.off("error", onError);
        client.off("end", onEnd);
        client.release(dropped);
        settle();
      },
    };
  }

  async writePlacements(batch: PlacementBatch): Promise<void> {
    if (isEmptyPlacementBatch(batch)) return;
    const placements = lastByKey(batch.placements, (p) => p.articleId);
    const groupOriginals = lastByKey(batch.groupOriginals, (g) => g.groupId);
    const headlines = lastByKey(batch.headlines, (h) => h.storyId);
    const articleIds = placements.map((p) => p.articleId);
    this.#knownVersion = await runTransaction(this.#pool, async (client) => {
      // One statement: the stories these articles were in (its snapshot is from before the upsert), the upsert,
      // and the aliases of story ids that are live again (an alias names a merged-away story only).
      const before = await client.query<{ story_id: string }>(
        `WITH p AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::bytea[],
             $7::boolean[]) AS p(article_id, story_id, group_id, duplicate_of, shingles, signature, late)
         ), upserted AS (
           INSERT INTO article_placements (${PLACED_COLUMNS}, shingles, signature, late)
           SELECT p.article_id, p.story_id, p.group_id, p.duplicate_of, a.source_id, a.time_ms, p.shingles,
             p.signature, p.late
           FROM p JOIN articles a ON a.id = p.article_id
           ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, group_id = excluded.group_id,
             duplicate_of = excluded.duplicate_of, shingles = excluded.shingles, signature = excluded.signature,
             late = excluded.late
         ), live AS (
           DELETE FROM story_aliases WHERE merged_id IN (SELECT story_id FROM p)
         )
         SELECT DISTINCT story_id FROM article_placements WHERE article_id = ANY($1::text[])`,
        [
          articleIds,
          placements.map((p) => p.storyId),
          placements.map((p) => p.groupId),
          placements.map((p) => p.duplicateOf),
          placements.map((p) => toFingerprintBlob(p.shingles)),
          placements.map((p) => toFingerprintBlob(p.signature)),
          placements.map((p) => p.late === true),
        ],
      );
      const touched = new Set(before.rows.map((r) => r.story_id));
      for (const p of placements) touched.add(p.storyId);
      // A placed article's containments are found again with it (or with the later article of each pair).
      await client.query(
        "DELETE FROM article_containments WHERE inner_id = ANY($1::text[]) OR outer_id = ANY($1::text[])",
        [articleIds],
      );
      const containments = batch.containments ?? [];
      if (containments.length > 0) {
        await client.query(
          // Only pairs whose two articles are still stored (one deleted after the stream saw it).
          `INSERT INTO article_containments (inner_id, outer_id)
           SELECT c.i, c.o FROM unnest($1::text[], $2::text[]) AS c(i, o)
           WHERE EXISTS (SELECT 1 FROM articles WHERE id = c.i) AND EXISTS (SELECT 1 FROM articles WHERE id = c.o)
           ON CONFLICT DO NOTHING`,
          [containments.map((c) => c.innerId), containments.map((c) => c.outerId)],
        );
      }
      // In order: a later merge may move a group an earlier one moved in.
      for (const g of batch.groupMerges) {
        if (g.fromId === g.intoId) continue;
        const moved = await client.query<{ story_id: string }>(
          "UPDATE article_placements SET group_id = $1 WHERE group_id = $2 RETURNING story_id",
          [g.intoId, g.fromId],
        );
        for (const r of moved.rows) touched.add(r.story_id);
      }
      if (groupOriginals.length > 0) {
        const groups = await client.query<{ story_id: string }>(
          `WITH g AS (SELECT * FROM unnest($1::text[], $2::text[]) AS g(group_id, original_id)),
           moved AS (
             UPDATE article_placements p
             SET duplicate_of = CASE WHEN p.article_id = g.original_id THEN NULL ELSE g.original_id END
             FROM g WHERE p.group_id = g.group_id RETURNING p.story_id
           )
           SELECT DISTINCT story_id FROM moved`,
          [groupOriginals.map((g) => g.groupId), groupOriginals.map((g) => g.originalId)],
        );
        for (const r of groups.rows) touched.add(r.story_id);
      }
      if (batch.snapshots !== undefined) {
        const { dropAfter, write, keep } = batch.snapshots;
        await client.query(
          "DELETE FROM stream_snapshots WHERE time_ms > $1 OR (time_ms = $1 AND article_id > $2)",
          [dropAfter.timeMs, dropAfter.articleId],
        );
        for (const s of write) {
          await client.query(
            `INSERT INTO stream_snapshots (time_ms, article_id, state) VALUES ($1, $2, $3)
             ON CONFLICT (time_ms, article_id) DO UPDATE SET state = excluded.state`,
            [s.timeMs, s.articleId, s.state],
          );
        }
        await client.query(
          `DELETE FROM stream_snapshots WHERE (time_ms, article_id) NOT IN
             (SELECT time_ms, article_id FROM stream_snapshots ORDER BY time_ms DESC, article_id DESC LIMIT $1)`,
          [keep],
        );
      }
      // In order: a later merge may move what an earlier one moved in.
      for (const m of batch.merges) {
        if (m.fromId === m.intoId) continue;
        await client.query("UPDATE article_placements SET story_id = $1 WHERE story_id = $2", [
          m.intoId,
          m.fromId,
        ]);
        await client.query("UPDATE story_aliases SET story_id = $1 WHERE story_id = $2", [
          m.intoId,
          m.fromId,
        ]);
        await client.query(
          `INSERT INTO story_aliases (merged_id, story_id) VALUES ($1, $2)
           ON CONFLICT (merged_id) DO UPDATE SET story_id = excluded.story_id`,
          [m.fromId, m.intoId],
        );
        touched.add(m.fromId);
        touched.add(m.intoId);
      }
      const { rows } = await client.query<{ version: number }>(RECOUNT_STORIES_SQL, [
        [...touched],
        headlines.map((h) => h.storyId),
        headlines.map((h) => h.headline),
        headlines.map((h) => h.articleId),
      ]);
      return this.#nextKnownVersion(rows[0]?.version ?? null);
    });
  }

  async getUnplacedStreamRows(
    ids: readonly string[],
    options: { everyUnplaced?: boolean } = {},
  ): Promise<StoryStreamRow[]> {
    const everyUnplaced = options.everyUnplaced === true;
    if (ids.length === 0 && !everyUnplaced) return [];
    // Two statements rather than "$2 OR id = ANY($1)": each keeps its own plan (an anti-join over the articles, or
    // an index probe per id).
    const { rows } = everyUnplaced
      ? await this.#pool.query<StreamRowDb>(
          `SELECT ${STREAM_COLUMNS} FROM articles a WHERE ${UNPLACED} ORDER BY ${ARTICLE_ORDER}`,
        )
      : await this.#pool.query<StreamRowDb>(
          `SELECT ${STREAM_COLUMNS} FROM articles a WHERE a.id = ANY($1::text[]) AND ${UNPLACED}
           ORDER BY ${ARTICLE_ORDER}`,
          [ids],
        );
    return rows.map(toStreamRow);
  }

  async listStreamRowsSince(fromMs: number): Promise<StoredStreamRow[]> {
    const { rows } = await this.#pool.query<StoredStreamRowDb>(
      `SELECT ${STREAM_COLUMNS}, ${STORED_STREAM_COLUMNS} FROM articles a ${STORED_STREAM_JOINS}
       WHERE a.time_ms >= $1 ORDER BY ${ARTICLE_ORDER}`,
      [fromMs],
    );
    return rows.map(toStoredStreamRow);
  }

  encodeStreamSnapshot(state: StreamCarryOver): Uint8Array {
    return toSnapshotBlob(state);
  }

  async findStreamSnapshot(atOrBeforeMs: number): Promise<StreamSnapshot | null> {
    const { rows } = await this.#pool.query<{ time_ms: string; article_id: string; state: Buffer }>(
      `SELECT time_ms, article_id, state FROM stream_snapshots WHERE time_ms <= $1
       ORDER BY time_ms DESC, article_id DESC LIMIT 1`,
      [atOrBeforeMs],
    );
    const [row] = rows;
    return row === undefined
      ? null
      : { timeMs: Number(row.time_ms), articleId: row.article_id, state: fromSnapshotBlob(row.state) };
  }

  async listUnplacedIds(): Promise<string[]> {
    const { rows } = await this.#pool.query<{ id: string }>(
      `SELECT a.id FROM articles a WHERE ${UNPLACED} ORDER BY ${ARTICLE_ORDER}`,
    );
    return rows.map((r) => r.id);
  }

  async lastPlaced(): Promise<{ id: string; timeMs: number } | null> {
    const { rows } = await this.#pool.query<{ article_id: string; time_ms: number }>(
      `SELECT article_id, time_ms FROM article_placements ORDER BY time_ms DESC, article_id COLLATE "C" DESC
       LIMIT 1`,
    );
    const [row] = rows;
    return row === undefined ? null : { id: row.article_id, timeMs: row.time_ms };
  }

  async listFingerprintsSince(fromMs: number): Promise<ArticlePlacement[]> {
    const { rows } = await this.#pool.query<PlacementRowDb & { shingles: Buffer; signature: Buffer }>(
      `SELECT ${PLACED_COLUMNS}, shingles, signature FROM article_placements WHERE time_ms >= $1
       ORDER BY ${PLACEMENT_ORDER}`,
      [fromMs],
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      storyId: r.story_id,
      groupId: r.group_id,
      duplicateOf: r.duplicate_of,
      shingles: fromFingerprintBlob(r.shingles),
      signature: fromFingerprintBlob(r.signature),
    }));
  }

  async clearStories(): Promise<void> {
    this.#knownVersion = await runTransaction(this.#pool, async (client) => {
      await client.query("DELETE FROM article_placements");
      await client.query("DELETE FROM stories");
      await client.query("DELETE FROM story_aliases");
      await client.query("DELETE FROM article_containments");
      await client.query("DELETE FROM stream_snapshots");
      return await this.#bumpVersion(client);
    });
  }

  async listStories(query: StoryListQuery): Promise<StoredStory[]> {
    return (await this.#listStoryRows<StoryRowDb>(STORY_COLUMNS, query)).map(toStory);
  }

  async listRankMembers(query: StoryListQuery): Promise<RankMember[]> {
    const whole = isNarrowRankWindow(query);
    const { rows } = await this.#pool.query<RankMemberRowDb>(
      rankMembersSql(
        {
          between: RANK_BETWEEN,
          sourcesFilter: RANK_SOURCES_FILTER,
          limit: "$4",
          collate: ' COLLATE "C"',
          storyIdTerm: "story_id",
        },
        whole,
      ),
      // PostgreSQL refuses a parameter the statement does not use.
      whole ? storyFilterParams(query) : [...storyFilterParams(query), query.limit],
    );
    const members = rows.map(toRankMember);
    return whole ? keepNewestStories(members, query.limit) : members;
  }

  async countRankStories(query: Omit<StoryListQuery, "limit">): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      countRankStoriesSql(RANK_BETWEEN, RANK_SOURCES_FILTER),
      storyFilterParams(query),
    );
    return Number(rows[0]?.n ?? 0);
  }

  async countStories(query: Omit<StoryListQuery, "limit">): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM stories WHERE ${STORY_FILTER}`,
      storyFilterParams(query),
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The columns asked of the stories `query` selects, newest update first. */
  async #listStoryRows<R extends object>(columns: string, query: StoryListQuery): Promise<R[]> {
    const { rows } = await this.#pool.query<R>(
      `SELECT ${columns} FROM stories WHERE ${STORY_FILTER} ORDER BY last_update_ms DESC, id COLLATE "C" LIMIT $4`,
      [...storyFilterParams(query), query.limit],
    );
    return rows;
  }

  async getStory(id: string): Promise<StoredStory | null> {
    const { rows } = await this.#pool.query<StoryRowDb>(
      `SELECT ${STORY_COLUMNS} FROM stories
       WHERE id = coalesce((SELECT story_id FROM story_aliases WHERE merged_id = $1), $1)`,
      [id],
    );
    const [row] = rows;
    return row === undefined ? null : toStory(row);
  }

  async listStoryMembers(storyId: string): Promise<StoryMember[]> {
    const { rows } = await this.#pool.query<MemberRowDb>(
      `SELECT ${PLACED_COLUMNS}, late FROM article_placements
       WHERE story_id = coalesce((SELECT story_id FROM story_aliases WHERE merged_id = $1), $1)
       ORDER BY ${PLACEMENT_ORDER}`,
      [storyId],
    );
    return rows.map(toMember);
  }

  async listContainments(ids: readonly string[]): Promise<ArticleContainment[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<ArticleContainment>(
      `SELECT inner_id AS "innerId", outer_id AS "outerId" FROM article_containments
         WHERE inner_id = ANY($1::text[]) OR outer_id = ANY($1::text[])
         ORDER BY inner_id COLLATE "C", outer_id COLLATE "C"`,
      [ids],
    );
    return rows;
  }

  async getPlacements(ids: readonly string[]): Promise<PlacedArticle[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<PlacementRowDb>(
      `SELECT ${PLACED_COLUMNS} FROM article_placements WHERE article_id = ANY($1::text[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.article_id, toPlaced(r)]));
    return ids.flatMap((id) => {
      const p = byId.get(id);
      return p === undefined ? [] : [p];
    });
  }

  async duplicateStats(): Promise<DuplicateStats> {
    const [totals, groups, stories] = await Promise.all([
      this.#pool.query<{ placed: number; copies: number }>(
        "SELECT count(*) AS placed, count(duplicate_of) AS copies FROM article_placements",
      ),
      this.#pool.query<{ n: number; publishers: number }>(
        `SELECT count(*) AS n, count(DISTINCT source_id) AS publishers FROM article_placements
         GROUP BY group_id HAVING count(*) > 1`,
      ),
      this.#pool.query<{ n: number; multi: number }>(
        "SELECT count(*) AS n, count(*) FILTER (WHERE article_count > 1) AS multi FROM stories",
      ),
    ]);
    const t = totals.rows[0] ?? { placed: 0, copies: 0 };
    const s = stories.rows[0] ?? { n: 0, multi: 0 };
    const sizes = new Map<number, number>();
    for (const g of groups.rows) sizes.set(g.n, (sizes.get(g.n) ?? 0) + 1);
    return {
      placedArticles: t.placed,
      copyGroups: groups.rows.length,
      copies: t.copies,
      largestGroup: groups.rows.reduce((m, g) => Math.max(m, g.n), 0),
      groupSizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, n]) => ({ size, groups: n })),
      crossSourceGroups: groups.rows.filter((g) => g.publishers > 1).length,
      stories: s.n,
      multiArticleStories: s.multi,
    };
  }

  /** Bumps the placement version inside the writer's transaction; returns what #nextKnownVersion makes of it. */
  async #bumpVersion(client: pg.ClientBase): Promise<number | null> {
    const { rows } = await client.query<{ version: number }>(BUMP_VERSION_SQL);
    return this.#nextKnownVersion(rows[0]?.version ?? null);
  }

  /**
   * The version this object knows after its write bumped the stored one to `version`: that one when it follows the
   * one it knew, else null (another process wrote in between, without the lock: the next withAssignmentLock must
   * report the change). A missing row counts as version 0.
   */
  #nextKnownVersion(version: number | null): number | null {
    const known = this.#knownVersion;
    return known !== null && version === known + 1 ? version : null;
  }
}

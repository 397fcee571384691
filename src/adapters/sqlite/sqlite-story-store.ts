/**
 * SqliteStoryStore: the StoryStore port on better-sqlite3 — placements, stories and aliases (migration 3); one
 * assignment step is one transaction. Adapter (IO).
 */
import type Database from "better-sqlite3";
import { AkhbarError } from "../../domain/errors.ts";
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
import type { StoryListQuery, StoryStore } from "../../ports/story-store.ts";
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
  rankMembersSql,
  STORED_STREAM_COLUMNS,
  STORED_STREAM_JOINS,
  STREAM_COLUMNS,
  type StoredStreamRowDb,
  type StoryRowDb,
  type StreamRowDb,
  toMember,
  toPlaced,
  toSnapshotBlob,
  toStoredStreamRow,
  toStory,
  toStreamRow,
  UNPLACED,
} from "../story-row.ts";
import { writeTransaction } from "./write-transaction.ts";

/**
 * Times one assignment step is run again when its write finds that another process placed or cleared since the step
 * read (each run rebuilds the stream from the store first); past it the step fails with store.stories_changed.
 */
export const ASSIGN_STEP_ATTEMPTS = 5;

/** StoryListQuery's filter; parameters: since (ms), until (ms, on first_seen_ms), number of sources, sources as a JSON
 * array. */
const STORY_FILTER = `last_update_ms >= ? AND first_seen_ms <= ?
  AND (? = 0 OR EXISTS (SELECT 1 FROM json_each(stories.sources) s WHERE s.value IN (SELECT value FROM json_each(?))))`;

/** listRankMembers's conditions on a placement (named parameters: since, until, n and sources as STORY_FILTER's). */
const RANK_BETWEEN = "time_ms >= @since AND time_ms <= @until";
/**
 * The rank's publisher filter, one story lookup per placement in the window (a filter over every story ever stored
 * would grow with the store: 10-13 ms against 8 ms for the home page's 72 h on the dev corpus, and a year's store
 * holds twenty times its stories).
 */
const RANK_SOURCES_FILTER = `(@n = 0 OR EXISTS (SELECT 1 FROM stories s, json_each(s.sources) j
  WHERE s.id = article_placements.story_id AND j.value IN (SELECT value FROM json_each(@sources))))`;

/** STORY_FILTER's parameters for a query: open bounds where it gives none. */
function storyFilterParams(query: Omit<StoryListQuery, "limit">): [number, number, number, string] {
  const sources = query.sources ?? [];
  return [
    query.sinceMs ?? Number.MIN_SAFE_INTEGER,
    query.untilMs ?? Number.MAX_SAFE_INTEGER,
    sources.length,
    JSON.stringify(sources),
  ];
}

export class SqliteStoryStore implements StoryStore {
  readonly #db: Database.Database;
  readonly #write: (batch: PlacementBatch) => void;
  readonly #clear: () => void;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #readVersion: () => number;
  /**
   * story_state.version as of this object's last write or step start (null before either). A write that finds
   * another value throws store.stories_changed: another process placed in between, and this step's stream is stale.
   */
  #knownVersion: number | null = null;

  constructor(db: Database.Database) {
    this.#db = db;
    const version = db.prepare<[], { version: number }>("SELECT version FROM story_state");
    this.#readVersion = () => version.get()?.version ?? 0;
    const bump = db.prepare("UPDATE story_state SET version = version + 1");
    /** In a write transaction: fails if another process wrote since this object's last step, else counts one more. */
    const claimVersion = () => {
      const current = this.#readVersion();
      if (this.#knownVersion !== null && current !== this.#knownVersion) {
        throw new AkhbarError(
          "store.stories_changed",
          "store: another process placed articles in stories since this step began; run the step again",
        );
      }
      bump.run();
      this.#knownVersion = current + 1;
    };
    // One transaction, counted as a placement write: a clear elsewhere makes other streams stale too.
    const clears = [
      "article_placements",
      "stories",
      "story_aliases",
      "article_containments",
      "stream_snapshots",
    ].map((table) => db.prepare(`DELETE FROM ${table}`));
    this.#clear = writeTransaction(db, () => {
      for (const clear of clears) clear.run();
      bump.run();
      this.#knownVersion = this.#readVersion();
    });
    const upsert = db.prepare(
      `INSERT INTO article_placements (article_id, story_id, group_id, duplicate_of, time_ms, source_id, shingles,
         signature, late)
       SELECT @article_id, @story_id, @group_id, @duplicate_of, time_ms, source_id, @shingles, @signature, @late
       FROM articles WHERE id = @article_id
       ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, group_id = excluded.group_id,
         duplicate_of = excluded.duplicate_of, shingles = excluded.shingles, signature = excluded.signature,
         late = excluded.late`,
    );
    const storyOfArticle = db.prepare<[string], { story_id: string }>(
      "SELECT story_id FROM article_placements WHERE article_id = ?",
    );
    const { repoint, moveGroup, storiesOfGroup } = prepareGroupEdits(db);
    const moveMembers = db.prepare<[string, string]>(
      "UPDATE article_placements SET story_id = ? WHERE story_id = ?",
    );
    const moveAliases = db.prepare<[string, string]>(
      "UPDATE story_aliases SET story_id = ? WHERE story_id = ?",
    );
    const addAlias = db.prepare<[string, string]>(
      "INSERT INTO story_aliases (merged_id, story_id) VALUES (?, ?) ON CONFLICT (merged_id) DO UPDATE SET story_id = excluded.story_id",
    );
    const dropAlias = db.prepare<[string]>("DELETE FROM story_aliases WHERE merged_id = ?");
    const dropContainments = db.prepare<[string, string]>(
      "DELETE FROM article_containments WHERE inner_id = ? OR outer_id = ?",
    );
    // Only pairs whose two articles are still stored: one deleted after the stream saw it must not fail the write
    // (OR IGNORE does not cover a foreign key).
    const addContainment = db.prepare<{ inner: string; outer: string }>(
      `INSERT OR IGNORE INTO article_containments (inner_id, outer_id) SELECT @inner, @outer
       WHERE EXISTS (SELECT 1 FROM articles WHERE id = @inner) AND EXISTS (SELECT 1 FROM articles WHERE id = @outer)`,
    );
    const recount = prepareStoryRecount(db);

    const dropSnapshotsAfter = db.prepare(
      "DELETE FROM stream_snapshots WHERE time_ms > @time_ms OR (time_ms = @time_ms AND article_id > @article_id)",
    );
    const putSnapshot = db.prepare(
      `INSERT INTO stream_snapshots (time_ms, article_id, state) VALUES (@time_ms, @article_id, @state)
       ON CONFLICT (time_ms, article_id) DO UPDATE SET state = excluded.state`,
    );
    const keepSnapshots = db.prepare(
      `DELETE FROM stream_snapshots WHERE (time_ms, article_id) NOT IN
         (SELECT time_ms, article_id FROM stream_snapshots ORDER BY time_ms DESC, article_id DESC LIMIT @keep)`,
    );

    this.#write = writeTransaction(db, (batch: PlacementBatch) => {
      claimVersion();
      if (batch.snapshots !== undefined) {
        const { dropAfter, write, keep } = batch.snapshots;
        dropSnapshotsAfter.run({ time_ms: dropAfter.timeMs, article_id: dropAfter.articleId });
        for (const s of write)
          putSnapshot.run({ time_ms: s.timeMs, article_id: s.articleId, state: s.state });
        keepSnapshots.run({ keep });
      }
      const touched = new Set<string>();
      const live = new Set<string>();
      for (const p of batch.placements) {
        const before = storyOfArticle.get(p.articleId);
        if (before !== undefined) touched.add(before.story_id);
        upsert.run({
          article_id: p.articleId,
          story_id: p.storyId,
          group_id: p.groupId,
          duplicate_of: p.duplicateOf,
          shingles: toFingerprintBlob(p.shingles),
          signature: toFingerprintBlob(p.signature),
          late: p.late === true ? 1 : 0,
        });
        touched.add(p.storyId);
        // A story id that is live again is no longer an alias (once per story: many placements share one).
        if (!live.has(p.storyId)) {
          live.add(p.storyId);
          dropAlias.run(p.storyId);
        }
      }
      // A placed article's containments are found again with it (or with the later article of each pair).
      for (const p of batch.placements) dropContainments.run(p.articleId, p.articleId);
      for (const c of batch.containments ?? []) addContainment.run({ inner: c.innerId, outer: c.outerId });
      for (const g of batch.groupMerges) {
        if (g.fromId === g.intoId) continue;
        for (const r of storiesOfGroup.all(g.fromId)) touched.add(r.story_id);
        moveGroup.run(g.intoId, g.fromId);
      }
      for (const g of batch.groupOriginals) {
        repoint.run(g.originalId, g.originalId, g.groupId);
        for (const r of storiesOfGroup.all(g.groupId)) touched.add(r.story_id);
      }
      for (const m of batch.merges) {
        if (m.fromId === m.intoId) continue;
        moveMembers.run(m.intoId, m.fromId);
        moveAliases.run(m.intoId, m.fromId);
        addAlias.run(m.fromId, m.intoId);
        touched.add(m.fromId);
        touched.add(m.intoId);
      }
      recount(touched, new Map(batch.headlines.map((h) => [h.storyId, h])));
    });
  }

  async writePlacements(batch: PlacementBatch): Promise<void> {
    if (isEmptyPlacementBatch(batch)) return;
    this.#write(batch);
  }

  encodeStreamSnapshot(state: StreamCarryOver): Uint8Array {
    return toSnapshotBlob(state);
  }

  async getUnplacedStreamRows(
    ids: readonly string[],
    options: { everyUnplaced?: boolean } = {},
  ): Promise<StoryStreamRow[]> {
    if (options.everyUnplaced === true) {
      return this.#db
        .prepare<[], StreamRowDb>(
          `SELECT ${STREAM_COLUMNS} FROM articles a WHERE ${UNPLACED} ORDER BY a.time_ms, a.id`,
        )
        .all()
        .map(toStreamRow);
    }
    if (ids.length === 0) return [];
    return this.#db
      .prepare<[string], StreamRowDb>(
        `SELECT ${STREAM_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${UNPLACED}
         ORDER BY a.time_ms, a.id`,
      )
      .all(JSON.stringify(ids))
      .map(toStreamRow);
  }

  async listStreamRowsSince(fromMs: number): Promise<StoredStreamRow[]> {
    return this.#db
      .prepare<[number], StoredStreamRowDb>(
        `SELECT ${STREAM_COLUMNS}, ${STORED_STREAM_COLUMNS} FROM articles a ${STORED_STREAM_JOINS}
         WHERE a.time_ms >= ? ORDER BY a.time_ms, a.id`,
      )
      .all(fromMs)
      .map(toStoredStreamRow);
  }

  async findStreamSnapshot(atOrBeforeMs: number): Promise<StreamSnapshot | null> {
    const row = this.#db
      .prepare<[number], { time_ms: number; article_id: string; state: Buffer }>(
        `SELECT time_ms, article_id, state FROM stream_snapshots WHERE time_ms <= ?
         ORDER BY time_ms DESC, article_id DESC LIMIT 1`,
      )
      .get(atOrBeforeMs);
    return row === undefined
      ? null
      : { timeMs: row.time_ms, articleId: row.article_id, state: fromSnapshotBlob(row.state) };
  }

  async listUnplacedIds(): Promise<string[]> {
    return this.#db
      .prepare<[], { id: string }>(`SELECT a.id FROM articles a WHERE ${UNPLACED} ORDER BY a.time_ms, a.id`)
      .all()
      .map((r) => r.id);
  }

  async lastPlaced(): Promise<{ id: string; timeMs: number } | null> {
    const row = this.#db
      .prepare<[], { article_id: string; time_ms: number }>(
        "SELECT article_id, time_ms FROM article_placements ORDER BY time_ms DESC, article_id DESC LIMIT 1",
      )
      .get();
    return row === undefined ? null : { id: row.article_id, timeMs: row.time_ms };
  }

  async listFingerprintsSince(fromMs: number): Promise<ArticlePlacement[]> {
    return this.#db
      .prepare<[number], PlacementRowDb & { shingles: Buffer; signature: Buffer }>(
        `SELECT ${PLACED_COLUMNS}, shingles, signature FROM article_placements WHERE time_ms >= ?
         ORDER BY time_ms, article_id`,
      )
      .all(fromMs)
      .map((r) => ({
        articleId: r.article_id,
        storyId: r.story_id,
        groupId: r.group_id,
        duplicateOf: r.duplicate_of,
        shingles: fromFingerprintBlob(r.shingles),
        signature: fromFingerprintBlob(r.signature),
      }));
  }

  async clearStories(): Promise<void> {
    this.#clear();
  }

  /**
   * Runs one assignment step (StoryStore.withAssignmentLock) optimistically: SQLite has no lock a process can hold
   * across its reads and its write, so the step's write checks story_state.version instead (claimVersion); if another
   * process placed in between, the step is run again, told that the placements changed, so it rebuilds its stream.
   */
  async withAssignmentLock<T>(step: (changedElsewhere: boolean) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const version = this.#readVersion();
      const changedElsewhere = this.#knownVersion === null || version !== this.#knownVersion;
      this.#knownVersion = version;
      try {
        return await step(changedElsewhere);
      } catch (error) {
        const changed = error instanceof AkhbarError && error.code === "store.stories_changed";
        if (!changed || attempt >= ASSIGN_STEP_ATTEMPTS) throw error;
      }
    }
  }

  async listStories(query: StoryListQuery): Promise<StoredStory[]> {
    return this.#listStoryRows<StoryRowDb>("*", query).map(toStory);
  }

  async listRankMembers(query: StoryListQuery): Promise<RankMember[]> {
    const [since, until, n, sources] = storyFilterParams(query);
    const whole = isNarrowRankWindow(query);
    // Rows as arrays: a few thousand per home page view, where building a row object first cost about a third more.
    const rows = this.#prepare<
      [{ since: number; until: number; n: number; sources: string; limit: number }],
      [string, number, string, number]
    >(
      rankMembersSql(
        {
          between: RANK_BETWEEN,
          sourcesFilter: RANK_SOURCES_FILTER,
          limit: "@limit",
          collate: "",
          storyIdTerm: "+story_id",
        },
        whole,
      ),
    )
      .raw(true)
      // SQLite refuses a named parameter the statement does not use.
      .all({ since, until, n, sources, ...(whole ? {} : { limit: query.limit }) } as {
        since: number;
        until: number;
        n: number;
        sources: string;
        limit: number;
      });
    const members = rows.map(([storyId, timeMs, sourceId, late]) => ({
      storyId,
      timeMs,
      sourceId,
      late: late === 1,
    }));
    return whole ? keepNewestStories(members, query.limit) : members;
  }

  async countRankStories(query: Omit<StoryListQuery, "limit">): Promise<number> {
    const [since, until, n, sources] = storyFilterParams(query);
    const row = this.#prepare<[{ since: number; until: number; n: number; sources: string }], { n: number }>(
      countRankStoriesSql(RANK_BETWEEN, RANK_SOURCES_FILTER),
    ).get({ since, until, n, sources });
    return row?.n ?? 0;
  }

  async countStories(query: Omit<StoryListQuery, "limit">): Promise<number> {
    const row = this.#prepare<[number, number, number, string], { n: number }>(
      `SELECT count(*) AS n FROM stories WHERE ${STORY_FILTER}`,
    ).get(...storyFilterParams(query));
    return row?.n ?? 0;
  }

  /** The columns asked of the stories `query` selects, newest update first. */
  #listStoryRows<R>(columns: string, query: StoryListQuery): R[] {
    return this.#prepare<[number, number, number, string, number], R>(
      `SELECT ${columns} FROM stories WHERE ${STORY_FILTER} ORDER BY last_update_ms DESC, id LIMIT ?`,
    ).all(...storyFilterParams(query), query.limit);
  }

  async getStory(id: string): Promise<StoredStory | null> {
    const row = this.#prepare<[string, string], StoryRowDb>(
      `SELECT * FROM stories WHERE id = coalesce((SELECT story_id FROM story_aliases WHERE merged_id = ?), ?)`,
    ).get(id, id);
    return row === undefined ? null : toStory(row);
  }

  async listStoryMembers(storyId: string): Promise<StoryMember[]> {
    return this.#prepare<[string, string], MemberRowDb>(
      `SELECT ${PLACED_COLUMNS}, late FROM article_placements
         WHERE story_id = coalesce((SELECT story_id FROM story_aliases WHERE merged_id = ?), ?)
         ORDER BY time_ms, article_id`,
    )
      .all(storyId, storyId)
      .map(toMember);
  }

  async listContainments(ids: readonly string[]): Promise<ArticleContainment[]> {
    if (ids.length === 0) return [];
    return this.#prepare<[string, string], ArticleContainment>(
      `SELECT inner_id AS innerId, outer_id AS outerId FROM article_containments
         WHERE inner_id IN (SELECT value FROM json_each(?)) OR outer_id IN (SELECT value FROM json_each(?))
         ORDER BY inner_id, outer_id`,
    ).all(JSON.stringify(ids), JSON.stringify(ids));
  }

  async getPlacements(ids: readonly string[]): Promise<PlacedArticle[]> {
    if (ids.length === 0) return [];
    const byId = new Map<string, PlacedArticle>();
    const rows = this.#prepare<[string], PlacementRowDb>(
      // The planner prefers the primary key's index, which leaves every row to be read from the table.
      `SELECT ${PLACED_COLUMNS} FROM article_placements INDEXED BY article_placements_placed
         WHERE article_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids));
    for (const r of rows) byId.set(r.article_id, toPlaced(r));
    return ids.flatMap((id) => {
      const p = byId.get(id);
      return p === undefined ? [] : [p];
    });
  }

  /** The reader's statements (every page runs some), compiled once per SQL text rather than on every call. */
  #prepare<P extends unknown[], R>(sql: string): Database.Statement<P, R> {
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt as unknown as Database.Statement<P, R>;
  }

  async duplicateStats(): Promise<DuplicateStats> {
    const totals = this.#db
      .prepare<[], { placed: number; copies: number }>(
        "SELECT count(*) AS placed, coalesce(sum(duplicate_of IS NOT NULL), 0) AS copies FROM article_placements",
      )
      .get() ?? { placed: 0, copies: 0 };
    const groups = this.#db
      .prepare<[], { n: number; publishers: number }>(
        `SELECT count(*) AS n, count(DISTINCT source_id) AS publishers FROM article_placements
         GROUP BY group_id HAVING count(*) > 1`,
      )
      .all();
    const sizes = new Map<number, number>();
    for (const g of groups) sizes.set(g.n, (sizes.get(g.n) ?? 0) + 1);
    const stories = this.#db
      .prepare<[], { n: number; multi: number }>(
        "SELECT count(*) AS n, coalesce(sum(article_count > 1), 0) AS multi FROM stories",
      )
      .get() ?? { n: 0, multi: 0 };
    return {
      placedArticles: totals.placed,
      copyGroups: groups.length,
      copies: totals.copies,
      largestGroup: groups.reduce((m, g) => Math.max(m, g.n), 0),
      groupSizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, n]) => ({ size, groups: n })),
      crossSourceGroups: groups.filter((g) => g.publishers > 1).length,
      stories: stories.n,
      multiArticleStories: stories.multi,
    };
  }
}

/**
 * Prepares the recount of stories from their members (SQLite): a story left without members is deleted, the others
 * upserted with counts, times, sorted publishers and a headline with the member it is the title of — the step's own
 * (`headlines`), else the stored one while that member is still in the story, else the earliest original's. Run
 * inside the caller's write transaction; moves no placement version (the caller does). PostgreSQL:
 * postgres-story-store.ts RECOUNT_STORIES_SQL.
 */
/**
 * The copy-group edits a step's groupOriginals and groupMerges write, shared with the delete of a placed article
 * (sqlite-article-store.ts): `repoint(original, original, group)` makes `original` the group's original and every
 * other member its copy; `moveGroup(to, from)` re-keys a group; `storiesOfGroup(group)` lists the stories holding it.
 */
export function prepareGroupEdits(db: Database.Database) {
  return {
    repoint: db.prepare<[string, string, string]>(
      `UPDATE article_placements SET duplicate_of = CASE WHEN article_id = ? THEN NULL ELSE ? END
       WHERE group_id = ?`,
    ),
    moveGroup: db.prepare<[string, string]>("UPDATE article_placements SET group_id = ? WHERE group_id = ?"),
    storiesOfGroup: db.prepare<[string], { story_id: string }>(
      "SELECT DISTINCT story_id FROM article_placements WHERE group_id = ?",
    ),
  };
}

export function prepareStoryRecount(
  db: Database.Database,
): (ids: Iterable<string>, headlines: ReadonlyMap<string, { headline: string; articleId: string }>) => void {
  const aggregate = db.prepare<
    { id: string },
    { n: number; originals: number; first: number; last: number; sources: string }
  >(
    // A late copy (ArticlePlacement.late) moves no story's last update; a story of late copies alone (its other
    // members re-placed elsewhere) takes theirs.
    `SELECT count(*) AS n, coalesce(sum(duplicate_of IS NULL), 0) AS originals, min(time_ms) AS first,
       coalesce(max(CASE WHEN late = 0 THEN time_ms END), max(time_ms)) AS last,
       (SELECT json_group_array(source_id) FROM
         (SELECT DISTINCT source_id FROM article_placements WHERE story_id = @id ORDER BY source_id)) AS sources
     FROM article_placements WHERE story_id = @id`,
  );
  // A stored headline is kept while the member it is the title of is still in the story (a member can leave it
  // when a late article's replay places it elsewhere); null for a headline stored before the member was kept.
  const existingHeadline = db.prepare<{ id: string }, { headline: string; articleId: string | null }>(
    `SELECT headline, headline_article_id AS articleId FROM stories s WHERE id = @id
       AND (headline_article_id IS NULL OR EXISTS (SELECT 1 FROM article_placements p
         WHERE p.article_id = s.headline_article_id AND p.story_id = @id))`,
  );
  const firstTitle = db.prepare<[string], { headline: string; articleId: string }>(
    `SELECT a.title AS headline, a.id AS articleId FROM article_placements p JOIN articles a ON a.id = p.article_id
     WHERE p.story_id = ? ORDER BY p.duplicate_of IS NOT NULL, p.time_ms, p.article_id LIMIT 1`,
  );
  const upsertStory = db.prepare(
    `INSERT INTO stories (id, headline, headline_article_id, article_count, original_count, sources, first_seen_ms,
       last_update_ms)
     VALUES (@id, @headline, @headline_article_id, @article_count, @original_count, @sources, @first_seen_ms,
       @last_update_ms)
     ON CONFLICT (id) DO UPDATE SET headline = excluded.headline,
       headline_article_id = excluded.headline_article_id, article_count = excluded.article_count,
       original_count = excluded.original_count, sources = excluded.sources,
       first_seen_ms = excluded.first_seen_ms, last_update_ms = excluded.last_update_ms`,
  );
  const deleteStory = db.prepare<[string]>("DELETE FROM stories WHERE id = ?");

  return (ids, headlines) => {
    for (const id of ids) {
      const agg = aggregate.get({ id });
      if (agg === undefined || agg.n === 0) {
        deleteStory.run(id);
        continue;
      }
      const headline = headlines.get(id) ?? existingHeadline.get({ id }) ?? firstTitle.get(id);
      upsertStory.run({
        id,
        headline: headline?.headline ?? "",
        headline_article_id: headline?.articleId ?? null,
        article_count: agg.n,
        original_count: agg.originals,
        sources: agg.sources,
        first_seen_ms: agg.first,
        last_update_ms: agg.last,
      });
    }
  };
}

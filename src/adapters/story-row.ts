/**
 * The stored shapes of story data shared by the storage adapters: stream, placement and story rows → domain
 * objects, and stream snapshots ↔ their stored bytes. Adapter helper, pure; column names as in both adapters' story
 * migration (3) and the headline article's (SQLite 8, PostgreSQL 7).
 */
import { gunzipSync, gzipSync } from "node:zlib";
import type {
  PlacedArticle,
  RankMember,
  StoredStory,
  StoredStreamRow,
  StoryMember,
  StoryStreamRow,
} from "../domain/story.ts";
import type { StreamCarryOver } from "../stages/stories/recluster.ts";

export interface StreamRowDb {
  id: string;
  source_id: string;
  cited_source: string | null;
  title: string;
  text: string;
  time_ms: number;
  story_id?: string | null;
}

export interface PlacementRowDb {
  article_id: string;
  story_id: string;
  group_id: string;
  duplicate_of: string | null;
  source_id: string;
  time_ms: number;
}

export interface StoryRowDb {
  id: string;
  headline: string;
  headline_article_id: string | null;
  article_count: number;
  original_count: number;
  /** SQLite keeps the source ids as JSON text, PostgreSQL as text[]. */
  sources: string | string[];
  first_seen_ms: number;
  last_update_ms: number;
}

export const STREAM_COLUMNS = "a.id, a.source_id, a.cited_source, a.title, a.text, a.time_ms";
/** Condition on articles `a` (both engines' SQL): no placement yet. */
export const UNPLACED = "NOT EXISTS (SELECT 1 FROM article_placements p WHERE p.article_id = a.id)";
/**
 * For each stored story (`stories`), its earliest member whose title is its headline, else whose title ends with it
 * (a wire desk's section was cut from it: stripWireHeadlineMarks), in both engines' SQL: how the migration that added
 * `headline_article_id` fills it for stories stored before. The shortest such title is the headline itself (SQLite
 * resolved no outer column in this subquery's ORDER BY). (A title shorter than the headline never matches:
 * SQLite's substr counts a negative start from the end, PostgreSQL's from before the first character.)
 */
export const HEADLINE_ARTICLE_BACKFILL_SQL = `SELECT p.article_id FROM article_placements p
  JOIN articles a ON a.id = p.article_id WHERE p.story_id = stories.id
    AND substr(a.title, length(a.title) - length(stories.headline) + 1) = stories.headline
  ORDER BY length(a.title), p.duplicate_of IS NOT NULL, p.time_ms, p.article_id LIMIT 1`;
/**
 * The outlets the home page's rank before 2026-12 counted for a story, in both engines' SQL, on a row of `stories`
 * (`allSources`: that engine's count of its stored publishers): the publishers of its members that are not late
 * copies, all of them when every member is one. A late copy is a republication, no new coverage
 * (testdata/labels/README.md "Late copies join their original's story"), so it counts no outlet. SQLite migration 13
 * and PostgreSQL's 11th backfilled `stories.rank_source_count` with it (SQLite's 17th and PostgreSQL's 15th drop the
 * column: the rank reads each member's own time, listRankMembers, rank-stories.ts); bench/stories/top-stories-by-day.ts
 * computes the old rank with it.
 */
export function rankSourceCountSql(allSources: string): string {
  return `coalesce(nullif((SELECT count(DISTINCT p.source_id) FROM article_placements p
    WHERE p.story_id = stories.id AND NOT p.late), 0), ${allSources})`;
}

/**
 * The placement of an article being deleted, read in the delete's transaction before the row (and its placement, ON
 * DELETE CASCADE) goes. After the delete both engines, in the same transaction:
 * - re-key its copy group when it was the group's original (every other member's duplicate_of) or key (group_id): the
 *   earliest remaining member in stream order takes its place (firstGroupMemberSql), as a step's groupOriginals and
 *   groupMerges write it. The clusterer's choice of an original (a wire copy, an agency named) is not replayed: the
 *   earliest member is the group's original when no copy says otherwise, and a rebuilt stream carries the group on
 *   with a stored original that exists (a copy left pointing at the deleted article would carry none);
 * - recount its story and the group's stories from their members, as a placement write does (an emptied story goes;
 *   a headline whose article is gone moves to the earliest original's title);
 * - move story_state.version, as a placement write does, so every assigner's next step finds its stream stale and
 *   rebuilds it from the store without the article, as a restarted process would. Otherwise a warm stream still
 *   holds the article: a late copy of it would be placed as a copy of an article the store no longer has.
 */
export interface DeletedPlacementRow {
  article_id: string;
  story_id: string;
  group_id: string;
  duplicate_of: string | null;
}

/**
 * The earliest member of copy group `param` in stream order (time, then id in code point order: `collate` is the
 * engine's clause for it, '' on SQLite), both engines' SQL; see DeletedPlacementRow.
 */
export function firstGroupMemberSql(param: string, collate: string): string {
  return `SELECT article_id FROM article_placements WHERE group_id = ${param}
    ORDER BY time_ms, article_id${collate} LIMIT 1`;
}

export const PLACED_COLUMNS = "article_id, story_id, group_id, duplicate_of, source_id, time_ms";

/**
 * Stored ArticleContainment relations (domain/story.ts), the same SQL in both engines (SQLite migration 9, PostgreSQL
 * 8): one row per inner and outer article, gone with either article; the primary key serves lookups by the inner
 * article, the outer index those by the outer one.
 */
export const ARTICLE_CONTAINMENTS_MIGRATION_SQL = `CREATE TABLE article_containments (
  inner_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  outer_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (inner_id, outer_id)
);
CREATE INDEX article_containments_outer ON article_containments (outer_id);`;

/**
 * The columns of a stored stream row past STREAM_COLUMNS (both engines' SQL), over articles `a` LEFT JOIN
 * STORED_STREAM_JOINS: its placement's story and group, the group's first article's time and its original.
 */
export const STORED_STREAM_COLUMNS = `p.story_id, p.group_id, p.late, g.time_ms AS group_time_ms, o.id AS original_id,
  o.source_id AS original_source_id, o.cited_source AS original_cited_source, o.time_ms AS original_time_ms`;
export const STORED_STREAM_JOINS = `LEFT JOIN article_placements p ON p.article_id = a.id
  LEFT JOIN articles g ON g.id = p.group_id
  LEFT JOIN articles o ON o.id = COALESCE(p.duplicate_of, a.id)`;

export interface StoredStreamRowDb extends StreamRowDb {
  group_id: string | null;
  /** SQLite 0/1, PostgreSQL boolean; null without a placement. */
  late: number | boolean | null;
  group_time_ms: number | string | null;
  original_id: string | null;
  original_source_id: string | null;
  original_cited_source: string | null;
  original_time_ms: number | string | null;
}

export function toStoredStreamRow(r: StoredStreamRowDb): StoredStreamRow {
  const group =
    r.group_id === null || r.group_time_ms === null || r.original_id === null || r.original_time_ms === null
      ? null
      : {
          id: r.group_id,
          openedMs: Number(r.group_time_ms),
          original: {
            id: r.original_id,
            sourceId: r.original_source_id!,
            citedSource: r.original_cited_source,
            timeMs: Number(r.original_time_ms),
          },
        };
  return { ...toStreamRow(r), storyId: r.story_id ?? null, group, late: r.late === true || r.late === 1 };
}

export function toStreamRow(r: StreamRowDb): StoryStreamRow {
  return {
    id: r.id,
    sourceId: r.source_id,
    citedSource: r.cited_source,
    title: r.title,
    text: r.text,
    timeMs: r.time_ms,
  };
}

/** A stored placement row with its late flag (SQLite 0/1, PostgreSQL boolean). */
export interface MemberRowDb extends PlacementRowDb {
  late: number | boolean;
}

export function toMember(r: MemberRowDb): StoryMember {
  return { ...toPlaced(r), late: r.late === true || r.late === 1 };
}

export function toPlaced(r: PlacementRowDb): PlacedArticle {
  return {
    articleId: r.article_id,
    storyId: r.story_id,
    groupId: r.group_id,
    duplicateOf: r.duplicate_of,
    sourceId: r.source_id,
    timeMs: r.time_ms,
  };
}

export function toStory(r: StoryRowDb): StoredStory {
  return {
    id: r.id,
    headline: r.headline,
    headlineArticleId: r.headline_article_id,
    articleCount: r.article_count,
    originalCount: r.original_count,
    sources: typeof r.sources === "string" ? (JSON.parse(r.sources) as string[]) : r.sources,
    firstSeenMs: r.first_seen_ms,
    lastUpdateMs: r.last_update_ms,
  };
}

/**
 * A stream snapshot's carry-over as both stores keep it (`stream_snapshots.state`, SQLite migration 11, PostgreSQL
 * 9): JSON, gzipped at level 1 (the term table is most of it, so a snapshot grows with the stream's vocabulary; about
 * 1 MB on the dev corpus). Numbers round-trip exactly through JSON. Both stores' encodeStreamSnapshot; snapshots
 * written before the stores encoded them (by the assigner, 2026-11-30) have these same bytes.
 */
export function toSnapshotBlob(carry: StreamCarryOver): Buffer {
  return gzipSync(JSON.stringify(carry), { level: 1 });
}

/**
 * The carry-over a stored snapshot holds (toSnapshotBlob's inverse). One of another version still parses:
 * StoryStream.restore checks the version and refuses it.
 */
export function fromSnapshotBlob(blob: Uint8Array): StreamCarryOver {
  return JSON.parse(gunzipSync(blob).toString("utf8")) as StreamCarryOver;
}

/** A member the rank reads (RankMember); `late` is SQLite 0/1, a PostgreSQL boolean. */
export interface RankMemberRowDb {
  story_id: string;
  time_ms: number;
  source_id: string;
  late: number | boolean;
}

export function toRankMember(r: RankMemberRowDb): RankMember {
  return {
    storyId: r.story_id,
    timeMs: r.time_ms,
    sourceId: r.source_id,
    late: r.late === true || r.late === 1,
  };
}

/**
 * A rank window (StoryStore.listRankMembers) at most this wide is read whole and capped in JS (keepNewestStories);
 * a wider one picks its candidate stories in SQL first. The home page's 72 h window of the dev corpus: 4,117
 * placements read in 4 ms whole against 10 ms grouped (SQLite, load 12); a three-week window: 94 against 68 ms.
 */
export const RANK_READ_WHOLE_WINDOW_HOURS = 96;

/**
 * StoryStore.listRankMembers in both engines' SQL, as RankMemberRowDb's columns in its order (SQLite reads the rows as
 * arrays). `between` is the engine's condition on a placement's time (used twice, so its parameters are named or
 * numbered), `sourcesFilter` its publisher filter on `story_id`, `limit` its parameter, `collate` its clause for code
 * point order of ids ('' on SQLite), `storyIdTerm` how the second read names `story_id` (SQLite: `+story_id`, so it
 * reads the rank index over the window instead of looking up each story's members, whose index lacks `late`).
 * `whole`: every placement of the window (keepNewestStories caps them); else only those of the `limit` stories with the
 * newest member that is not a late copy, grouped over the rank index. The rank index (SQLite migration 16, PostgreSQL
 * 14) holds every column read: no placement's wide row is read. The rows come in (time, story, outlet) order, so both
 * engines sum a story's weights in one order and its score comes out the same to the last bit.
 */
export function rankMembersSql(
  parts: { between: string; sourcesFilter: string; limit: string; collate: string; storyIdTerm: string },
  whole: boolean,
): string {
  const { between, sourcesFilter, limit, collate, storyIdTerm } = parts;
  const columns = "story_id, time_ms, source_id, late";
  const order = `ORDER BY time_ms, story_id${collate}, source_id${collate}`;
  if (whole)
    return `SELECT ${columns} FROM article_placements WHERE ${between} AND ${sourcesFilter} ${order}`;
  return `WITH candidates AS (
    SELECT story_id FROM article_placements WHERE ${between} AND ${sourcesFilter}
    GROUP BY story_id
    ORDER BY coalesce(max(CASE WHEN NOT late THEN time_ms END), max(time_ms)) DESC, story_id${collate}
    LIMIT ${limit})
  SELECT ${columns} FROM article_placements
  WHERE ${between} AND ${storyIdTerm} IN (SELECT story_id FROM candidates) ${order}`;
}

/** StoryStore.countRankStories in both engines' SQL, `between` and `sourcesFilter` as rankMembersSql's. */
export function countRankStoriesSql(between: string, sourcesFilter: string): string {
  return `SELECT count(DISTINCT story_id) AS n FROM article_placements WHERE ${between} AND ${sourcesFilter}`;
}

/** Whether listRankMembers reads `query`'s window whole (RANK_READ_WHOLE_WINDOW_HOURS). */
export function isNarrowRankWindow(query: { sinceMs?: number; untilMs?: number }): boolean {
  return (
    query.sinceMs !== undefined &&
    query.untilMs !== undefined &&
    query.untilMs - query.sinceMs <= RANK_READ_WHOLE_WINDOW_HOURS * 3_600_000
  );
}

/**
 * The members of the `limit` stories among `members` with the newest member that is not a late copy (the newest
 * member when all are), ties by smaller id in code point order: listRankMembers's cap on a window read whole, in the
 * order read.
 */
export function keepNewestStories(members: readonly RankMember[], limit: number): RankMember[] {
  const last = new Map<string, { counted: number; any: number }>();
  for (const m of members) {
    let t = last.get(m.storyId);
    if (t === undefined) {
      t = { counted: Number.NEGATIVE_INFINITY, any: Number.NEGATIVE_INFINITY };
      last.set(m.storyId, t);
    }
    if (!m.late && m.timeMs > t.counted) t.counted = m.timeMs;
    if (m.timeMs > t.any) t.any = m.timeMs;
  }
  if (last.size <= limit) return [...members];
  const newest = (id: string) => {
    const t = last.get(id)!;
    return t.counted === Number.NEGATIVE_INFINITY ? t.any : t.counted;
  };
  const kept = new Set(
    [...last.keys()].sort((a, b) => newest(b) - newest(a) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit),
  );
  return members.filter((m) => kept.has(m.storyId));
}

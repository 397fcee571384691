/**
 * SqliteSearchIndex: the SearchIndex port on FTS5, ranked by weighted bm25 with an optional freshness prior.
 * Adapter (IO). The index rows are written by SqliteArticleStore in the same transaction as the articles.
 */
import type Database from "better-sqlite3";
import {
  EMPTY_QUERY,
  type QueryTerm,
  type SearchHitRef,
  type SearchQuery,
  type SearchRefs,
  type SearchResultRef,
  type TimeWindow,
} from "../../domain/search.ts";
import type { SearchIndex } from "../../ports/search-index.ts";
import {
  ARTICLE_TEXT_CHARS_MIN,
  FIELD_WEIGHT_BODY,
  FIELD_WEIGHT_SURFACE,
  FIELD_WEIGHT_TITLE,
  PROXIMITY_MULTIPLIER,
  RANK_CANDIDATES_MAX,
  RECENCY_FLOOR,
  RECENCY_HALF_LIFE_DAYS,
  readSearchBounds,
  TEXTLESS_MULTIPLIER,
  TITLE_MATCH_MULTIPLIER,
} from "../search-policy.ts";
import { compileFtsQuery } from "./compile-fts-query.ts";

/** bm25 column weights (title, body, surface): the shared field weights (see search-policy.ts). */
export const BM25_WEIGHT_TITLE = FIELD_WEIGHT_TITLE;
export const BM25_WEIGHT_BODY = FIELD_WEIGHT_BODY;
export const BM25_WEIGHT_SURFACE = FIELD_WEIGHT_SURFACE;

/**
 * FTS5 pages (4,050 bytes at its default pgsz) one step of optimize merges: the event loop waits at most one step.
 * bench/search-compaction-stall.ts on the dev store re-indexed (7 segments), load 13-25 on 2 cores: one 'optimize'
 * statement stalled 4.0-9.6 s; steps of 50/100/200/400/1000 pages stalled at most 80/236/120-353/891/300 ms, their
 * whole merge 1.0-1.5 times as long. 100 keeps a stall to a few hundred ms on a loaded machine.
 */
export const FTS_MERGE_STEP_PAGES = 100;

const DAY_MS = 86_400_000;
const HALF_LIFE_MS = RECENCY_HALF_LIFE_DAYS * DAY_MS;
const BM25 = `bm25(articles_fts, ${BM25_WEIGHT_TITLE}, ${BM25_WEIGHT_BODY}, ${BM25_WEIGHT_SURFACE})`;
/**
 * A rowid bound FTS5 can seek its doclists to. better-sqlite3 binds every JS number as REAL, and FTS5 uses a rowid
 * bound to skip only when it is an INTEGER (fts5GetRowidLimit in fts5_main.c); a REAL bound is checked row by row
 * after walking every match. Measured on the dev corpus: a neighbours search 13% less CPU with the cast.
 */
const rowidBound = (param: string) => `CAST(${param} AS INTEGER)`;
// The title subquery is not correlated: SQLite runs it once per statement and probes its rowid set per row.
const TITLE_FACTOR = `(CASE WHEN articles_fts.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @title) THEN ${TITLE_MATCH_MULTIPLIER}.0 ELSE 1.0 END)`;
// Articles without text, listed once per statement from their partial index (migration 15, whose predicate this
// repeats; the planner takes it, contract suite).
export const TEXTLESS_SEQS = `SELECT seq FROM articles WHERE length(text) < ${ARTICLE_TEXT_CHARS_MIN}`;
const TEXTLESS_FACTOR = `(CASE WHEN articles_fts.rowid IN (${TEXTLESS_SEQS}) THEN ${TEXTLESS_MULTIPLIER} ELSE 1.0 END)`;
/** A match's bm25 (higher is better) times the title and text factors. */
const MATCH_SCORE = `-${BM25} * ${TITLE_FACTOR} * ${TEXTLESS_FACTOR}`;
// Once per statement like the title set: the matches whose loose words stand within the proximity window.
const PROXIMITY_FACTOR = `(CASE WHEN articles_fts.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @near) THEN ${PROXIMITY_MULTIPLIER} ELSE 1.0 END)`;
/** MATCH_SCORE, times the proximity factor when the query has a proximity to rank by. */
const matchScore = (f: Filters) => `${MATCH_SCORE}${f.near === null ? "" : ` * ${PROXIMITY_FACTOR}`}`;
// Matches are joined to their articles through the narrow seq-keyed index (migration 5), never the wide table rows;
// the planner would take the table's rowid, so the index is named.
const KEYS = "articles a INDEXED BY articles_seq_keys";
/** Matches counted by copy group over a join with article_groups `g`: every ungrouped match once, each group once. */
const GROUP_COUNT = "count(*) - count(g.group_id) + count(DISTINCT g.group_id)";
/**
 * Span matches joined to their rows per neighbour asked, best first. The seq span holds the window's articles and
 * few others (none on the dev corpus, imported in time order), so twice `limit` nearly always holds `limit` in the
 * window; joining only those instead of every match (1,600 on average for a title's words) took 15-20% off a
 * neighbours search on 300 dev anchors, the same hits. Fewer in the window than asked: every match is tested again.
 */
const NEIGHBOURS_RANKED_PER_HIT = 2;
/**
 * A folded page first reads this many ranked rows per group it must reach (offset + limit), and every ranked row only
 * when those fold into too few groups: on the dev store with stories, 1 of the 60 bench queries' first pages of 20
 * needed the second read, and returning the whole ranking window (500 rows) instead cost 0.4 ms more CPU per search.
 */
const FOLD_ROWS_PER_HIT = 2;
/**
 * Index rows a newest-first walk passes for the cost of joining and sorting one match (#walksNewest). Measured on the
 * dev store (27,454 articles): the walk took 2.1 ms over the whole time index (0.075 µs a row, a rare query), the
 * join-and-sort 13 ms for the 3,640 matches of السعودية (3.6 µs a match).
 */
const NEWEST_WALK_ROWS_PER_MATCH = 48;
const RECENCY_FACTOR = `(${RECENCY_FLOOR} + ${1 - RECENCY_FLOOR} * exp(-0.6931471805599453 * max(0, @ref - a.time_ms) / ${HALF_LIFE_MS}.0))`;

interface Filters {
  match: string | null;
  /** CompiledQuery.near: null where nothing is scored (counts, facets). */
  near: string | null;
  filter: string | null;
  title: string | null;
  excluded: string | null;
  sources: string | null;
  from: number | null;
  to: number | null;
  ref: number;
  floor: number;
  limit: number;
  offset: number;
}

type Params = Partial<Filters>;

export class SqliteSearchIndex implements SearchIndex {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #newest: Database.Statement<[], { t: number | null }>;
  readonly #seqMax: Database.Statement<[], { n: number | null }>;
  readonly #floor: Database.Statement<{ filter: string; cap: number }, { rowid: number }>;
  readonly #seqSpan: Database.Statement<
    { from: number; to: number },
    { lo: number | null; hi: number | null }
  >;
  readonly #neighbours: Database.Statement<
    { filter: string; lo: number; hi: number; from: number; to: number; ranked: number; limit: number },
    SearchHitRef
  >;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#newest = db.prepare("SELECT max(time_ms) AS t FROM articles");
    // The article count's upper bound, from the end of the rowid b-tree (deletions leave gaps).
    this.#seqMax = db.prepare("SELECT max(seq) AS n FROM articles");
    // FTS5 walks doclists in rowid order without computing bm25: about 0.1 µs per match.
    this.#floor = db.prepare(
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH @filter ORDER BY rowid DESC LIMIT 1 OFFSET @cap",
    );
    // The window's seq span from the time index (rowid rides along: no table row read). Seqs follow arrival, so
    // for news they track time and the span holds little besides the window; the time test below stays exact.
    this.#seqSpan = db.prepare(
      "SELECT min(seq) AS lo, max(seq) AS hi FROM articles INDEXED BY articles_time_id WHERE time_ms BETWEEN @from AND @to",
    );
    // A rowid range on an FTS5 MATCH reads only that stretch of each doclist, so bm25 is computed for the window's
    // matches alone, however many newer articles share the words. Only the best @ranked of them (-1: all) are joined
    // to their rows for the time test.
    this.#neighbours = db.prepare(
      `SELECT a.id, r.score FROM (
         SELECT rowid, -${BM25} AS score FROM articles_fts
         WHERE articles_fts MATCH @filter AND rowid BETWEEN ${rowidBound("@lo")} AND ${rowidBound("@hi")}
         ORDER BY score DESC, rowid DESC LIMIT @ranked
       ) r JOIN ${KEYS} ON a.seq = r.rowid
       WHERE a.time_ms BETWEEN @from AND @to ORDER BY r.score DESC, r.rowid DESC LIMIT @limit`,
    );
  }

  /**
   * Runs a query. With terms or phrases: matches ranked by bm25 (higher score is better), ties newest first; with
   * sort `date`, every match newest first. With no positive term (only filters and exclusions, or nothing): browsing,
   * the newest matching articles first. Newest first, the score is the article's time in days since 1970. `total`
   * counts every match after filters (copy groups with `foldCopies`).
   */
  async search(query: SearchQuery): Promise<SearchRefs> {
    return query.foldCopies === true ? this.#runFolded(query) : this.#run(query);
  }

  /**
   * bm25 over the terms' membership expressions (stems in title/body, else the surface form), ORed, for the
   * matches whose seq lies in the window's seq span and whose time lies in the window.
   */
  async searchNeighbours(
    terms: readonly QueryTerm[],
    window: TimeWindow,
    limit: number,
  ): Promise<SearchHitRef[]> {
    const filters = new Set<string>();
    for (const term of terms) {
      const { filter } = compileFtsQuery({ ...EMPTY_QUERY, terms: [term] });
      if (filter !== null) filters.add(filter);
    }
    if (filters.size === 0 || limit <= 0 || window.fromMs > window.toMs) return [];
    const bounds = { from: window.fromMs, to: window.toMs };
    const { lo, hi } = this.#seqSpan.get(bounds) ?? { lo: null, hi: null };
    if (lo === null || hi === null) return [];
    const params = { filter: [...filters].join(" OR "), lo, hi, ...bounds, limit };
    // The window's hits are a subsequence of the span's matches in rank order, so when the best few matches hold
    // `limit` of them those are the first `limit`; else every match is tested.
    const hits = this.#neighbours.all({ ...params, ranked: limit * NEIGHBOURS_RANKED_PER_HIT });
    return hits.length === limit ? hits : this.#neighbours.all({ ...params, ranked: -1 });
  }

  #run(query: SearchQuery): SearchRefs {
    const { match, excluded, title, filter, near } = compileFtsQuery(query);
    const f = { ...toFilters(query, match, excluded, title, filter), near };
    const recency = query.recency && match !== null && query.sort !== "date";
    if (recency) f.ref = this.#newest.get()?.t ?? 0;

    const where = filterSql(f);
    const params = paramsOf(f);
    let countSql: string;
    let pageSql: string;
    // Set when the page statement also counts every filtered match (a window count over rows it visits anyway).
    let pageCounts = false;
    // Set when the page lies past the ranking window of an unfiltered search (see below): it needs the window's floor.
    let deep = false;
    // Every match newest first: counted as the ranked search counts, the page's plan chosen by that count (below).
    let newest: ((walk: boolean) => string) | null = null;
    if (match === null) {
      const notExcluded = notExcludedSql(f);
      countSql = `SELECT count(*) AS n FROM articles a WHERE 1${where}${notExcluded}`;
      pageSql = `SELECT a.id, a.time_ms / ${DAY_MS}.0 AS score FROM articles a WHERE 1${where}${notExcluded}
        ORDER BY a.time_ms DESC, a.seq DESC LIMIT @limit OFFSET @offset`;
    } else if (query.sort === "date") {
      countSql =
        where === ""
          ? "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH @filter"
          : `SELECT count(*) AS n ${newestMatchesFrom(where, "", false)}`;
      pageSql = "";
      newest = (walk) => `SELECT a.id, a.time_ms / ${DAY_MS}.0 AS score ${newestMatchesFrom(where, "", walk)}
        ORDER BY a.time_ms DESC, a.seq DESC LIMIT @limit OFFSET @offset`;
    } else if (where === "") {
      // No filter: count in FTS5 alone, rank inside FTS5 (capped), then look up only the page's rows.
      countSql = "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH @filter";
      // Pages inside the ranking window rank only the window: FTS5 walks the matches newest first and stops after
      // the window, so no floor is looked up for them. A deeper page lists the whole window (rowid > @floor) first
      // and then the older matches, each part by score, so paging meets every counted match exactly once.
      deep = f.offset + f.limit > RANK_CANDIDATES_MAX;
      const ranked = `SELECT rowid, ${matchScore(f)} AS bm FROM articles_fts WHERE articles_fts MATCH @match
          ${deep ? "" : `ORDER BY rowid DESC LIMIT ${RANK_CANDIDATES_MAX}`}`;
      const order = `${deep ? "(r.rowid > @floor) DESC, " : ""}score DESC, r.rowid DESC`;
      // The freshness prior needs every candidate's time; without it only the page's rows are looked up.
      pageSql = recency
        ? `SELECT a.id, r.bm * ${RECENCY_FACTOR} AS score FROM (${ranked}) r JOIN ${KEYS} ON a.seq = r.rowid
          ORDER BY ${order} LIMIT @limit OFFSET @offset`
        : `SELECT a.id, r.score FROM (
            SELECT r.rowid, r.bm AS score FROM (${ranked}) r ORDER BY ${order} LIMIT @limit OFFSET @offset
          ) r JOIN ${KEYS} ON a.seq = r.rowid ORDER BY ${order}`;
    } else {
      // MATERIALIZED keeps the planner from scanning articles and re-running the MATCH for every row.
      countSql = `WITH m AS MATERIALIZED (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @filter)
        SELECT count(*) AS n FROM m JOIN ${KEYS} ON a.seq = m.rowid WHERE 1${where}`;
      // Every filtered match is joined and scored before the sort, so counting them there saves the count query's
      // own walk and row lookups (a third of a filtered search on the dev corpus).
      // CROSS JOIN keeps FTS5 the outer loop, so bm25 is computed only for the matches the filters keep (a third less
      // CPU for a one-source search on the dev corpus); the window count runs over the materialized rows, where
      // bm25 could not be called.
      const score = `${matchScore(f)}${recency ? ` * ${RECENCY_FACTOR}` : ""}`;
      pageSql = `WITH m AS MATERIALIZED (
          SELECT a.id, a.seq, ${score} AS score FROM articles_fts CROSS JOIN ${KEYS} ON a.seq = articles_fts.rowid
          WHERE articles_fts MATCH @match${where})
        SELECT id, score, count(*) OVER () AS n FROM m ORDER BY score DESC, seq DESC LIMIT @limit OFFSET @offset`;
      pageCounts = true;
    }
    if (pageCounts && f.limit > 0) {
      const rows = this.#prepare(pageSql).all(params) as (SearchHitRef & { n: number })[];
      // An empty page past the first says nothing about the total: count as usual then.
      if (rows.length > 0 || f.offset === 0) {
        const hits = rows.map(({ id, score }) => ({ id, score }));
        return { total: rows[0]?.n ?? 0, hits };
      }
    }
    const total = (this.#prepare(countSql).get(params) as { n: number }).n;
    if (deep && f.filter !== null && total > RANK_CANDIDATES_MAX) {
      params.floor = this.#floor.get({ filter: f.filter, cap: RANK_CANDIDATES_MAX })?.rowid ?? 0;
    }
    if (newest !== null) pageSql = newest(this.#walksNewest(where, total, f.offset + f.limit));
    const empty = f.limit === 0 || total <= f.offset || pageCounts;
    const hits = empty ? [] : (this.#prepare(pageSql).all(params) as SearchHitRef[]);
    return { total, hits };
  }

  /**
   * One hit per copy group, in the order #run lists articles (a group where its best-ranked match is), paged over
   * groups, each with its other matches. Matches are looked up in article_groups by seq (migration 14: members of
   * groups of two or more); the ranked matches are folded here, so SQL sorts only what #run sorts. A broad query's
   * page is ranked inside the ranking window unless it reaches past the window's groups (then every match is, the
   * window's groups first).
   */
  #runFolded(query: SearchQuery): SearchRefs {
    const { match, excluded, title, filter, near } = compileFtsQuery(query);
    const f = { ...toFilters(query, match, excluded, title, filter), near };
    const byDate = query.sort === "date" || match === null;
    const recency = query.recency && !byDate;
    if (recency) f.ref = this.#newest.get()?.t ?? 0;
    const where = filterSql(f);
    const params: Params & { rows?: number } = paramsOf(f);
    const reach = f.offset + f.limit;
    const windowed = !byDate && where === "";
    const score = `${matchScore(f)}${recency ? ` * ${RECENCY_FACTOR}` : ""}`;
    // Groups among matches: an article outside article_groups is one of its own.
    // `ranked(deep)`: matches in #run's order (seq, grp, w = in the ranking window, score), at most @rows (-1: all);
    // `counted`: the total (its statement, or its number when already counted), or null when `ranked` holds every match.
    let ranked: (deep: boolean) => string;
    let counted: string | number | null;
    if (match === null) {
      const from = `FROM articles a LEFT JOIN article_groups g ON g.seq = a.seq WHERE 1${where}${notExcludedSql(f)}`;
      ranked = () => `SELECT a.seq, g.group_id AS grp, 1 AS w, a.time_ms / ${DAY_MS}.0 AS score ${from}
        ORDER BY a.time_ms DESC, a.seq DESC LIMIT @rows`;
      counted = `SELECT ${GROUP_COUNT} AS n ${from}`;
    } else if (byDate) {
      // Every match newest first: counted first (as the ranked search counts), which chooses the page's plan.
      const groups = "LEFT JOIN article_groups g ON g.seq = a.seq";
      const count = (
        this.#prepare(
          where === ""
            ? `SELECT ${GROUP_COUNT} AS n FROM articles_fts LEFT JOIN article_groups g ON g.seq = articles_fts.rowid
              WHERE articles_fts MATCH @filter`
            : `SELECT ${GROUP_COUNT} AS n ${newestMatchesFrom(where, groups, false)}`,
        ).get(params) as { n: number }
      ).n;
      const walk = this.#walksNewest(where, count, FOLD_ROWS_PER_HIT * reach);
      ranked = () => `SELECT a.seq, g.group_id AS grp, 1 AS w, a.time_ms / ${DAY_MS}.0 AS score
        ${newestMatchesFrom(where, groups, walk)} ORDER BY a.time_ms DESC, a.seq DESC LIMIT @rows`;
      counted = count;
    } else if (windowed) {
      // As #run: the newest RANK_CANDIDATES_MAX matches ranked (FTS5 walks newest first and stops), counted through
      // the cheaper membership expression; deep, every match ranked, the window's first.
      const rows = recency ? ` CROSS JOIN ${KEYS} ON a.seq = articles_fts.rowid` : "";
      ranked = (deep) => `SELECT s.seq, g.group_id AS grp, s.w, s.score FROM (
          SELECT articles_fts.rowid AS seq, ${deep ? "(articles_fts.rowid > @floor)" : "1"} AS w, ${score} AS score
          FROM articles_fts${rows} WHERE articles_fts MATCH @match
          ${deep ? "" : `ORDER BY articles_fts.rowid DESC LIMIT ${RANK_CANDIDATES_MAX}`}
        ) s LEFT JOIN article_groups g ON g.seq = s.seq ORDER BY s.w DESC, s.score DESC, s.seq DESC LIMIT @rows`;
      counted = `SELECT ${GROUP_COUNT} AS n FROM articles_fts LEFT JOIN article_groups g ON g.seq = articles_fts.rowid
        WHERE articles_fts MATCH @filter`;
    } else {
      // As #run: every filtered match ranked (CROSS JOIN keeps FTS5 the outer loop), all of them read here.
      ranked = () => `SELECT articles_fts.rowid AS seq, g.group_id AS grp, 1 AS w, ${score} AS score
        FROM articles_fts CROSS JOIN ${KEYS} ON a.seq = articles_fts.rowid
        LEFT JOIN article_groups g ON g.seq = articles_fts.rowid WHERE articles_fts MATCH @match${where}
        ORDER BY score DESC, articles_fts.rowid DESC LIMIT @rows`;
      counted = null;
    }
    type Ranked = { seq: number; grp: string | null; w: number; score: number };
    // The best-ranked match of each group, in rank order, from `rows` in rank order.
    const fold = (rows: Ranked[]) => {
      const seen = new Set<string>();
      const out: Ranked[] = [];
      for (const row of rows) {
        if (row.grp !== null && seen.has(row.grp)) continue;
        if (row.grp !== null) seen.add(row.grp);
        out.push(row);
      }
      return out;
    };
    const rank = (deep: boolean, rows: number) => {
      if (deep && f.filter !== null)
        params.floor = this.#floor.get({ filter: f.filter, cap: RANK_CANDIDATES_MAX })?.rowid ?? 0;
      return this.#prepare(ranked(deep)).all({ ...params, rows }) as Ranked[];
    };
    // Pages past the window's reach rank every match at once. The first read stops at FOLD_ROWS_PER_HIT rows per
    // group asked for, except a filtered search's, which counts its groups from every match it ranks anyway.
    let deep = windowed && reach > RANK_CANDIDATES_MAX;
    const firstRows = counted === null ? -1 : FOLD_ROWS_PER_HIT * reach;
    const rows = rank(deep, firstRows);
    let reps = fold(rows);
    if (firstRows >= 0 && rows.length === firstRows && reps.length < reach) reps = fold(rank(deep, -1));
    const total =
      counted === null
        ? reps.length
        : typeof counted === "number"
          ? counted
          : (this.#prepare(counted).get(params) as { n: number }).n;
    // The window's groups ran out before the page did: rank the older matches too.
    if (windowed && !deep && reps.length < reach && reps.length < total) {
      deep = true;
      reps = fold(rank(deep, -1));
    }
    const page = reps.slice(f.offset, reach);
    if (page.length === 0) return { total, hits: [] };
    const idOf = new Map(
      (
        this.#prepare(
          `SELECT a.seq, a.id FROM ${KEYS} WHERE a.seq IN (SELECT value FROM json_each(@seqs))`,
        ).all({ seqs: JSON.stringify(page.map((row) => row.seq)) }) as { seq: number; id: string }[]
      ).map((row) => [row.seq, row.id]),
    );
    const hits: SearchResultRef[] = page.map((row) => ({
      id: idOf.get(row.seq)!,
      score: row.score,
      copies: [],
    }));
    // Copies: the other members of the page's groups that match, wherever they rank, earliest first.
    const grouped = new Map<string, SearchResultRef>();
    page.forEach((row, i) => {
      if (row.grp !== null) grouped.set(row.grp, hits[i]!);
    });
    if (grouped.size > 0) {
      const member =
        f.filter === null
          ? `${where}${notExcludedSql(f)}`
          : ` AND EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH @filter AND rowid = g.seq)${where}`;
      const copies = this.#prepare(
        `SELECT g.group_id AS grp, a.id FROM article_groups g INDEXED BY article_groups_group
          JOIN ${KEYS} ON a.seq = g.seq
          WHERE g.group_id IN (SELECT value FROM json_each(@groups))
            AND g.seq NOT IN (SELECT value FROM json_each(@reps))${member}
          ORDER BY a.time_ms, a.seq`,
      ).all({
        ...paramsOf(f),
        groups: JSON.stringify([...grouped.keys()]),
        reps: JSON.stringify(page.map((row) => row.seq)),
      }) as { grp: string; id: string }[];
      for (const copy of copies) grouped.get(copy.grp)?.copies?.push(copy.id);
    }
    return { total, hits };
  }

  async countBySource(query: SearchQuery): Promise<Map<string, number>> {
    const { match, excluded, title, filter } = compileFtsQuery(query);
    const f = toFilters({ ...query, sources: [], limit: 0, offset: 0 }, match, excluded, title, filter);
    const where = filterSql(f);
    // Folded: a source's copy groups among its matches, what a search of that source alone counts as its total.
    const fold = query.foldCopies === true;
    const n = fold ? GROUP_COUNT : "count(*)";
    const groups = fold ? " LEFT JOIN article_groups g ON g.seq = a.seq" : "";
    let sql: string;
    if (f.filter === null) {
      sql = `SELECT a.source_id AS source, ${n} AS n FROM articles a${groups} WHERE 1${where}${notExcludedSql(f)}
        GROUP BY a.source_id`;
    } else {
      // One walk of the matches and one row lookup each, instead of one count query per source.
      sql = `WITH m AS MATERIALIZED (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @filter)
        SELECT a.source_id AS source, ${n} AS n FROM m JOIN ${KEYS} ON a.seq = m.rowid${groups} WHERE 1${where}
        GROUP BY a.source_id`;
    }
    const counts = new Map<string, number>();
    for (const row of this.#prepare(sql).all(paramsOf(f)) as { source: string; n: number }[])
      counts.set(row.source, row.n);
    return counts;
  }

  /**
   * Merges every index segment into one, as FTS5 'optimize' does. A bulk import leaves several (9 on the dev corpus),
   * and each query term's doclist is read from each of them. 'optimize' took 1.6 s for the 27k-article dev corpus in
   * one statement, which held `serve`'s event loop (the compaction after its background re-index) for all of it: so
   * FTS5 'merge' steps of `stepPages` pages each, their own write transaction, a macrotask between them, until a step
   * changes nothing. The first step's budget is negative (every segment put on one level, so the merge ends with one),
   * later ones positive (a segment another write adds meanwhile does not restart it). sqlite.org/fts5.html "The 'merge'
   * Command".
   */
  async optimize(stepPages: number = FTS_MERGE_STEP_PAGES): Promise<void> {
    const merge = this.#db.prepare<[number]>(
      "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', ?)",
    );
    const totalChanges = this.#db.prepare<[], number>("SELECT total_changes()").pluck();
    for (let pages = -stepPages; ; pages = stepPages) {
      const before = totalChanges.get()!;
      merge.run(pages);
      // Fewer than two rows written: nothing was left to merge (the documented end test).
      if (totalChanges.get()! - before < 2) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Whether a newest-first page of an unfiltered query with `total` matches, `rows` deep, walks the time index
   * (newestMatchesFrom): it passes about rows × articles / total index rows, each NEWEST_WALK_ROWS_PER_MATCH times
   * cheaper than joining and sorting one match, which the other plan does for every match.
   */
  #walksNewest(where: string, total: number, rows: number): boolean {
    if (where !== "" || total === 0) return false;
    const articles = this.#seqMax.get()?.n ?? 0;
    return (rows * articles) / total < NEWEST_WALK_ROWS_PER_MATCH * total;
  }

  #prepare(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }
}

function toFilters(
  query: SearchQuery,
  match: string | null,
  excluded: string | null,
  title: string | null,
  filter: string | null,
): Filters {
  const { sources, ...bounds } = readSearchBounds(query);
  return {
    ...bounds,
    match,
    filter,
    title,
    excluded,
    sources: sources === null ? null : JSON.stringify(sources),
    ref: 0,
    floor: 0,
    near: null,
  };
}

/** Browsing with exclusions: articles matching none of the excluded terms (one FTS5 lookup, not per row). */
function notExcludedSql(f: Filters): string {
  return f.excluded === null
    ? ""
    : " AND a.seq NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @excluded)";
}

/**
 * The FROM and WHERE of a search's matches listed newest first (sort date), `join` joined to each. `walk`: the time
 * index walked newest first, each row looked up in the matches (one FTS5 walk into a hashed rowid set), stopping at
 * the page; for an unfiltered query (that index holds no source). Else every match joined (FTS5 the outer loop) to
 * its narrow row and sorted.
 */
function newestMatchesFrom(where: string, join: string, walk: boolean): string {
  return walk
    ? `FROM articles a INDEXED BY articles_time_id ${join}
      WHERE a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @filter)`
    : `FROM articles_fts CROSS JOIN ${KEYS} ON a.seq = articles_fts.rowid ${join}
      WHERE articles_fts MATCH @filter${where}`;
}

function filterSql(f: Filters): string {
  let sql = "";
  if (f.sources !== null) sql += " AND a.source_id IN (SELECT value FROM json_each(@sources))";
  if (f.from !== null) sql += " AND a.time_ms >= @from";
  if (f.to !== null) sql += " AND a.time_ms < @to";
  return sql;
}

/** better-sqlite3 refuses named parameters a statement does not use, so pass only the ones set. */
function paramsOf(f: Filters): Params {
  const p: Params = { limit: f.limit, offset: f.offset, ref: f.ref, floor: f.floor };
  if (f.match !== null) p.match = f.match;
  if (f.filter !== null) p.filter = f.filter;
  if (f.title !== null) p.title = f.title;
  if (f.near !== null) p.near = f.near;
  if (f.excluded !== null) p.excluded = f.excluded;
  if (f.sources !== null) p.sources = f.sources;
  if (f.from !== null) p.from = f.from;
  if (f.to !== null) p.to = f.to;
  return p;
}

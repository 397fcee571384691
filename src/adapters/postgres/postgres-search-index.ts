/**
 * PostgresSearchIndex: the SearchIndex port on a GIN-indexed tsvector, ranked by weighted ts_rank with the
 * shared title boost and freshness prior (search-policy.ts). Adapter (IO). One statement per search returns the
 * total and the page; the rows are written by PostgresArticleStore in the same transaction as the articles.
 */
import type pg from "pg";
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
import { SURFACE_LEXEME_PREFIX } from "./build-doc-vector.ts";
import { compileTsquery, type TsQueryText } from "./compile-tsquery.ts";
import { readTsqueryShape } from "./read-tsquery-shape.ts";
import { quoteLexeme } from "./split-lexemes.ts";

/**
 * ts_rank weights {D, C, B, A} = {unused, surface, body, title}: the shared field weights scaled into 0..1, the
 * range ts_rank accepts ("weight out of range" otherwise).
 */
const WEIGHT_SCALE = Math.max(FIELD_WEIGHT_TITLE, FIELD_WEIGHT_BODY, FIELD_WEIGHT_SURFACE);
const SURFACE_WEIGHT = FIELD_WEIGHT_SURFACE / WEIGHT_SCALE;
const BODY_WEIGHT = FIELD_WEIGHT_BODY / WEIGHT_SCALE;
const TITLE_WEIGHT = FIELD_WEIGHT_TITLE / WEIGHT_SCALE;
const TS_RANK_WEIGHTS = `'{0, ${SURFACE_WEIGHT}, ${BODY_WEIGHT}, ${TITLE_WEIGHT}}'::float4[]`;

/**
 * The most one title stem can add to ts_rank's per-lexeme sum, over its weight: its title positions come first,
 * so with the title weight at least the body weight the first position is the heaviest and the sum stays below it;
 * were the title lighter, a heavier later position can lift the sum to (1 + π²/6) / (π²/6) ≈ 1.61 of its weight.
 */
const TITLE_LEXEME_WEIGHT_MAX =
  TITLE_WEIGHT >= BODY_WEIGHT ? TITLE_WEIGHT : BODY_WEIGHT * (1 + 6 / Math.PI ** 2);

/**
 * Relative headroom on the score bound: ts_rank works in float4 (about 6e-8 relative error per step) and its
 * weights arrive as float4, so a bound computed in float8 could sit a rounding step below the score it bounds.
 */
const SCORE_BOUND_SLACK = 1e-6;

/**
 * ts_rank normalization 1: divide by 1 + ln(document length), bm25's length normalization in spirit, so of two
 * equally matching articles the shorter (more focused) one ranks first, as with FTS5 (contract suite: recency).
 */
const TS_RANK_NORMALIZATION = 1;

/**
 * The document length (doc_length) an article without text is ranked at: the dev corpus's mean over articles (585
 * positions, title, body and surface forms). ts_rank's normalization divides by log2(length + 1), which lifts a
 * headline's ten-position document 2.7 times above a typical article's, far more than bm25's saturating length term
 * lifts it in FTS5 (about 1.2 times); measured at this length first, the headline then takes TEXTLESS_MULTIPLIER as
 * in SQLite.
 */
const TEXTLESS_DOC_LENGTH = 585;

const DAY_MS = 86_400_000;

/**
 * A folded page's bound-ranked first pass scores this many candidates per group it must reach (offset + limit), so
 * that it nearly always holds that many groups and its floor holds; otherwise every candidate is scored. 2: a page
 * rarely folds more than every second match.
 */
const FOLD_TOP_PER_HIT = 2;
const HALF_LIFE_MS = RECENCY_HALF_LIFE_DAYS * DAY_MS;

interface Filters {
  sources: string[] | null;
  from: number | null;
  to: number | null;
  limit: number;
  offset: number;
}

/**
 * A match's copy group by seq (article_groups, migration 12: members of groups of two or more); an article without a
 * row is a group of its own, so groups among rows `t` number count(*) - count(gid) + count(DISTINCT gid).
 */
const GROUP_JOIN = " LEFT JOIN article_groups g ON g.seq = s.seq";
const groupCount = (gid: string) => `count(*) - count(${gid}) + count(DISTINCT ${gid})`;

interface FoldedRow {
  total: number;
  id: string | null;
  score: number | null;
  /** The group's best-ranked match (its hit); false for the group's other matches (its copies). */
  rep: boolean | null;
}

interface ResultRow {
  total: number;
  id: string | null;
  score: number | null;
}

export class PostgresSearchIndex implements SearchIndex {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * Runs a query. With terms or phrases: matches ranked by ts_rank (higher score is better), ties newest first; with
   * sort `date`, every match newest first. With no positive term (only filters and exclusions, or nothing): browsing,
   * the newest matching articles first. Newest first, the score is the article's time in days since 1970. `total`
   * counts every match after filters (copy groups with `foldCopies`).
   */
  async search(query: SearchQuery): Promise<SearchRefs> {
    const { match, excluded, title, near } = compileTsquery(query);
    const f: Filters = readSearchBounds(query);
    const byDate = query.sort === "date" && match !== null;
    if (query.foldCopies === true)
      return this.#searchFolded(f, { match, excluded, title, near }, query.recency, byDate);
    const { params, param } = newParams();
    const sql =
      match === null
        ? browseSql(f, excluded, param)
        : byDate
          ? newestMatchesSql(f, match, param)
          : matchSql(f, match, { title, near }, query.recency, param);
    const { rows } = await this.#pool.query<ResultRow>(sql, params);
    const total = rows[0]?.total ?? 0;
    const hits = [];
    for (const row of rows)
      if (row.id !== null && row.score !== null) hits.push({ id: row.id, score: row.score });
    return { total, hits };
  }

  /**
   * One hit per copy group, in the order `search` lists articles (a group where its best-ranked match is), paged over
   * groups, each with its other matches. A broad query's page is first ranked inside the ranking window; a page
   * that reaches past the window's groups is ranked again over every match (`deep`), the window's groups first.
   */
  async #searchFolded(
    f: Filters,
    { match, excluded, title, near }: TsQueryText,
    recency: boolean,
    byDate: boolean,
  ): Promise<SearchRefs> {
    const run = async (deep: boolean) => {
      const { params, param } = newParams();
      const sql =
        match === null || byDate
          ? foldedBrowseSql(f, match, excluded, param)
          : foldedMatchSql(f, match, { title, near }, recency, deep, param);
      return (await this.#pool.query<FoldedRow>(sql, params)).rows;
    };
    const windowed = match !== null && !byDate && !hasFilters(f);
    let deep = windowed && f.offset + f.limit > RANK_CANDIDATES_MAX;
    let rows = await run(deep);
    const total = rows[0]?.total ?? 0;
    const listed = rows.filter((row) => row.rep === true).length;
    if (windowed && !deep && listed < f.limit && f.offset + listed < total) {
      deep = true;
      rows = await run(deep);
    }
    const hits: SearchResultRef[] = [];
    for (const row of rows) {
      if (row.id === null) continue;
      if (row.rep === true) hits.push({ id: row.id, score: row.score ?? 0, copies: [] });
      else hits.at(-1)?.copies?.push(row.id);
    }
    return { total, hits };
  }

  /**
   * ts_rank (no title boost) over the terms' tsqueries ORed, for the matches inside the window: the GIN bitmap
   * gives every match, the time test runs on the narrow row, and only in-window matches have their vectors read.
   * The planner is kept off the sequential scan, which it costs as cheap (article_search's heap is narrow) but
   * which tests `doc @@` on every row and so reads every article's out-of-line vector: on the dev corpus (27,455
   * articles, 300 anchors x 2 rounds, load 10) it chose that scan for frequent title words: p95 609 ms, 124 ms kept
   * on the GIN path (p50 43 ms both, the same hits).
   */
  async searchNeighbours(
    terms: readonly QueryTerm[],
    window: TimeWindow,
    limit: number,
  ): Promise<SearchHitRef[]> {
    const alternatives = new Set<string>();
    for (const term of terms) {
      const { match } = compileTsquery({ ...EMPTY_QUERY, terms: [term] });
      if (match !== null) alternatives.add(`(${match})`);
    }
    if (alternatives.size === 0 || limit <= 0 || window.fromMs > window.toMs) return [];
    const { params, param } = newParams();
    const q = param([...alternatives].join(" | "), "tsquery");
    const sql = `SELECT a.id, r.score FROM (
         SELECT seq, ts_rank(${TS_RANK_WEIGHTS}, doc, ${q}, ${TS_RANK_NORMALIZATION})::float8 AS score
         FROM article_search
         WHERE doc @@ ${q} AND time_ms BETWEEN ${param(window.fromMs, "bigint")} AND ${param(window.toMs, "bigint")}
         ORDER BY score DESC, seq DESC LIMIT ${param(Math.floor(limit), "int")}
       ) r JOIN articles a ON a.seq = r.seq ORDER BY r.score DESC, r.seq DESC`;
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN READ ONLY");
      await client.query("SET LOCAL enable_seqscan = off");
      const { rows } = await client.query<{ id: string; score: number }>(sql, params);
      await client.query("COMMIT");
      return rows.map((row) => ({ id: row.id, score: row.score }));
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async countBySource(query: SearchQuery): Promise<Map<string, number>> {
    const { match, excluded } = compileTsquery(query);
    const f: Filters = { ...readSearchBounds(query), sources: null };
    const { params, param } = newParams();
    // article_search carries source_id and time_ms: one GIN lookup, grouped, no article row read unless folding.
    const positive = match === null ? "" : ` AND s.doc @@ ${param(match, "tsquery")}`;
    const notExcluded =
      match !== null || excluded === null
        ? ""
        : ` AND s.seq NOT IN (SELECT seq FROM article_search WHERE doc @@ ${param(excluded, "tsquery")})`;
    // Folded: a source's copy groups among its matches, what a search of that source alone counts as its total.
    const fold = query.foldCopies === true;
    const sql = `SELECT s.source_id, ${fold ? groupCount("g.group_id") : "count(*)"}::int AS n
      FROM article_search s${fold ? GROUP_JOIN : ""}
      WHERE true${positive}${filterSql(f, "s", param)}${notExcluded} GROUP BY s.source_id`;
    const { rows } = await this.#pool.query<{ source_id: string; n: number }>(sql, params);
    return new Map(rows.map((row) => [row.source_id, row.n]));
  }
}

type Param = (value: unknown, type: string) => string;

/** A statement's parameter list and the function that appends a typed value and returns its placeholder. */
function newParams(): { params: unknown[]; param: Param } {
  const params: unknown[] = [];
  const param: Param = (value, type) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  return { params, param };
}

/** The boosts of a match's score besides ts_rank: the title match and the proximity of the loose words. */
interface Boosts {
  title: string | null;
  near: string | null;
}

/**
 * A match's ranking, shared by matchSql and foldedMatchSql: the tsquery parameter, the row's score (ts_rank times the
 * title, text, recency and proximity factors) and those factors' upper bound from the narrow row (for boundSql: the
 * proximity factor at its most, as telling it reads the vector). Binds the match, then the title, in that order.
 */
function rankingSql(
  match: string,
  { title, near }: Boosts,
  recency: boolean,
  param: Param,
): { q: string; score: string; factors: string } {
  const q = param(match, "tsquery");
  const titleFactor =
    title === null
      ? ""
      : ` * (CASE WHEN s.title @@ ${param(title, "tsquery")} THEN ${TITLE_MATCH_MULTIPLIER}::float8 ELSE 1::float8 END)`;
  // Age from the newest stored article (see search-policy.ts), read once through the articles_time index.
  const recencyFactor = recency
    ? ` * (${RECENCY_FLOOR} + ${1 - RECENCY_FLOOR} * exp(-0.6931471805599453 * greatest(0, (SELECT max(time_ms) FROM articles) - s.time_ms) / ${HALF_LIFE_MS}.0))`
    : "";
  // Articles without text (search-policy.ts), measured at a typical article's length first (TEXTLESS_DOC_LENGTH);
  // their seqs are read once per statement (a hashed subplan) from their partial index (migration 13, whose predicate
  // this repeats).
  const textlessFactor = ` * (CASE WHEN s.seq IN (SELECT seq FROM articles WHERE length(text) < ${ARTICLE_TEXT_CHARS_MIN}) THEN ${TEXTLESS_MULTIPLIER} * ln(least(s.doc_length, ${TEXTLESS_DOC_LENGTH}) + 1::float8) / ${Math.log(TEXTLESS_DOC_LENGTH + 1)}::float8 ELSE 1::float8 END)`;
  const factors = `${titleFactor}${textlessFactor}${recencyFactor}`;
  const proximity =
    near === null
      ? ""
      : ` * (CASE WHEN s.doc @@ ${param(near, "tsquery")} THEN ${PROXIMITY_MULTIPLIER}::float8 ELSE 1::float8 END)`;
  return {
    q,
    score: `ts_rank(${TS_RANK_WEIGHTS}, s.doc, ${q}, ${TS_RANK_NORMALIZATION})::float8${factors}${proximity}`,
    factors: `${factors}${near === null ? "" : ` * ${PROXIMITY_MULTIPLIER}::float8`}`,
  };
}

/** An upper bound of a row's score from its narrow columns (rawScoreBound over its length), with the same factors. */
function boundSql(match: string, factors: string, param: Param): string {
  return `${rawScoreBound(match, param)}${factors} / (ln(greatest(s.doc_length, 1) + 1::float8) / ln(2::float8)) * ${1 + SCORE_BOUND_SLACK}::float8`;
}

/**
 * Matches in one CTE (GIN, no article text read), counted. Without filters, the order is: the newest
 * RANK_CANDIDATES_MAX matches by score, then the older ones by score; a page inside that window ranks only the
 * window, a deeper page ranks every match. So paging on reaches every counted match exactly once. With filters
 * every match is ranked. Reading a candidate's vector is most of a search's cost, so inside the window (and with
 * filters) a bound from the narrow row (doc_length, title vector, time) decides whose vectors are read at all.
 */
function matchSql(f: Filters, match: string, boosts: Boosts, recency: boolean, param: Param): string {
  const { q, score, factors } = rankingSql(match, boosts, recency, param);
  const windowed = !hasFilters(f);
  const capped = windowed && f.offset + f.limit <= RANK_CANDIDATES_MAX;
  const matches = `FROM article_search WHERE doc @@ ${q}${filterSql(f, "article_search", param)}`;
  if (windowed && !capped) return deepPageSql(`SELECT seq ${matches}`, score, f);
  const bound = boundSql(match, factors, param);
  // The window's oldest seq, found by sorting seq alone (a cheap single-value sort), then its rows picked by it.
  const cap = capped
    ? ` WHERE seq >= coalesce((SELECT seq FROM m ORDER BY seq DESC OFFSET ${RANK_CANDIDATES_MAX - 1} LIMIT 1), 0)`
    : "";
  // Rows are fetched again by ctid (= ANY(ARRAY(…)), a TID scan): the match scan found them, no index is descended
  // again, and one statement's snapshot keeps every ctid it saw pointing at the same row version.
  // `top` scores the page's worth of candidates with the highest bounds; its lowest score is a floor the page's
  // last hit reaches, so only candidates whose bound reaches it are read and scored too. Same scores, same order.
  return `WITH m AS MATERIALIZED (SELECT seq, ctid ${matches}),
    c AS MATERIALIZED (
      SELECT s.seq, s.ctid, ${bound} AS bound FROM article_search s
      WHERE s.ctid = ANY(ARRAY(SELECT ctid FROM m${cap}))
    ),
    top AS MATERIALIZED (
      SELECT s.seq, ${score} AS score FROM article_search s
      WHERE s.ctid = ANY(ARRAY(SELECT ctid FROM c ORDER BY bound DESC, seq DESC LIMIT ${f.offset + f.limit}))
    ),
    r AS (
      SELECT seq, score FROM top
      UNION ALL
      SELECT s.seq, ${score} FROM article_search s
      WHERE s.ctid = ANY(ARRAY(
        SELECT ctid FROM c WHERE bound >= (SELECT min(score) FROM top) AND seq NOT IN (SELECT seq FROM top)
      ))
      ORDER BY score DESC, seq DESC LIMIT ${f.limit} OFFSET ${f.offset}
    )
    SELECT (SELECT count(*) FROM m) AS total, a.id, r.score
    FROM (SELECT 1) AS one LEFT JOIN (r JOIN articles a ON a.seq = r.seq) ON true
    ORDER BY r.score DESC, r.seq DESC`;
}

/**
 * Folded matchSql: every match with its copy group (`ws`, w = inside the ranking window; every match when filtered).
 * Not deep: the window's (or the filtered) matches are ranked with matchSql's bound, widened to groups: `top` scores
 * twice the page's reach by bound, and its K-th best group score (K = offset + limit) is a floor every group of the
 * page reaches, so only candidates whose bound reaches it are scored too. Deep: every match is scored, the window's
 * groups first. The page's groups are then listed with every match of each (foldedPageSql).
 */
function foldedMatchSql(
  f: Filters,
  match: string,
  boosts: Boosts,
  recency: boolean,
  deep: boolean,
  param: Param,
): string {
  const { q, score, factors } = rankingSql(match, boosts, recency, param);
  const windowed = !hasFilters(f);
  const inWindow = windowed
    ? `s.seq >= coalesce((SELECT seq FROM article_search WHERE doc @@ ${q} ORDER BY seq DESC OFFSET ${RANK_CANDIDATES_MAX - 1} LIMIT 1), 0)`
    : "true";
  const ws = `ws AS MATERIALIZED (
      SELECT s.seq, s.ctid, s.time_ms, g.group_id AS gid, ${inWindow} AS w
      FROM article_search s${GROUP_JOIN} WHERE s.doc @@ ${q}${filterSql(f, "s", param)})`;
  if (deep) {
    return foldedPageSql(
      `${ws},
      r AS MATERIALIZED (SELECT s.seq, ${score} AS score FROM article_search s WHERE s.ctid = ANY(ARRAY(SELECT ctid FROM ws)))`,
      f,
    );
  }
  const reach = f.offset + f.limit;
  const bound = boundSql(match, factors, param);
  return foldedPageSql(
    `${ws},
    c AS MATERIALIZED (
      SELECT s.seq, s.ctid, ${bound} AS bound FROM article_search s WHERE s.ctid = ANY(ARRAY(SELECT ctid FROM ws WHERE w))
    ),
    top AS MATERIALIZED (
      SELECT s.seq, ${score} AS score FROM article_search s
      WHERE s.ctid = ANY(ARRAY(SELECT ctid FROM c ORDER BY bound DESC, seq DESC LIMIT ${FOLD_TOP_PER_HIT * reach}))
    ),
    fl AS (
      SELECT b.score FROM (
        SELECT max(top.score) AS score FROM top JOIN ws USING (seq) GROUP BY ws.gid, (CASE WHEN ws.gid IS NULL THEN ws.seq END)
      ) b
      ORDER BY b.score DESC OFFSET ${Math.max(0, reach - 1)} LIMIT 1
    ),
    r AS MATERIALIZED (
      SELECT seq, score FROM top
      UNION ALL
      SELECT s.seq, ${score} FROM article_search s
      WHERE s.ctid = ANY(ARRAY(
        SELECT ctid FROM c
        WHERE bound >= coalesce((SELECT score FROM fl), '-Infinity'::float8) AND seq NOT IN (SELECT seq FROM top)
      ))
    )`,
    f,
  );
}

/**
 * Folded browsing, or a folded search newest first (`match` given): the newest matching article of each copy group,
 * newest groups first (browseSql's order). Browsing's exclusions are one GIN lookup; the matches are one GIN scan of
 * the narrow article_search rows, which carry the time and source.
 */
function foldedBrowseSql(f: Filters, match: string | null, excluded: string | null, param: Param): string {
  const r = `r AS MATERIALIZED (SELECT seq, time_ms / ${DAY_MS}.0::float8 AS score FROM ws)`;
  if (match !== null) {
    return foldedPageSql(
      `ws AS MATERIALIZED (
        SELECT s.seq, s.time_ms, g.group_id AS gid, true AS w
        FROM article_search s${GROUP_JOIN} WHERE s.doc @@ ${param(match, "tsquery")}${filterSql(f, "s", param)}),
      ${r}`,
      f,
    );
  }
  const notExcluded =
    excluded === null
      ? ""
      : ` AND a.seq NOT IN (SELECT seq FROM article_search WHERE doc @@ ${param(excluded, "tsquery")})`;
  return foldedPageSql(
    `ws AS MATERIALIZED (
      SELECT a.seq, a.time_ms, g.group_id AS gid, true AS w
      FROM articles a LEFT JOIN article_groups g ON g.seq = a.seq
      WHERE true${filterSql(f, "a", param)}${notExcluded}),
    ${r}`,
    f,
  );
}

/**
 * Every match newest first (sort `date`), browseSql's order and score: one GIN scan of the narrow article_search
 * rows, which carry the time and source, counted, and only the page's articles read.
 */
function newestMatchesSql(f: Filters, match: string, param: Param): string {
  return `WITH m AS MATERIALIZED (
      SELECT seq, time_ms FROM article_search WHERE doc @@ ${param(match, "tsquery")}${filterSql(f, "article_search", param)}
    ),
    p AS (SELECT seq, time_ms FROM m ORDER BY time_ms DESC, seq DESC LIMIT ${f.limit} OFFSET ${f.offset})
    SELECT (SELECT count(*) FROM m) AS total, a.id, p.time_ms / ${DAY_MS}.0::float8 AS score
    FROM (SELECT 1) AS one LEFT JOIN (p JOIN articles a ON a.seq = p.seq) ON true
    ORDER BY p.time_ms DESC, p.seq DESC`;
}

/**
 * The page of a folded search from `ctes`, which define `ws` (every match: seq, gid = its copy group or null, time_ms, w) and `r` (the
 * ranked ones: seq, score; each page group's best match among them): groups ranked by their best match (w, score,
 * seq), counted over every match; each page group's best match (rep) then its other matches, earliest first.
 */
function foldedPageSql(ctes: string, f: Filters): string {
  return `WITH ${ctes},
    fr AS MATERIALIZED (
      SELECT ws.seq, ws.gid, ws.w, r.score,
        row_number() OVER (
          PARTITION BY ws.gid, (CASE WHEN ws.gid IS NULL THEN ws.seq END) ORDER BY ws.w DESC, r.score DESC, ws.seq DESC
        ) AS rn
      FROM r JOIN ws USING (seq)
    ),
    page AS (
      SELECT gid, w, score, seq FROM fr WHERE rn = 1 ORDER BY w DESC, score DESC, seq DESC LIMIT ${f.limit} OFFSET ${f.offset}
    ),
    x AS (
      SELECT ws.seq, ws.seq = page.seq AS rep, CASE WHEN ws.seq = page.seq THEN page.score END AS score,
        page.w AS pw, page.score AS ps, page.seq AS pseq, ws.time_ms
      FROM page JOIN ws ON ws.gid = page.gid
      UNION ALL
      SELECT page.seq, true, page.score, page.w, page.score, page.seq, 0 FROM page WHERE page.gid IS NULL
    )
    SELECT (SELECT ${groupCount("gid")} FROM ws)::int AS total, a.id, x.score, x.rep
    FROM (SELECT 1) AS one LEFT JOIN (x JOIN articles a ON a.seq = x.seq) ON true
    ORDER BY x.pw DESC, x.ps DESC, x.pseq DESC, x.rep DESC, x.time_ms, x.seq`;
}

/** A page past the window: window members first, so positions inside it stay what the shallow pages showed. */
function deepPageSql(matches: string, score: string, f: Filters): string {
  return `WITH m AS MATERIALIZED (${matches}),
    r AS (
      SELECT s.seq,
        (s.seq >= coalesce((SELECT seq FROM m ORDER BY seq DESC OFFSET ${RANK_CANDIDATES_MAX - 1} LIMIT 1), 0)) AS in_window,
        ${score} AS score
      FROM article_search s WHERE s.seq = ANY(ARRAY(SELECT seq FROM m))
      ORDER BY in_window DESC, score DESC, s.seq DESC LIMIT ${f.limit} OFFSET ${f.offset}
    )
    SELECT (SELECT count(*) FROM m) AS total, a.id, r.score
    FROM (SELECT 1) AS one LEFT JOIN (r JOIN articles a ON a.seq = r.seq) ON true
    ORDER BY r.in_window DESC, r.score DESC, r.seq DESC`;
}

/**
 * SQL for an upper bound of ts_rank's score of candidate `s` before length normalization, from its title vector
 * alone. With `&` at the root ts_rank combines pair weights as 1 − Π(1 − w), below 1. Otherwise it averages over
 * the query's distinct lexemes each lexeme's Σ wᵢ/i² over its positions (divided by π²/6), which stays below the
 * lexeme's heaviest weight when its first position is its heaviest: build-doc-vector.ts writes a stem's title
 * positions (weight A) before its body positions (B), and surface forms (C) alone. So a stem counts the title
 * weight only when the title vector holds it.
 */
function rawScoreBound(match: string, param: Param): string {
  const { lexemes, andAtRoot } = readTsqueryShape(match);
  if (andAtRoot) return `${Math.max(1, TITLE_LEXEME_WEIGHT_MAX)}::float8`;
  const stems = lexemes.filter((l) => !l.startsWith(SURFACE_LEXEME_PREFIX));
  const rest = stems.length * BODY_WEIGHT + (lexemes.length - stems.length) * SURFACE_WEIGHT;
  const inTitle = stems.map((l) => `(s.title @@ ${param(quoteLexeme(l), "tsquery")})::int`);
  const titleSum = inTitle.length === 0 ? "0" : inTitle.join(" + ");
  return `((${rest}::float8 + (${titleSum}) * ${TITLE_LEXEME_WEIGHT_MAX - BODY_WEIGHT}::float8) / ${Math.max(1, lexemes.length)}::float8)`;
}

/**
 * Newest first through the articles_time / articles_source_time indexes. Exclusions are one GIN lookup (NOT IN a
 * hashed set), never a per-row tsvector test. Without time filters or exclusions the total is the sources' counters.
 */
function browseSql(f: Filters, excluded: string | null, param: Param): string {
  const notExcluded =
    excluded === null
      ? ""
      : ` AND a.seq NOT IN (SELECT seq FROM article_search WHERE doc @@ ${param(excluded, "tsquery")})`;
  const where = `${filterSql(f, "a", param)}${notExcluded}`;
  const total =
    excluded === null && f.from === null && f.to === null
      ? `SELECT coalesce(sum(n), 0) FROM source_article_counts${f.sources === null ? "" : ` WHERE source_id = ANY(${param(f.sources, "text[]")})`}`
      : `SELECT count(*) FROM articles a WHERE true${where}`;
  return `SELECT (${total})::bigint AS total, p.id, p.score
    FROM (SELECT 1) AS one LEFT JOIN LATERAL (
      SELECT a.id, a.seq, a.time_ms / ${DAY_MS}.0::float8 AS score FROM articles a WHERE true${where}
      ORDER BY a.time_ms DESC, a.seq DESC LIMIT ${f.limit} OFFSET ${f.offset}
    ) AS p ON true
    ORDER BY p.score DESC, p.seq DESC`;
}

function hasFilters(f: Filters): boolean {
  return f.sources !== null || f.from !== null || f.to !== null;
}

function filterSql(f: Filters, table: string, param: Param): string {
  let sql = "";
  if (f.sources !== null) sql += ` AND ${table}.source_id = ANY(${param(f.sources, "text[]")})`;
  if (f.from !== null) sql += ` AND ${table}.time_ms >= ${param(f.from, "bigint")}`;
  if (f.to !== null) sql += ` AND ${table}.time_ms < ${param(f.to, "bigint")}`;
  return sql;
}

/**
 * PostgresArticleStore: the ArticleStore port on node-postgres; article rows and their search rows commit together.
 * Adapter (IO). A batch is one transaction: read what the batch's keys already name, decide every outcome in
 * order exactly as the SQLite adapter does, then write with a few set-based statements.
 */
import type pg from "pg";
import type { Article, ArticleSummary, ArticleWrite, UpsertOutcome } from "../../domain/article.ts";
import { AkhbarError } from "../../domain/errors.ts";
import {
  type ArticleStore,
  FIRST_ANALYZER_VERSION,
  type ReindexAnalysis,
  type ReindexBatch,
  type ReindexRead,
  type ReindexRow,
} from "../../ports/article-store.ts";
import type { Clock } from "../../ports/clock.ts";
import {
  type AnalyzerStateRow,
  checkReindexAnalyses,
  olderHashesAfter,
  readResumeAfter,
  reindexResumeAfter,
  resumeAfterWrite,
} from "../analyzer-state.ts";
import {
  type ArticleRow,
  type ArticleSummaryRow,
  COMPARED_COLUMNS,
  hasText,
  inAskedOrder,
  type RowValues,
  SUMMARY_COLUMNS,
  toArticle,
  toArticleSummary,
  tombstoneTextDigest,
  toRowValues,
  urlKeyOf,
} from "../article-row.ts";
import { type DeletedPlacementRow, firstGroupMemberSql } from "../story-row.ts";
import { buildDocVector, type DocVectors } from "./build-doc-vector.ts";
import { md5Hex } from "./md5-hex.ts";
import { RECOUNT_STORIES_SQL, storeLockKeySql } from "./postgres-story-store.ts";
import { lockContentKeys, lockSources, RetryTransaction, runTransaction } from "./run-transaction.ts";

/** Sources created implicitly (from an article's source id) are assumed Arabic: nearly all of akhbar's input. */
const SOURCE_LANGUAGE_DEFAULT = "ar";

/** Every column of `articles` as ArticleRow expects it (`extra` as its exact JSON text). */
export const ARTICLE_COLUMNS = `seq, id, url, canonical_url, url_key, source_id, cited_source, title, published_at,
  fetched_at, time_ms, language, text, html, byline, image_url, content_hash, extra::text AS extra, index_digest,
  stored_at`;

/** The columns a write sets, in the order of the unnest() arrays below. */
const WRITTEN_COLUMNS = [
  "id",
  "url",
  "canonical_url",
  "url_key",
  "source_id",
  "cited_source",
  "title",
  "published_at",
  "fetched_at",
  "time_ms",
  "language",
  "text",
  "html",
  "byline",
  "image_url",
  "content_hash",
  "extra",
  "index_digest",
] as const satisfies readonly (keyof RowValues)[];

const UNNEST_TYPES: Record<(typeof WRITTEN_COLUMNS)[number], string> = {
  id: "text",
  url: "text",
  canonical_url: "text",
  url_key: "text",
  source_id: "text",
  cited_source: "text",
  title: "text",
  published_at: "text",
  fetched_at: "text",
  time_ms: "bigint",
  language: "text",
  text: "text",
  html: "text",
  byline: "text",
  image_url: "text",
  content_hash: "text",
  extra: "text",
  index_digest: "text",
};

const INSERT_ARTICLES_SQL = `INSERT INTO articles (seq, ${WRITTEN_COLUMNS.join(", ")}, stored_at)
  SELECT seq, ${WRITTEN_COLUMNS.map((c) => (c === "extra" ? "extra::json" : c)).join(", ")}, $${WRITTEN_COLUMNS.length + 2}
  FROM unnest($1::bigint[], ${WRITTEN_COLUMNS.map((c, i) => `$${i + 2}::${UNNEST_TYPES[c]}[]`).join(", ")})
    AS t(seq, ${WRITTEN_COLUMNS.join(", ")})
  ON CONFLICT DO NOTHING
  RETURNING seq`;

const UPDATE_ARTICLE_SQL = `UPDATE articles SET ${WRITTEN_COLUMNS.map(
  (c, i) => `${c} = $${i + 2}${c === "extra" ? "::json" : ""}`,
).join(", ")} WHERE seq = $1`;

/** An article the batch knows: a stored row (ref = its seq) or one this batch inserts (ref < 0 until written). */
interface Known {
  ref: number;
  id: string;
}

/** A full row the batch may rewrite: its current values, and the doc vector to store when it is (re)indexed. */
interface Tracked extends Known {
  values: RowValues;
  stored: boolean;
  doc: DocVectors | null;
}

interface Prepared {
  values: RowValues;
  doc: DocVectors;
}

export class PostgresArticleStore implements ArticleStore {
  readonly #pool: pg.Pool;
  readonly #clock: Clock;

  constructor(pool: pg.Pool, clock: Clock) {
    this.#pool = pool;
    this.#clock = clock;
  }

  /**
   * Concurrent batches wait for each other only where they can collide, so workers importing batches that name the
   * same sources run side by side. Each batch holds: its sources' locks shared (a source is not removed under it);
   * the lock of each (source, content hash) it writes with text, so two copies of one text from one source are
   * decided one after another; and row locks on the stored articles its ids name, so a rewrite decides on the
   * latest row. Unique indexes on id and md5(url_key) catch two writers inserting one article at once: the later
   * writer starts over and then sees the earlier one's row. Stored exactly once under any interleaving.
   */
  async writeArticles(batch: readonly ArticleWrite[]): Promise<UpsertOutcome[]> {
    if (batch.length === 0) return [];
    // Every value is computed before the transaction: a bad article refuses the batch before anything is written.
    const prepared: Prepared[] = batch.map((write) => ({
      values: toRowValues(write),
      doc: buildDocVector(write.index),
    }));
    const now = this.#clock.now().toISOString();
    return runTransaction(this.#pool, async (client) => {
      await lockSources(
        client,
        prepared.map((p) => p.values.source_id),
        "shared",
      );
      await lockContentKeys(
        client,
        prepared
          .filter((p) => hasText(p.values.text))
          .map((p) => ({ sourceId: p.values.source_id, contentHash: p.values.content_hash })),
      );
      return writeLocked(client, prepared, now);
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    const { rows } = await this.#pool.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`,
      [id],
    );
    const [row] = rows;
    return row === undefined ? null : toArticle(row);
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return inAskedOrder(ids, rows.map(toArticle));
  }

  async getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query<ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS.join(", ")} FROM articles WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return inAskedOrder(ids, rows.map(toArticleSummary));
  }

  /** Takes the locks a writer of the article's text would take, so a concurrent writer sees the tombstone. */
  async findArticleIdByUrl(canonicalUrl: string): Promise<string | null> {
    const key = urlKeyOf(canonicalUrl);
    // md5(url_key) is the indexed form (a long URL would overflow a btree entry); url_key settles a collision.
    const { rows } = await this.#pool.query<{ id: string }>(
      "SELECT id FROM articles WHERE md5(url_key) = $1 AND url_key = $2",
      [md5Hex(key), key],
    );
    return rows[0]?.id ?? null;
  }

  async deleteArticle(id: string, reason: string): Promise<boolean> {
    const deletedAt = this.#clock.now().toISOString();
    return runTransaction(this.#pool, async (client) => {
      // Waits out a running assignment step (it holds this lock for its whole step): one that read the article, or
      // a copy of it, would otherwise write a copy pointing at the article deleted under it. Taken before any row
      // lock: the step's write waits on the article's row.
      await client.query(`SELECT pg_advisory_xact_lock(${storeLockKeySql("story.assign")})`);
      const first = await client.query<{ source_id: string; content_hash: string; text: string }>(
        "SELECT source_id, content_hash, text FROM articles WHERE id = $1",
        [id],
      );
      const before = first.rows[0];
      if (before === undefined) return false;
      await lockSources(client, [before.source_id], "shared");
      if (hasText(before.text))
        await lockContentKeys(client, [{ sourceId: before.source_id, contentHash: before.content_hash }]);
      const { rows } = await client.query<
        Pick<ArticleRow, "seq" | "id" | "url_key" | "source_id" | "content_hash" | "text">
      >("SELECT seq, id, url_key, source_id, content_hash, text FROM articles WHERE id = $1 FOR UPDATE", [
        id,
      ]);
      const [row] = rows;
      if (row === undefined) return false;
      if (row.source_id !== before.source_id || row.content_hash !== before.content_hash)
        throw new RetryTransaction("article rewritten while its delete took its locks");
      await client.query(
        `INSERT INTO tombstones (id, url_key, source_id, content_hash, text_digest, reason, deleted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          row.id,
          row.url_key,
          row.source_id,
          hasText(row.text) ? row.content_hash : null,
          tombstoneTextDigest(row.text),
          reason,
          deletedAt,
        ],
      );
      // Read before the row goes: its placement goes with it (ON DELETE CASCADE).
      const placed = await client.query<DeletedPlacementRow>(
        "SELECT article_id, story_id, group_id, duplicate_of FROM article_placements WHERE article_id = $1",
        [row.id],
      );
      // article_search goes with it (ON DELETE CASCADE); the counter trigger lowers the source's count.
      await client.query("DELETE FROM articles WHERE seq = $1", [row.seq]);
      if (placed.rows[0] !== undefined) await afterPlacedDelete(client, placed.rows[0]);
      return true;
    });
  }

  async countArticles(): Promise<number> {
    // The per-source counters are maintained by triggers; summing them avoids counting every row.
    const { rows } = await this.#pool.query<{ n: number }>(
      "SELECT coalesce(sum(n), 0)::bigint AS n FROM source_article_counts",
    );
    return rows[0]?.n ?? 0;
  }

  async listArticlesAfter(afterSeq: number, limit: number): Promise<Article[]> {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new AkhbarError("store.bad_request", `store: limit must be a non-negative integer, got ${limit}`);
    }
    const { rows } = await this.#pool.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map(toArticle);
  }

  async readAnalyzerVersion(): Promise<number> {
    const { rows } = await this.#pool.query<{ version: number }>(
      "SELECT version FROM search_analyzer WHERE id = 1",
    );
    return rows[0]?.version ?? FIRST_ANALYZER_VERSION;
  }

  async countReindexed(version: number): Promise<number> {
    const { rows: states } = await this.#pool.query<AnalyzerStateRow>(
      "SELECT version, reindex_version, reindex_after_seq FROM search_analyzer WHERE id = 1",
    );
    const state = states[0];
    const after = state === undefined ? null : reindexResumeAfter(state, Number(version));
    if (after === null || Number(after) === 0) return 0;
    const { rows } = await this.#pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM articles WHERE seq <= $1",
      [after],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async readReindexBatch(version: number, limit: number): Promise<ReindexRead | null> {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new AkhbarError("store.bad_request", `store: limit must be a positive integer, got ${limit}`);
    }
    const { rows: states } = await this.#pool.query<AnalyzerStateRow>(
      "SELECT version, reindex_version, reindex_after_seq FROM search_analyzer WHERE id = 1",
    );
    const afterSeq = readResumeAfter(states[0], version);
    if (afterSeq === null) return null;
    const { rows } = await this.#pool.query<ReindexRow>(
      "SELECT seq, title, text FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2",
      [afterSeq, limit],
    );
    return { version, afterSeq, rows: rows.map((r) => ({ ...r, seq: Number(r.seq) })) };
  }

  /** One short transaction, the search_analyzer row locked throughout: concurrent callers take turns. */
  async writeReindexBatch(read: ReindexRead, analyses: readonly ReindexAnalysis[]): Promise<ReindexBatch> {
    checkReindexAnalyses(read, analyses);
    const { version, rows } = read;
    // Built before the transaction: the vectors are CPU work no lock needs to wait for.
    const docs = analyses.map((a) => buildDocVector(a.index));
    return runTransaction(this.#pool, async (client) => {
      // The row is written by migration 6; written again here if it was ever deleted.
      await client.query(
        "INSERT INTO search_analyzer (id, version) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
        [FIRST_ANALYZER_VERSION],
      );
      const { rows: states } = await client.query<AnalyzerStateRow>(
        "SELECT version, reindex_version, reindex_after_seq FROM search_analyzer WHERE id = 1 FOR UPDATE",
      );
      const after = reindexResumeAfter(states[0]!, version);
      if (after === null) return { reindexed: 0, changed: 0, done: true };
      if (Number(after) !== read.afterSeq) return { reindexed: 0, changed: 0, done: false };
      if (rows.length === 0) {
        await client.query(
          "UPDATE search_analyzer SET version = $1, reindex_version = NULL, reindex_after_seq = 0 WHERE id = 1",
          [version],
        );
        return { reindexed: 0, changed: 0, done: true };
      }
      const seqs = rows.map((row) => row.seq);
      // Locked in seq order, as a writer's batch locks them, then written only where the title and text are still
      // those analyzed: a writer that changed an article since the read keeps its own index fields.
      await client.query("SELECT 1 FROM articles WHERE seq = ANY($1::bigint[]) ORDER BY seq FOR UPDATE", [
        seqs,
      ]);
      const { rows: updated } = await client.query<{ seq: string }>(
        `UPDATE articles a SET index_digest = t.digest, content_hash = t.hash
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(seq, digest, hash, title, text)
         WHERE a.seq = t.seq AND a.title IS NOT DISTINCT FROM t.title AND a.text IS NOT DISTINCT FROM t.text
         RETURNING a.seq`,
        [
          seqs,
          analyses.map((a) => a.indexDigest),
          analyses.map((a) => a.contentHash),
          rows.map((row) => row.title),
          rows.map((row) => row.text),
        ],
      );
      const done = new Set(updated.map((u) => Number(u.seq)));
      const written = rows.map((row) => done.has(row.seq));
      const at = rows.flatMap((_, i) => (written[i] ? [i] : []));
      await client.query(
        `UPDATE article_search s SET title = t.title::tsvector, doc = t.doc::tsvector, doc_length = t.doc_length
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::integer[]) AS t(seq, title, doc, doc_length)
         WHERE s.seq = t.seq`,
        [
          at.map((i) => seqs[i]),
          at.map((i) => docs[i]!.title),
          at.map((i) => docs[i]!.doc),
          at.map((i) => docs[i]!.docLength),
        ],
      );
      await client.query(
        "UPDATE search_analyzer SET reindex_version = $1, reindex_after_seq = $2 WHERE id = 1",
        [version, resumeAfterWrite(read, written)],
      );
      return { reindexed: at.length, changed: rows.length - at.length, done: false };
    });
  }
}

/** The batch's decisions and writes, with the batch's advisory locks held. */
async function writeLocked(
  client: pg.PoolClient,
  prepared: readonly Prepared[],
  now: string,
): Promise<UpsertOutcome[]> {
  const known = await readKnown(client, prepared);
  const inserts: Tracked[] = [];
  const updates: { seq: number; values: RowValues; doc: DocVectors | null }[] = [];
  const outcomes: UpsertOutcome[] = [];
  let nextRef = -1;

  for (const { values, doc } of prepared) {
    const { id } = values;
    const existing = known.byId.get(id);
    if (existing !== undefined) {
      if (COMPARED_COLUMNS.every((c) => existing.values[c] === values[c])) {
        outcomes.push({ status: "unchanged", id });
        continue;
      }
      if (values.url_key !== existing.values.url_key) {
        const sameUrl = known.byUrl.get(values.url_key);
        if (sameUrl !== undefined && sameUrl.ref !== existing.ref) {
          // Moving onto another article's URL would merge two articles; keep both as they are.
          outcomes.push({ status: "duplicate", id, existingId: sameUrl.id, by: "canonical_url" });
          continue;
        }
      }
      const reindex = values.index_digest !== existing.values.index_digest;
      known.move(existing, values);
      if (existing.stored) updates.push({ seq: existing.ref, values, doc: reindex ? doc : null });
      else if (reindex) existing.doc = doc;
      outcomes.push({ status: "updated", id });
      continue;
    }
    const sameUrl = known.byUrl.get(values.url_key);
    if (sameUrl !== undefined) {
      outcomes.push({ status: "duplicate", id, existingId: sameUrl.id, by: "canonical_url" });
      continue;
    }
    const hashKey = hasText(values.text) ? sourceHashKey(values.source_id, values.content_hash) : null;
    if (hashKey !== null) {
      const sameText = known.byHash.get(hashKey)?.[0];
      if (sameText !== undefined) {
        outcomes.push({ status: "duplicate", id, existingId: sameText.id, by: "content_hash" });
        continue;
      }
    }
    const t = known.tombstones;
    const digest = known.textDigests.get(values);
    if (
      t.ids.has(id) ||
      t.urlKeys.has(values.url_key) ||
      (hashKey !== null && t.hashes.has(hashKey)) ||
      (digest !== undefined && t.digests.has(sourceHashKey(values.source_id, digest)))
    ) {
      outcomes.push({ status: "tombstoned", id });
      continue;
    }
    const row: Tracked = { ref: nextRef--, id, values, stored: false, doc };
    known.add(row);
    inserts.push(row);
    outcomes.push({ status: "inserted", id });
  }

  const touched = [...inserts.map((r) => r.values.source_id), ...updates.map((u) => u.values.source_id)];
  if (touched.length > 0) {
    await client.query(
      `INSERT INTO sources (id, name, language, created_at)
       SELECT s, s, $2, $3 FROM unnest($1::text[]) AS s ORDER BY s ON CONFLICT (id) DO NOTHING`,
      [[...new Set(touched)].sort(), SOURCE_LANGUAGE_DEFAULT, now],
    );
  }
  // Updates first, in batch order: an update may free a URL key that a later insert of the batch takes.
  for (const u of updates) {
    await client.query(UPDATE_ARTICLE_SQL, [u.seq, ...WRITTEN_COLUMNS.map((c) => u.values[c])]);
    await client.query(
      `UPDATE article_search SET source_id = $2, time_ms = $3, title = coalesce($4::tsvector, title),
         doc = coalesce($5::tsvector, doc), doc_length = coalesce($6::integer, doc_length) WHERE seq = $1`,
      [
        u.seq,
        u.values.source_id,
        u.values.time_ms,
        u.doc?.title ?? null,
        u.doc?.doc ?? null,
        u.doc?.docLength ?? null,
      ],
    );
  }
  if (inserts.length > 0) await insertRows(client, inserts, now);
  return outcomes;
}

/** Inserts the batch's new rows with seq numbers drawn in batch order, then their search rows. */
async function insertRows(client: pg.PoolClient, inserts: readonly Tracked[], now: string): Promise<void> {
  const { rows: seqRows } = await client.query<{ seq: number }>(
    "SELECT nextval('articles_seq') AS seq FROM generate_series(1, $1)",
    [inserts.length],
  );
  const seqs = seqRows.map((r) => r.seq).sort((a, b) => a - b);
  const columns = WRITTEN_COLUMNS.map((c) => inserts.map((r) => r.values[c]));
  const { rowCount } = await client.query(INSERT_ARTICLES_SQL, [seqs, ...columns, now]);
  if (rowCount !== inserts.length) {
    // Another source's writer stored one of these ids or URL keys since we read: start over and see it.
    throw new RetryTransaction("a concurrent writer inserted the same id or URL key");
  }
  await client.query(
    `INSERT INTO article_search (seq, source_id, time_ms, title, doc, doc_length)
     SELECT seq, source_id, time_ms, title::tsvector, doc::tsvector, doc_length
     FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::integer[])
       AS t(seq, source_id, time_ms, title, doc, doc_length)`,
    [
      seqs,
      inserts.map((r) => r.values.source_id),
      inserts.map((r) => r.values.time_ms),
      inserts.map((r) => r.doc?.title ?? ""),
      inserts.map((r) => r.doc?.doc ?? ""),
      inserts.map((r) => r.doc?.docLength ?? 0),
    ],
  );
}

/** What the database holds under the batch's keys, kept current while the batch's outcomes are decided. */
class KnownRows {
  readonly byId = new Map<string, Tracked>();
  readonly byUrl = new Map<string, Known>();
  /** (source, content hash) → articles, lowest seq first (the one the SQLite adapter reports). */
  readonly byHash = new Map<string, Known[]>();
  readonly tombstones = {
    ids: new Set<string>(),
    urlKeys: new Set<string>(),
    hashes: new Set<string>(),
    /** (source, text digest) keys, as sourceHashKey makes them. */
    digests: new Set<string>(),
  };
  /** The text digests of the batch's writes that a tombstone may name by one (see readKnown), by their values. */
  readonly textDigests = new Map<RowValues, string>();

  add(row: Tracked): void {
    this.byId.set(row.id, row);
    this.#index(row, row.values);
  }

  /** A tracked row takes new values: its URL key and content hash entries follow. */
  move(row: Tracked, values: RowValues): void {
    const old = row.values;
    if (this.byUrl.get(old.url_key)?.ref === row.ref) this.byUrl.delete(old.url_key);
    const oldHash = sourceHashKey(old.source_id, old.content_hash);
    const list = this.byHash.get(oldHash);
    if (list !== undefined)
      this.byHash.set(
        oldHash,
        list.filter((k) => k.ref !== row.ref),
      );
    row.values = values;
    this.#index(row, values);
  }

  addLookup(row: Known, urlKey: string | null, hashKey: string | null): void {
    if (urlKey !== null && !this.byUrl.has(urlKey)) this.byUrl.set(urlKey, row);
    if (hashKey !== null) this.#addHash(hashKey, row);
  }

  #index(row: Known, values: RowValues): void {
    this.byUrl.set(values.url_key, row);
    this.#addHash(sourceHashKey(values.source_id, values.content_hash), row);
  }

  #addHash(key: string, row: Known): void {
    const list = this.byHash.get(key) ?? [];
    if (list.some((k) => k.ref === row.ref)) return;
    list.push(row);
    list.sort((a, b) => orderOf(a) - orderOf(b));
    this.byHash.set(key, list);
  }
}

/** Reads the stored rows and tombstones that the batch's ids, URL keys and (source, hash) pairs name. */
async function readKnown(client: pg.PoolClient, prepared: readonly Prepared[]): Promise<KnownRows> {
  const ids = [...new Set(prepared.map((p) => p.values.id))];
  const urlKeys = [...new Set(prepared.map((p) => p.values.url_key))];
  const urlMd5s = urlKeys.map(md5Hex);
  const withText = prepared.filter((p) => hasText(p.values.text));
  const hashSources = withText.map((p) => p.values.source_id);
  const hashes = withText.map((p) => p.values.content_hash);

  // The re-index's resume point first: read after the hash lookup, a batch the re-index committed in between would have
  // moved an article past it with its new hash after that lookup missed its old one, and the text check below would
  // skip it (READ COMMITTED: each statement sees what was committed when it started).
  const { rows: states } = await client.query<AnalyzerStateRow>(
    "SELECT version, reindex_version, reindex_after_seq FROM search_analyzer WHERE id = 1",
  );
  const olderAfter = olderHashesAfter(states[0]);
  // One after another: a pg client runs one query at a time (queued concurrent calls are deprecated).
  // Locked in seq order (one order for every writer): a concurrent rewrite or delete of one of these rows waits for
  // this batch, and this read returns the row as the last such writer committed it (or not at all once deleted).
  const byId = await client.query<ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[]) ORDER BY seq FOR NO KEY UPDATE`,
    [ids],
  );
  const byUrl = await client.query<{ seq: number; id: string; url_key: string }>(
    "SELECT seq, id, url_key FROM articles WHERE md5(url_key) = ANY($1::text[]) AND url_key = ANY($2::text[])",
    [urlMd5s, urlKeys],
  );
  const byHash = await client.query<{ seq: number; id: string; source_id: string; content_hash: string }>(
    `SELECT seq, id, source_id, content_hash FROM articles
     WHERE (source_id, content_hash) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [hashSources, hashes],
  );
  // Mid re-index, an article it has not reached holds the hash an older analyzer folded: its text decides, and it is
  // known by the hash of the write whose text it has. Lengths first: a toasted text's length is read without its text.
  // Only writes no id, URL or hash found are compared (as the SQLite store does).
  const foundIds = new Set(byId.rows.map((r) => r.id));
  const foundUrls = new Set(byUrl.rows.map((r) => r.url_key));
  const foundHashes = new Set(byHash.rows.map((r) => sourceHashKey(r.source_id, r.content_hash)));
  const unfound = withText.filter(
    (p) =>
      !foundIds.has(p.values.id) &&
      !foundUrls.has(p.values.url_key) &&
      !foundHashes.has(sourceHashKey(p.values.source_id, p.values.content_hash)),
  );
  const byText =
    olderAfter === null || unfound.length === 0
      ? { rows: [] }
      : await client.query<{ seq: number; id: string; source_id: string; content_hash: string }>(
          `SELECT a.seq, a.id, a.source_id, t.hash AS content_hash FROM articles a
           JOIN unnest($1::text[], $2::text[], $3::text[]) AS t(source_id, text, hash)
             ON a.source_id = t.source_id AND octet_length(a.text) = octet_length(t.text) AND a.text = t.text
           WHERE a.seq > $4`,
          [
            unfound.map((p) => p.values.source_id),
            unfound.map((p) => p.values.text),
            unfound.map((p) => p.values.content_hash),
            olderAfter,
          ],
        );
  // Text digests only for writes of new ids (a stored one is rewritten, never refused) from a source with a tombstone
  // that has one: most batches name none, and a digest costs ~50 µs a dev-corpus text (4,000 texts: 200-270 ms).
  const newWithText = withText.filter((p) => !foundIds.has(p.values.id));
  const digestSources =
    newWithText.length === 0
      ? new Set<string>()
      : new Set(
          (
            await client.query<{ source_id: string }>(
              `SELECT DISTINCT source_id FROM tombstones
               WHERE source_id = ANY($1::text[]) AND text_digest IS NOT NULL`,
              [[...new Set(newWithText.map((p) => p.values.source_id))]],
            )
          ).rows.map((r) => r.source_id),
        );
  const textDigests = new Map<RowValues, string>();
  for (const p of newWithText) {
    if (!digestSources.has(p.values.source_id)) continue;
    const digest = tombstoneTextDigest(p.values.text);
    if (digest !== null) textDigests.set(p.values, digest);
  }
  const tombstones = await client.query<{
    id: string;
    url_key: string;
    source_id: string;
    content_hash: string | null;
    text_digest: string | null;
  }>(
    `SELECT id, url_key, source_id, content_hash, text_digest FROM tombstones
     WHERE id = ANY($1::text[]) OR (md5(url_key) = ANY($2::text[]) AND url_key = ANY($3::text[]))
       OR (source_id, content_hash) IN (SELECT * FROM unnest($4::text[], $5::text[]))
       OR (source_id, text_digest) IN (SELECT * FROM unnest($6::text[], $7::text[]))`,
    [
      ids,
      urlMd5s,
      urlKeys,
      hashSources,
      hashes,
      [...textDigests.keys()].map((v) => v.source_id),
      [...textDigests.values()],
    ],
  );
  const known = new KnownRows();
  for (const [values, digest] of textDigests) known.textDigests.set(values, digest);
  const refs = new Map<number, Known>();
  for (const row of byId.rows) {
    const { seq, stored_at: _storedAt, ...values } = row;
    const tracked: Tracked = { ref: seq, id: row.id, values, stored: true, doc: null };
    refs.set(seq, tracked);
    known.add(tracked);
  }
  const refOf = (seq: number, id: string): Known => {
    let k = refs.get(seq);
    if (k === undefined) {
      k = { ref: seq, id };
      refs.set(seq, k);
    }
    return k;
  };
  for (const r of byUrl.rows) known.addLookup(refOf(r.seq, r.id), r.url_key, null);
  for (const r of [...byHash.rows, ...byText.rows])
    known.addLookup(refOf(r.seq, r.id), null, sourceHashKey(r.source_id, r.content_hash));
  for (const t of tombstones.rows) {
    known.tombstones.ids.add(t.id);
    known.tombstones.urlKeys.add(t.url_key);
    if (t.content_hash !== null) known.tombstones.hashes.add(sourceHashKey(t.source_id, t.content_hash));
    if (t.text_digest !== null) known.tombstones.digests.add(sourceHashKey(t.source_id, t.text_digest));
  }
  return known;
}

/** Stored rows by seq, then rows of this batch in batch order (refs -1, -2, …). */
function orderOf(k: Known): number {
  return k.ref > 0 ? k.ref : Number.MAX_SAFE_INTEGER / 2 - k.ref;
}

function sourceHashKey(sourceId: string, contentHash: string): string {
  return `${sourceId}\u0000${contentHash}`;
}

/**
 * What follows the delete of a placed article (`placed`: its placement, read before the delete) in the delete's
 * transaction: its copy group re-keyed (story-row.ts DeletedPlacementRow), its story and the group's stories
 * recounted and the placement version moved (RECOUNT_STORIES_SQL does both).
 */
async function afterPlacedDelete(client: pg.ClientBase, placed: DeletedPlacementRow): Promise<void> {
  const touched = new Set([placed.story_id]);
  const { rows } = await client.query<{ article_id: string }>(firstGroupMemberSql("$1", ' COLLATE "C"'), [
    placed.group_id,
  ]);
  const first = rows[0]?.article_id;
  if (first !== undefined) {
    const groups = await client.query<{ story_id: string }>(
      "SELECT DISTINCT story_id FROM article_placements WHERE group_id = $1",
      [placed.group_id],
    );
    for (const r of groups.rows) touched.add(r.story_id);
    // As a step's groupOriginals and groupMerges write them (postgres-story-store.ts writePlacements).
    if (placed.duplicate_of === null) {
      await client.query(
        `UPDATE article_placements SET duplicate_of = CASE WHEN article_id = $1 THEN NULL ELSE $1 END
         WHERE group_id = $2`,
        [first, placed.group_id],
      );
    }
    if (placed.group_id === placed.article_id) {
      await client.query("UPDATE article_placements SET group_id = $1 WHERE group_id = $2", [
        first,
        placed.group_id,
      ]);
    }
  }
  await client.query(RECOUNT_STORIES_SQL, [[...touched], [], [], []]);
}

/**
 * SqliteArticleStore: the ArticleStore port on better-sqlite3; article rows and FTS5 index rows commit together.
 * Adapter (IO). All statements are prepared once; a batch is one transaction.
 */
import type Database from "better-sqlite3";
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
import { prepareGroupEdits, prepareStoryRecount } from "./sqlite-story-store.ts";
import { writeTransaction } from "./write-transaction.ts";

const SOURCE_LANGUAGE_DEFAULT = "ar";

/** One change to the FTS index, queued while a batch writes its article rows (see #writeAll). */
type FtsChange = { op: "insert"; seq: number | bigint; write: ArticleWrite } | { op: "delete"; seq: number };

export class SqliteArticleStore implements ArticleStore {
  readonly #clock: Clock;
  readonly #byId: Database.Statement<[string], ArticleRow>;
  readonly #byUrlKey: Database.Statement<[string], { seq: number; id: string }>;
  readonly #bySourceHash: Database.Statement<[string, string], { id: string }>;
  readonly #bySourceTextAfter: Database.Statement<[string, number, string, string], { id: string }>;
  readonly #tombstoned: Database.Statement<
    [string, string, string, string | null, string, string | null],
    { one: number }
  >;
  readonly #hasDigestTombstones: Database.Statement<[string], { one: number }>;
  readonly #ensureSource: Database.Statement<[string, string, string, string]>;
  readonly #insert: Database.Statement<[RowValues & { stored_at: string }]>;
  readonly #update: Database.Statement<[RowValues & { seq: number }]>;
  readonly #ftsInsert: Database.Statement<[number | bigint, string, string, string]>;
  readonly #ftsDelete: Database.Statement<[number]>;
  readonly #deleteRow: Database.Statement<[number]>;
  readonly #placementOf: Database.Statement<[string], DeletedPlacementRow>;
  readonly #afterPlacedDelete: (placed: DeletedPlacementRow) => void;
  readonly #insertTombstone: Database.Statement<
    [string, string, string, string | null, string | null, string, string]
  >;
  readonly #count: Database.Statement<[], { n: number }>;
  readonly #after: Database.Statement<[number, number], ArticleRow>;
  readonly #byIds: Database.Statement<[string], ArticleRow>;
  readonly #summariesByIds: Database.Statement<[string], ArticleSummaryRow>;
  readonly #analyzerState: Database.Statement<[], AnalyzerStateRow>;
  readonly #ensureAnalyzerState: Database.Statement<[number]>;
  readonly #reindexRows: Database.Statement<[number, number], ReindexRow>;
  readonly #setDigestIfUnchanged: Database.Statement<[string, string, number, string, string]>;
  readonly #reindexStep: Database.Statement<[number, number]>;
  readonly #reindexDone: Database.Statement<[number]>;
  readonly #countUpTo: Database.Statement<[number], { n: number }>;
  readonly #writeReindex: (read: ReindexRead, analyses: readonly ReindexAnalysis[]) => ReindexBatch;
  readonly #writeBatch: (batch: readonly ArticleWrite[]) => UpsertOutcome[];
  readonly #delete: (id: string, reason: string) => boolean;
  readonly #ftsSecureDeleteOn: Database.Statement<[]>;
  readonly #ftsSecureDeleteOff: Database.Statement<[]>;
  readonly #byUrl: Database.Statement<[string], { id: string }>;
  readonly #db: Database.Database;

  constructor(db: Database.Database, clock: Clock) {
    this.#clock = clock;
    this.#db = db;
    this.#byId = db.prepare("SELECT * FROM articles WHERE id = ?");
    this.#byUrlKey = db.prepare("SELECT seq, id FROM articles WHERE url_key = ?");
    this.#bySourceHash = db.prepare(
      "SELECT id FROM articles WHERE source_id = ? AND content_hash = ? LIMIT 1",
    );
    this.#bySourceTextAfter = db.prepare(
      // Lengths first: octet_length reads a text's size from the record header, without its overflow pages.
      "SELECT id FROM articles WHERE source_id = ? AND seq > ? AND octet_length(text) = octet_length(?) AND text = ? LIMIT 1",
    );
    this.#tombstoned = db.prepare(
      `SELECT 1 AS one FROM tombstones
       WHERE id = ? OR url_key = ? OR (source_id = ? AND content_hash = ?) OR (source_id = ? AND text_digest = ?)
       LIMIT 1`,
    );
    this.#hasDigestTombstones = db.prepare(
      "SELECT 1 AS one FROM tombstones WHERE source_id = ? AND text_digest IS NOT NULL LIMIT 1",
    );
    this.#ensureSource = db.prepare(
      "INSERT OR IGNORE INTO sources (id, name, language, created_at) VALUES (?, ?, ?, ?)",
    );
    this.#insert = db.prepare(
      `INSERT INTO articles (id, url, canonical_url, url_key, source_id, cited_source, title, published_at,
         fetched_at, time_ms, language, text, html, byline, image_url, content_hash, extra, index_digest, stored_at)
       VALUES (@id, @url, @canonical_url, @url_key, @source_id, @cited_source, @title, @published_at,
         @fetched_at, @time_ms, @language, @text, @html, @byline, @image_url, @content_hash, @extra, @index_digest,
         @stored_at)`,
    );
    this.#update = db.prepare(
      `UPDATE articles SET id = @id, url = @url, canonical_url = @canonical_url, url_key = @url_key,
         source_id = @source_id, cited_source = @cited_source, title = @title, published_at = @published_at,
         fetched_at = @fetched_at, time_ms = @time_ms, language = @language, text = @text, html = @html,
         byline = @byline, image_url = @image_url, content_hash = @content_hash, extra = @extra,
         index_digest = @index_digest
       WHERE seq = @seq`,
    );
    this.#ftsInsert = db.prepare(
      "INSERT INTO articles_fts (rowid, title, body, surface) VALUES (?, ?, ?, ?)",
    );
    this.#ftsDelete = db.prepare("DELETE FROM articles_fts WHERE rowid = ?");
    // FTS5's 'secure-delete' option (SQLite 3.42): a delete takes the row's entries out of the index segments, rather
    // than adding a delete marker beside them. A stored option; on only inside a takedown (deleteArticle).
    // Literals: FTS5 takes only an INTEGER there, and better-sqlite3 binds a number as REAL.
    this.#ftsSecureDeleteOn = db.prepare(
      "INSERT INTO articles_fts (articles_fts, rank) VALUES ('secure-delete', 1)",
    );
    this.#ftsSecureDeleteOff = db.prepare(
      "INSERT INTO articles_fts (articles_fts, rank) VALUES ('secure-delete', 0)",
    );
    this.#byUrl = db.prepare("SELECT id FROM articles WHERE url_key = ?");
    this.#deleteRow = db.prepare("DELETE FROM articles WHERE seq = ?");
    this.#placementOf = db.prepare(
      "SELECT article_id, story_id, group_id, duplicate_of FROM article_placements WHERE article_id = ?",
    );
    this.#afterPlacedDelete = prepareAfterPlacedDelete(db);
    this.#insertTombstone = db.prepare(
      `INSERT INTO tombstones (id, url_key, source_id, content_hash, text_digest, reason, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // The per-source counters are maintained by triggers; summing them avoids counting every row.
    this.#count = db.prepare("SELECT coalesce(sum(article_count), 0) AS n FROM sources");
    this.#after = db.prepare("SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?");
    this.#byIds = db.prepare("SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(?))");
    this.#summariesByIds = db.prepare(
      `SELECT ${SUMMARY_COLUMNS.join(", ")} FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.#analyzerState = db.prepare(
      "SELECT version, reindex_version, reindex_after_seq FROM search_analyzer WHERE id = 1",
    );
    this.#ensureAnalyzerState = db.prepare(
      "INSERT OR IGNORE INTO search_analyzer (id, version) VALUES (1, ?)",
    );
    this.#reindexRows = db.prepare(
      "SELECT seq, title, text FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
    );
    // `IS`, not `=`: a NULL never equals itself, and a row that never matched would hold the resume point forever.
    this.#setDigestIfUnchanged = db.prepare(
      "UPDATE articles SET index_digest = ?, content_hash = ? WHERE seq = ? AND title IS ? AND text IS ?",
    );
    this.#reindexStep = db.prepare(
      "UPDATE search_analyzer SET reindex_version = ?, reindex_after_seq = ? WHERE id = 1",
    );
    this.#reindexDone = db.prepare(
      "UPDATE search_analyzer SET version = ?, reindex_version = NULL, reindex_after_seq = 0 WHERE id = 1",
    );
    this.#countUpTo = db.prepare("SELECT count(*) AS n FROM articles WHERE seq <= ?");
    // IMMEDIATE: the write takes the write lock before checking where the last batch stopped, so of two processes
    // that read the same batch only one writes it (a deferred transaction could read, then fail to upgrade).
    this.#writeReindex = db.transaction((read: ReindexRead, analyses: readonly ReindexAnalysis[]) =>
      this.#writeReindexLocked(read, analyses),
    ).immediate;
    this.#writeBatch = writeTransaction(db, (batch: readonly ArticleWrite[]) => this.#writeAll(batch));
    this.#delete = writeTransaction(db, (id: string, reason: string) => this.#deleteOne(id, reason));
  }

  async writeArticles(batch: readonly ArticleWrite[]): Promise<UpsertOutcome[]> {
    if (batch.length === 0) return [];
    return this.#writeBatch(batch);
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.#byId.get(id);
    return row === undefined ? null : toArticle(row);
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    return inAskedOrder(ids, this.#byIds.all(JSON.stringify(ids)).map(toArticle));
  }

  async getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]> {
    if (ids.length === 0) return [];
    return inAskedOrder(ids, this.#summariesByIds.all(JSON.stringify(ids)).map(toArticleSummary));
  }

  /**
   * A takedown leaves no copy of the article's text in the database's files: the connection zeroes what b-tree
   * writes free in place (secure_delete FAST, open-sqlite-storage.ts), the delete runs with secure_delete ON (the
   * freed overflow pages zeroed too), FTS5's secure-delete takes its entries out of the index, and a checkpoint folds
   * the WAL (which may hold the row as first written) into the file and truncates it.
   * Left: index terms only this article used may stay in an FTS segment (pointing at no row) until it is merged; an
   * earlier version of the article (before an update) may stay on free pages until they are reused; and with another
   * connection reading, the checkpoint waits (busy_timeout) and may stop short, leaving it to the next one.
   */
  async deleteArticle(id: string, reason: string): Promise<boolean> {
    const mode = this.#db.pragma("secure_delete", { simple: true }) as number;
    this.#db.pragma("secure_delete = ON");
    let deleted: boolean;
    try {
      deleted = this.#delete(id, reason);
    } finally {
      this.#db.pragma(`secure_delete = ${mode === 2 ? "FAST" : mode}`);
    }
    if (deleted) this.#db.pragma("wal_checkpoint(TRUNCATE)");
    return deleted;
  }

  async findArticleIdByUrl(canonicalUrl: string): Promise<string | null> {
    return this.#byUrl.get(urlKeyOf(canonicalUrl))?.id ?? null;
  }

  async countArticles(): Promise<number> {
    return this.#count.get()?.n ?? 0;
  }

  async listArticlesAfter(afterSeq: number, limit: number): Promise<Article[]> {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new AkhbarError("store.bad_request", `store: limit must be a non-negative integer, got ${limit}`);
    }
    return this.#after.all(afterSeq, limit).map(toArticle);
  }

  async readAnalyzerVersion(): Promise<number> {
    return this.#analyzerState.get()?.version ?? FIRST_ANALYZER_VERSION;
  }

  async readReindexBatch(version: number, limit: number): Promise<ReindexRead | null> {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new AkhbarError("store.bad_request", `store: limit must be a positive integer, got ${limit}`);
    }
    const afterSeq = readResumeAfter(this.#analyzerState.get(), version);
    if (afterSeq === null) return null;
    return { version, afterSeq, rows: this.#reindexRows.all(afterSeq, limit) };
  }

  async writeReindexBatch(read: ReindexRead, analyses: readonly ReindexAnalysis[]): Promise<ReindexBatch> {
    checkReindexAnalyses(read, analyses);
    return this.#writeReindex(read, analyses);
  }

  async countReindexed(version: number): Promise<number> {
    const state = this.#analyzerState.get();
    const after = state === undefined ? null : reindexResumeAfter(state, version);
    return after === null || after === 0 ? 0 : (this.#countUpTo.get(after)?.n ?? 0);
  }

  /** A read re-index batch written inside its transaction: digests first, then FTS rows, for the reason #writeAll gives. */
  #writeReindexLocked(read: ReindexRead, analyses: readonly ReindexAnalysis[]): ReindexBatch {
    const { version, rows } = read;
    // The row is written by migration 7; written again here if it was ever deleted.
    this.#ensureAnalyzerState.run(FIRST_ANALYZER_VERSION);
    const after = reindexResumeAfter(this.#analyzerState.get()!, version);
    if (after === null) return { reindexed: 0, changed: 0, done: true };
    if (after !== read.afterSeq) return { reindexed: 0, changed: 0, done: false };
    if (rows.length === 0) {
      this.#reindexDone.run(version);
      return { reindexed: 0, changed: 0, done: true };
    }
    const written = rows.map((row, i) => {
      const { indexDigest, contentHash } = analyses[i]!;
      return (
        this.#setDigestIfUnchanged.run(indexDigest, contentHash, row.seq, row.title, row.text).changes === 1
      );
    });
    for (const [i, { seq }] of rows.entries()) {
      if (!written[i]) continue;
      const { index } = analyses[i]!;
      this.#ftsDelete.run(seq);
      this.#ftsInsert.run(seq, index.title, index.body, index.surface);
    }
    this.#reindexStep.run(version, resumeAfterWrite(read, written));
    const reindexed = written.filter(Boolean).length;
    return { reindexed, changed: rows.length - reindexed, done: false };
  }

  /**
   * Writes the article rows in input order, then the batch's FTS changes in that same order. FTS5 flushes its
   * pending terms to a new on-disk segment whenever another statement of the transaction opens a savepoint (every
   * article INSERT does, for its triggers and UNIQUE checks), so interleaving the two wrote one tiny segment per
   * article and spent most of the import merging them (77% of sqlite3_step instructions on 4,000 dev articles,
   * callgrind). Queued, the batch's terms reach disk once, at commit. Lookups never read the FTS table, so the
   * order of row writes, and with it every outcome, is unchanged.
   */
  #writeAll(batch: readonly ArticleWrite[]): UpsertOutcome[] {
    const now = this.#clock.now().toISOString();
    const ensured = new Set<string>();
    const outcomes: UpsertOutcome[] = [];
    const fts: FtsChange[] = [];
    const olderAfter = olderHashesAfter(this.#analyzerState.get());
    for (const write of batch) {
      const values = toRowValues(write);
      const { id } = values;
      const existing = this.#byId.get(id);
      if (existing !== undefined) {
        outcomes.push(this.#rewrite(existing, values, write, ensured, now, fts));
        continue;
      }
      const sameUrl = this.#byUrlKey.get(values.url_key);
      if (sameUrl !== undefined) {
        outcomes.push({ status: "duplicate", id, existingId: sameUrl.id, by: "canonical_url" });
        continue;
      }
      const hashKey = hasText(values.text) ? values.content_hash : null;
      if (hashKey !== null) {
        // Mid re-index, an article it has not reached holds the hash an older analyzer folded: its text decides.
        const sameText =
          this.#bySourceHash.get(values.source_id, hashKey) ??
          (olderAfter === null
            ? undefined
            : this.#bySourceTextAfter.get(values.source_id, olderAfter, values.text, values.text));
        if (sameText !== undefined) {
          outcomes.push({ status: "duplicate", id, existingId: sameText.id, by: "content_hash" });
          continue;
        }
      }
      // The text digest only for a source with a tombstone that has one (an index probe): most writes name none, and a
      // digest costs ~50 µs a dev-corpus text on the writing thread (4,000 texts: 200-270 ms).
      const digestKey =
        hashKey !== null && this.#hasDigestTombstones.get(values.source_id) !== undefined
          ? tombstoneTextDigest(values.text)
          : null;
      const tombstoned = this.#tombstoned.get(
        id,
        values.url_key,
        values.source_id,
        hashKey,
        values.source_id,
        digestKey,
      );
      if (tombstoned !== undefined) {
        outcomes.push({ status: "tombstoned", id });
        continue;
      }
      this.#ensure(values.source_id, ensured, now);
      const seq = this.#insert.run({ ...values, stored_at: now }).lastInsertRowid;
      fts.push({ op: "insert", seq, write });
      outcomes.push({ status: "inserted", id });
    }
    for (const change of fts) {
      if (change.op === "delete") this.#ftsDelete.run(change.seq);
      else {
        const { title, body, surface } = change.write.index;
        this.#ftsInsert.run(change.seq, title, body, surface);
      }
    }
    return outcomes;
  }

  #rewrite(
    existing: ArticleRow,
    values: RowValues,
    write: ArticleWrite,
    ensured: Set<string>,
    now: string,
    fts: FtsChange[],
  ): UpsertOutcome {
    const { id } = values;
    if (COMPARED_COLUMNS.every((c) => existing[c] === values[c])) return { status: "unchanged", id };
    if (values.url_key !== existing.url_key) {
      const sameUrl = this.#byUrlKey.get(values.url_key);
      if (sameUrl !== undefined && sameUrl.seq !== existing.seq) {
        // Moving onto another article's URL would merge two articles; keep both as they are.
        return { status: "duplicate", id, existingId: sameUrl.id, by: "canonical_url" };
      }
    }
    this.#ensure(values.source_id, ensured, now);
    this.#update.run({ ...values, seq: existing.seq });
    if (values.index_digest !== existing.index_digest) {
      fts.push({ op: "delete", seq: existing.seq }, { op: "insert", seq: existing.seq, write });
    }
    return { status: "updated", id };
  }

  /** Articles may name a source nobody registered yet; it is created with its id as name (see ensureSources). */
  #ensure(sourceId: string, ensured: Set<string>, now: string): void {
    if (ensured.has(sourceId)) return;
    this.#ensureSource.run(sourceId, sourceId, SOURCE_LANGUAGE_DEFAULT, now);
    ensured.add(sourceId);
  }

  #deleteOne(id: string, reason: string): boolean {
    const row = this.#byId.get(id);
    if (row === undefined) return false;
    const hashKey = hasText(row.text) ? row.content_hash : null;
    this.#insertTombstone.run(
      row.id,
      row.url_key,
      row.source_id,
      hashKey,
      tombstoneTextDigest(row.text),
      reason,
      this.#clock.now().toISOString(),
    );
    this.#ftsSecureDeleteOn.run();
    this.#ftsDelete.run(row.seq);
    this.#ftsSecureDeleteOff.run();
    // Read before the row goes: its placement goes with it (ON DELETE CASCADE).
    const placed = this.#placementOf.get(row.id);
    this.#deleteRow.run(row.seq);
    if (placed !== undefined) this.#afterPlacedDelete(placed);
    return true;
  }
}

/**
 * Prepares what follows the delete of a placed article (`placed`: its placement, read before the delete) in the
 * delete's transaction: its copy group re-keyed (story-row.ts firstGroupMemberSql), its story and the group's stories
 * recounted (prepareStoryRecount: an emptied story goes, a headline whose article is gone moves to the earliest
 * original) and the placement version moved (story-row.ts DeletedPlacementRow says why).
 */
function prepareAfterPlacedDelete(db: Database.Database): (placed: DeletedPlacementRow) => void {
  const firstMember = db.prepare<[string], { article_id: string }>(firstGroupMemberSql("?", ""));
  // As a step's groupOriginals and groupMerges write them.
  const { repoint, moveGroup, storiesOfGroup } = prepareGroupEdits(db);
  const bump = db.prepare("UPDATE story_state SET version = version + 1");
  const recount = prepareStoryRecount(db);
  return (placed) => {
    const touched = new Set([placed.story_id]);
    const first = firstMember.get(placed.group_id)?.article_id;
    if (first !== undefined) {
      for (const r of storiesOfGroup.all(placed.group_id)) touched.add(r.story_id);
      if (placed.duplicate_of === null) repoint.run(first, first, placed.group_id);
      if (placed.group_id === placed.article_id) moveGroup.run(first, placed.group_id);
    }
    recount(touched, new Map());
    bump.run();
  };
}

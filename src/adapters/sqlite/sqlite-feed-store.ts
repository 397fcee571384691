/**
 * SqliteFeedStore: the FeedStore port on better-sqlite3 (tables of migration 2).
 * Adapter (IO). A feed run's state and its new items commit in one transaction; claims are transactions too.
 */
import type Database from "better-sqlite3";
import { AkhbarError } from "../../domain/errors.ts";
import type {
  Feed,
  FeedDraft,
  FeedRunRecord,
  HostPause,
  PendingItem,
  PendingItemDraft,
} from "../../domain/feed.ts";
import type { AddFeedResult, FeedStore, ItemCompletion } from "../../ports/feed-store.ts";
import type { FeedEntry } from "../../stages/feeds/feed-document.ts";
import { DEFAULT_POLL_INTERVAL_MS } from "../../stages/fetch/poll-interval.ts";
import { type FeedRow, toFeed } from "../feed-row.ts";
import { writeTransaction } from "./write-transaction.ts";

interface PendingRow {
  seq: number;
  feed_id: number;
  item_key: string;
  url_key: string;
  entry: string;
  attempts: number;
  source_id: string;
  feed_url: string;
}

export class SqliteFeedStore implements FeedStore {
  readonly #db: Database.Database;
  readonly #insertFeed: Database.Statement;
  readonly #byId: Database.Statement<[number], FeedRow>;
  readonly #byUrl: Database.Statement<[string], FeedRow>;
  readonly #recordRun: (
    feedId: number,
    run: FeedRunRecord,
    c: readonly PendingItemDraft[],
    max: number,
  ) => number;
  readonly #claimFeeds: (nowMs: number, limit: number, leaseMs: number) => FeedRow[];
  readonly #claimItems: (limit: number, feedId: number | null) => PendingRow[];
  readonly #removeSource: (id: string) => { feedsRemoved: number; sourceDeleted: boolean } | null;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#insertFeed = db.prepare(
      `INSERT INTO feeds (url, source_id, kind, title, next_poll_ms, poll_interval_ms, created_at)
       VALUES (@url, @source_id, @kind, @title, @next_poll_ms, @poll_interval_ms, @created_at)
       ON CONFLICT (url) DO NOTHING`,
    );
    this.#byId = db.prepare("SELECT * FROM feeds WHERE id = ?");
    this.#byUrl = db.prepare("SELECT * FROM feeds WHERE url = ?");

    const updateFeed = db.prepare(
      `UPDATE feeds SET etag = @etag, last_modified = @last_modified, body_hash = @body_hash,
         ignore_validators = @ignore_validators, last_full_fetch_ms = @last_full_fetch_ms,
         last_fetch_at = @last_fetch_at, status = @status, http_status = @http_status,
         new_items_last_run = @new_items, error_code = @error_code, error = @error,
         failure_score = @failure_score, consecutive_failures = @consecutive_failures,
         disabled_reason = @disabled_reason, next_poll_ms = @next_poll_ms, poll_interval_ms = @poll_interval_ms,
         kind = coalesce(@kind, kind), title = coalesce(@title, title), lease_until_ms = NULL,
         url = CASE WHEN @moved_to IS NOT NULL AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = @moved_to)
           THEN @moved_to ELSE url END
       WHERE id = @id`,
    );
    // New means unknown by (feed, key) and by URL key anywhere: the same story in two feeds is fetched once.
    const isKnown = db.prepare<[number, string, string, string], { one: number }>(
      `SELECT 1 AS one WHERE EXISTS (SELECT 1 FROM feed_items WHERE feed_id = ? AND item_key = ?)
         OR EXISTS (SELECT 1 FROM feed_items WHERE url_key = ?)
         OR EXISTS (SELECT 1 FROM articles WHERE url_key = ?)`,
    );
    const insertItem = db.prepare(
      `INSERT INTO feed_items (feed_id, item_key, url_key, state, entry, first_seen_at)
       VALUES (?, ?, ?, 'pending', ?, ?)`,
    );
    this.#recordRun = writeTransaction(db, (feedId, run, candidates, maxNew) => {
      let accepted = 0;
      const seenKeys = new Set<string>();
      const seenUrls = new Set<string>();
      const now = run.lastFetchAt ?? new Date().toISOString();
      for (const c of candidates) {
        if (accepted >= maxNew) break;
        if (seenKeys.has(c.itemKey) || seenUrls.has(c.urlKey)) continue;
        seenKeys.add(c.itemKey);
        seenUrls.add(c.urlKey);
        if (isKnown.get(feedId, c.itemKey, c.urlKey, c.urlKey) !== undefined) continue;
        insertItem.run(feedId, c.itemKey, c.urlKey, JSON.stringify(c.entry), now);
        accepted++;
      }
      const changes = updateFeed.run({
        id: feedId,
        etag: run.etag,
        last_modified: run.lastModified,
        body_hash: run.bodyHash,
        ignore_validators: run.ignoreValidators ? 1 : 0,
        last_full_fetch_ms: run.lastFullFetchMs,
        last_fetch_at: run.lastFetchAt,
        status: run.status,
        http_status: run.httpStatus,
        new_items: accepted,
        error_code: run.errorCode,
        error: run.error,
        failure_score: run.failureScore,
        consecutive_failures: run.consecutiveFailures,
        disabled_reason: run.disabledReason,
        next_poll_ms: Math.round(run.nextPollMs),
        poll_interval_ms: Math.round(run.pollIntervalMs),
        kind: run.kind ?? null,
        title: run.title ?? null,
        moved_to: run.movedTo ?? null,
      }).changes;
      if (changes === 0) throw new AkhbarError("store.not_found", `store: no feed with id ${feedId}`);
      return accepted;
    });

    const due = db.prepare<[number, number, number], FeedRow>(
      `SELECT * FROM feeds
       WHERE disabled_reason IS NULL AND next_poll_ms <= ? AND (lease_until_ms IS NULL OR lease_until_ms <= ?)
       ORDER BY next_poll_ms, id LIMIT ?`,
    );
    const lease = db.prepare("UPDATE feeds SET lease_until_ms = ? WHERE id = ?");
    this.#claimFeeds = writeTransaction(db, (nowMs, limit, leaseMs) => {
      const rows = due.all(nowMs, nowMs, limit);
      for (const row of rows) lease.run(nowMs + leaseMs, row.id);
      return rows;
    });

    const pending = db.prepare<[number | null, number | null, number], PendingRow>(
      `SELECT i.seq, i.feed_id, i.item_key, i.url_key, i.entry, i.attempts, f.source_id, f.url AS feed_url
       FROM feed_items i JOIN feeds f ON f.id = i.feed_id
       WHERE i.state = 'pending' AND (? IS NULL OR i.feed_id = ?)
       ORDER BY i.seq LIMIT ?`,
    );
    const attempt = db.prepare("UPDATE feed_items SET attempts = attempts + 1 WHERE seq = ?");
    this.#claimItems = writeTransaction(db, (limit, feedId) => {
      const rows = pending.all(feedId, feedId, limit);
      for (const row of rows) {
        attempt.run(row.seq);
        row.attempts += 1;
      }
      return rows;
    });

    const sourceExists = db.prepare<[string], { one: number }>("SELECT 1 AS one FROM sources WHERE id = ?");
    const deleteFeeds = db.prepare("DELETE FROM feeds WHERE source_id = ?");
    const hasArticles = db.prepare<[string], { one: number }>(
      "SELECT 1 AS one FROM articles WHERE source_id = ? LIMIT 1",
    );
    const deleteSource = db.prepare("DELETE FROM sources WHERE id = ?");
    this.#removeSource = writeTransaction(db, (id: string) => {
      if (sourceExists.get(id) === undefined) return null;
      const feedsRemoved = deleteFeeds.run(id).changes;
      const sourceDeleted = hasArticles.get(id) === undefined && deleteSource.run(id).changes > 0;
      return { feedsRemoved, sourceDeleted };
    });
  }

  async addFeed(draft: FeedDraft, nowMs: number): Promise<AddFeedResult> {
    const { changes } = this.#insertFeed.run({
      url: draft.url,
      source_id: draft.sourceId,
      kind: draft.kind ?? null,
      title: draft.title ?? null,
      next_poll_ms: nowMs,
      poll_interval_ms: DEFAULT_POLL_INTERVAL_MS,
      created_at: new Date(nowMs).toISOString(),
    });
    const row = this.#byUrl.get(draft.url);
    if (row === undefined) throw new Error(`store: feed ${draft.url} vanished right after its insert`);
    return { feed: toFeed(row), created: changes > 0 };
  }

  async getFeed(id: number): Promise<Feed | null> {
    const row = this.#byId.get(id);
    return row === undefined ? null : toFeed(row);
  }

  async getFeedByUrl(url: string): Promise<Feed | null> {
    const row = this.#byUrl.get(url);
    return row === undefined ? null : toFeed(row);
  }

  async listFeeds(): Promise<Feed[]> {
    return (this.#db.prepare("SELECT * FROM feeds ORDER BY source_id, id").all() as FeedRow[]).map(toFeed);
  }

  async removeFeed(id: number): Promise<boolean> {
    return this.#db.prepare("DELETE FROM feeds WHERE id = ?").run(id).changes > 0;
  }

  async removeSource(sourceId: string): Promise<{ feedsRemoved: number; sourceDeleted: boolean } | null> {
    return this.#removeSource(sourceId);
  }

  async disableFeed(id: number, reason: string): Promise<boolean> {
    const sql = "UPDATE feeds SET disabled_reason = ?, lease_until_ms = NULL WHERE id = ?";
    return this.#db.prepare(sql).run(reason, id).changes > 0;
  }

  async enableFeed(id: number, nowMs: number): Promise<boolean> {
    const sql = `UPDATE feeds SET disabled_reason = NULL, failure_score = 0, consecutive_failures = 0,
      next_poll_ms = ? WHERE id = ?`;
    return this.#db.prepare(sql).run(nowMs, id).changes > 0;
  }

  async claimDueFeeds(nowMs: number, limit: number, leaseMs: number): Promise<Feed[]> {
    return this.#claimFeeds(nowMs, limit, leaseMs).map(toFeed);
  }

  async rescheduleFeed(feedId: number, nextPollMs: number, pollIntervalMs?: number): Promise<boolean> {
    const sql = `UPDATE feeds SET next_poll_ms = ?, poll_interval_ms = coalesce(?, poll_interval_ms),
      lease_until_ms = NULL WHERE id = ?`;
    return this.#db.prepare(sql).run(Math.round(nextPollMs), pollIntervalMs ?? null, feedId).changes > 0;
  }

  async releaseLeases(): Promise<number> {
    return this.#db.prepare("UPDATE feeds SET lease_until_ms = NULL WHERE lease_until_ms IS NOT NULL").run()
      .changes;
  }

  async nextDueAt(): Promise<number | null> {
    const row = this.#db
      .prepare("SELECT min(next_poll_ms) AS t FROM feeds WHERE disabled_reason IS NULL")
      .get() as { t: number | null };
    return row.t;
  }

  async recordFeedRun(
    feedId: number,
    run: FeedRunRecord,
    candidates: readonly PendingItemDraft[],
    maxNew: number,
  ): Promise<number> {
    return this.#recordRun(feedId, run, candidates, maxNew);
  }

  async claimPendingItems(limit: number, feedId?: number): Promise<PendingItem[]> {
    return this.#claimItems(limit, feedId ?? null).map((row) => ({
      seq: row.seq,
      feedId: row.feed_id,
      itemKey: row.item_key,
      urlKey: row.url_key,
      entry: JSON.parse(row.entry) as FeedEntry,
      attempts: row.attempts,
      sourceId: row.source_id,
      feedUrl: row.feed_url,
    }));
  }

  async releaseItem(itemSeq: number): Promise<void> {
    this.#db.prepare("UPDATE feed_items SET attempts = max(0, attempts - 1) WHERE seq = ?").run(itemSeq);
  }

  async completeItem(itemSeq: number, completion: ItemCompletion, nowIso: string): Promise<void> {
    this.#db
      .prepare(
        `UPDATE feed_items SET state = 'done', entry = NULL, article_id = ?, outcome = ?, error = ?, done_at = ?
         WHERE seq = ?`,
      )
      .run(completion.articleId, completion.outcome, completion.error, nowIso, itemSeq);
  }

  async countPendingItems(): Promise<number> {
    return (
      this.#db.prepare("SELECT count(*) AS n FROM feed_items WHERE state = 'pending'").get() as { n: number }
    ).n;
  }

  async pauseHost(hostKey: string, untilMs: number, reason: string): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO crawl_hosts (host_key, paused_until_ms, reason) VALUES (?, ?, ?)
         ON CONFLICT (host_key) DO UPDATE SET paused_until_ms = excluded.paused_until_ms, reason = excluded.reason
         WHERE excluded.paused_until_ms > crawl_hosts.paused_until_ms`,
      )
      .run(hostKey, Math.round(untilMs), reason);
  }

  async listHostPauses(nowMs: number): Promise<HostPause[]> {
    const rows = this.#db
      .prepare("SELECT host_key, paused_until_ms, reason FROM crawl_hosts WHERE paused_until_ms > ?")
      .all(nowMs) as { host_key: string; paused_until_ms: number; reason: string }[];
    return rows.map((r) => ({ hostKey: r.host_key, untilMs: r.paused_until_ms, reason: r.reason }));
  }

  async setFlagOnce(name: string, nowIso: string): Promise<boolean> {
    return (
      this.#db
        .prepare("INSERT INTO app_flags (name, set_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .run(name, nowIso).changes > 0
    );
  }

  async hasFlag(name: string): Promise<boolean> {
    return this.#db.prepare("SELECT 1 FROM app_flags WHERE name = ?").get(name) !== undefined;
  }
}

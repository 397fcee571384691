/**
 * PostgresFeedStore: the FeedStore port on node-postgres (tables of migration 2).
 * Adapter (IO). A feed run's state and its new items commit in one transaction; claims use FOR UPDATE SKIP LOCKED,
 * so crawlers on several machines never take the same feed or item at once.
 */
import type pg from "pg";
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
import { md5Hex } from "./md5-hex.ts";
import { lockSources, runTransaction } from "./run-transaction.ts";

interface PendingRow {
  seq: number;
  feed_id: number;
  item_key: string;
  url_key: string;
  entry: FeedEntry;
  attempts: number;
  source_id: string;
  feed_url: string;
}

const FEED_COLUMNS = `id, url, source_id, kind, title, etag, last_modified, body_hash, ignore_validators,
  last_full_fetch_ms, last_fetch_at, status, http_status, new_items_last_run, error_code, error, failure_score,
  consecutive_failures, disabled_reason, next_poll_ms, poll_interval_ms, created_at`;

export class PostgresFeedStore implements FeedStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async addFeed(draft: FeedDraft, nowMs: number): Promise<AddFeedResult> {
    const inserted = await this.#pool.query<FeedRow>(
      `INSERT INTO feeds (url, source_id, kind, title, next_poll_ms, poll_interval_ms, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (md5(url)) DO NOTHING RETURNING ${FEED_COLUMNS}`,
      [
        draft.url,
        draft.sourceId,
        draft.kind ?? null,
        draft.title ?? null,
        nowMs,
        DEFAULT_POLL_INTERVAL_MS,
        new Date(nowMs).toISOString(),
      ],
    );
    const created = inserted.rows[0];
    if (created !== undefined) return { feed: toFeed(created), created: true };
    const existing = await this.getFeedByUrl(draft.url);
    if (existing === null) throw new Error(`store: feed ${draft.url} vanished right after its insert`);
    return { feed: existing, created: false };
  }

  async getFeed(id: number): Promise<Feed | null> {
    const { rows } = await this.#pool.query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toFeed(rows[0]);
  }

  async getFeedByUrl(url: string): Promise<Feed | null> {
    const { rows } = await this.#pool.query<FeedRow>(
      `SELECT ${FEED_COLUMNS} FROM feeds WHERE md5(url) = md5($1) AND url = $1`,
      [url],
    );
    return rows[0] === undefined ? null : toFeed(rows[0]);
  }

  async listFeeds(): Promise<Feed[]> {
    const { rows } = await this.#pool.query<FeedRow>(
      `SELECT ${FEED_COLUMNS} FROM feeds ORDER BY source_id COLLATE "C", id`,
    );
    return rows.map(toFeed);
  }

  async removeFeed(id: number): Promise<boolean> {
    return ((await this.#pool.query("DELETE FROM feeds WHERE id = $1", [id])).rowCount ?? 0) > 0;
  }

  async removeSource(sourceId: string): Promise<{ feedsRemoved: number; sourceDeleted: boolean } | null> {
    return runTransaction(this.#pool, async (client) => {
      await lockSources(client, [sourceId]);
      const exists = await client.query("SELECT 1 FROM sources WHERE id = $1", [sourceId]);
      if (exists.rowCount === 0) return null;
      const feedsRemoved =
        (await client.query("DELETE FROM feeds WHERE source_id = $1", [sourceId])).rowCount ?? 0;
      const deleted = await client.query(
        "DELETE FROM sources s WHERE s.id = $1 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = s.id)",
        [sourceId],
      );
      return { feedsRemoved, sourceDeleted: (deleted.rowCount ?? 0) > 0 };
    });
  }

  async disableFeed(id: number, reason: string): Promise<boolean> {
    const result = await this.#pool.query(
      "UPDATE feeds SET disabled_reason = $1, lease_until_ms = NULL WHERE id = $2",
      [reason, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async enableFeed(id: number, nowMs: number): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE feeds SET disabled_reason = NULL, failure_score = 0, consecutive_failures = 0, next_poll_ms = $1
       WHERE id = $2`,
      [nowMs, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async claimDueFeeds(nowMs: number, limit: number, leaseMs: number): Promise<Feed[]> {
    // SKIP LOCKED: a feed another crawler is claiming right now is left to it, never waited for or taken twice.
    const { rows } = await this.#pool.query<FeedRow>(
      `UPDATE feeds SET lease_until_ms = $2 WHERE id IN (
         SELECT id FROM feeds
         WHERE disabled_reason IS NULL AND next_poll_ms <= $1 AND (lease_until_ms IS NULL OR lease_until_ms <= $1)
         ORDER BY next_poll_ms, id LIMIT $3 FOR UPDATE SKIP LOCKED
       ) RETURNING ${FEED_COLUMNS}`,
      [nowMs, nowMs + leaseMs, limit],
    );
    return rows.sort((a, b) => a.next_poll_ms - b.next_poll_ms || a.id - b.id).map(toFeed);
  }

  async rescheduleFeed(feedId: number, nextPollMs: number, pollIntervalMs?: number): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE feeds SET next_poll_ms = $1, poll_interval_ms = coalesce($2, poll_interval_ms), lease_until_ms = NULL
       WHERE id = $3`,
      [Math.round(nextPollMs), pollIntervalMs === undefined ? null : Math.round(pollIntervalMs), feedId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async releaseLeases(): Promise<number> {
    const result = await this.#pool.query(
      "UPDATE feeds SET lease_until_ms = NULL WHERE lease_until_ms IS NOT NULL",
    );
    return result.rowCount ?? 0;
  }

  async nextDueAt(): Promise<number | null> {
    const { rows } = await this.#pool.query<{ t: number | null }>(
      "SELECT min(next_poll_ms) AS t FROM feeds WHERE disabled_reason IS NULL",
    );
    return rows[0]?.t ?? null;
  }

  async recordFeedRun(
    feedId: number,
    run: FeedRunRecord,
    candidates: readonly PendingItemDraft[],
    maxNew: number,
  ): Promise<number> {
    return runTransaction(this.#pool, async (client) => {
      const keys = [...new Set(candidates.map((c) => c.itemKey))];
      const urlKeys = [...new Set(candidates.map((c) => c.urlKey))];
      const urlMd5s = urlKeys.map(md5Hex);
      // New means unknown by (feed, key) and by URL key anywhere: the same story in two feeds is fetched once.
      const knownKeys = await client.query<{ item_key: string }>(
        `SELECT item_key FROM feed_items
         WHERE feed_id = $1 AND md5(item_key) = ANY($2::text[]) AND item_key = ANY($3::text[])`,
        [feedId, keys.map(md5Hex), keys],
      );
      const knownUrls = await client.query<{ url_key: string }>(
        `SELECT url_key FROM feed_items WHERE md5(url_key) = ANY($1::text[]) AND url_key = ANY($2::text[])
         UNION SELECT url_key FROM articles WHERE md5(url_key) = ANY($1::text[]) AND url_key = ANY($2::text[])`,
        [urlMd5s, urlKeys],
      );
      const seenKeys = new Set(knownKeys.rows.map((r) => r.item_key));
      const seenUrls = new Set(knownUrls.rows.map((r) => r.url_key));
      const accepted: PendingItemDraft[] = [];
      for (const c of candidates) {
        if (accepted.length >= maxNew) break;
        if (seenKeys.has(c.itemKey) || seenUrls.has(c.urlKey)) continue;
        seenKeys.add(c.itemKey);
        seenUrls.add(c.urlKey);
        accepted.push(c);
      }
      const now = run.lastFetchAt ?? new Date().toISOString();
      // One row at a time keeps seq in candidate order (the order claimPendingItems hands them out).
      for (const c of accepted) {
        await client.query(
          `INSERT INTO feed_items (feed_id, item_key, url_key, state, entry, first_seen_at)
           VALUES ($1, $2, $3, 'pending', $4::json, $5)`,
          [feedId, c.itemKey, c.urlKey, JSON.stringify(c.entry), now],
        );
      }
      const updated = await client.query(
        `UPDATE feeds SET etag = $2, last_modified = $3, body_hash = $4, ignore_validators = $5,
           last_full_fetch_ms = $6, last_fetch_at = $7, status = $8, http_status = $9, new_items_last_run = $10,
           error_code = $11, error = $12, failure_score = $13, consecutive_failures = $14, disabled_reason = $15,
           next_poll_ms = $16, poll_interval_ms = $17, kind = coalesce($18, kind), title = coalesce($19, title),
           lease_until_ms = NULL,
           url = CASE WHEN $20::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = $20::text)
             THEN $20::text ELSE url END
         WHERE id = $1`,
        [
          feedId,
          run.etag,
          run.lastModified,
          run.bodyHash,
          run.ignoreValidators,
          run.lastFullFetchMs,
          run.lastFetchAt,
          run.status,
          run.httpStatus,
          accepted.length,
          run.errorCode,
          run.error,
          run.failureScore,
          run.consecutiveFailures,
          run.disabledReason,
          Math.round(run.nextPollMs),
          Math.round(run.pollIntervalMs),
          run.kind ?? null,
          run.title ?? null,
          run.movedTo ?? null,
        ],
      );
      if (updated.rowCount === 0)
        throw new AkhbarError("store.not_found", `store: no feed with id ${feedId}`);
      return accepted.length;
    });
  }

  async claimPendingItems(limit: number, feedId?: number): Promise<PendingItem[]> {
    const { rows } = await this.#pool.query<PendingRow>(
      `WITH claimed AS (
         UPDATE feed_items SET attempts = attempts + 1 WHERE seq IN (
           SELECT seq FROM feed_items WHERE state = 'pending' AND ($1::bigint IS NULL OR feed_id = $1)
           ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED
         ) RETURNING seq, feed_id, item_key, url_key, entry, attempts
       )
       SELECT c.*, f.source_id, f.url AS feed_url FROM claimed c JOIN feeds f ON f.id = c.feed_id ORDER BY c.seq`,
      [feedId ?? null, limit],
    );
    return rows.map((row) => ({
      seq: row.seq,
      feedId: row.feed_id,
      itemKey: row.item_key,
      urlKey: row.url_key,
      entry: row.entry,
      attempts: row.attempts,
      sourceId: row.source_id,
      feedUrl: row.feed_url,
    }));
  }

  async releaseItem(itemSeq: number): Promise<void> {
    await this.#pool.query("UPDATE feed_items SET attempts = greatest(0, attempts - 1) WHERE seq = $1", [
      itemSeq,
    ]);
  }

  async completeItem(itemSeq: number, completion: ItemCompletion, nowIso: string): Promise<void> {
    await this.#pool.query(
      `UPDATE feed_items SET state = 'done', entry = NULL, article_id = $1, outcome = $2, error = $3, done_at = $4
       WHERE seq = $5`,
      [completion.articleId, completion.outcome, completion.error, nowIso, itemSeq],
    );
  }

  async countPendingItems(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>(
      "SELECT count(*) AS n FROM feed_items WHERE state = 'pending'",
    );
    return rows[0]?.n ?? 0;
  }

  async pauseHost(hostKey: string, untilMs: number, reason: string): Promise<void> {
    await this.#pool.query(
      `INSERT INTO crawl_hosts (host_key, paused_until_ms, reason) VALUES ($1, $2, $3)
       ON CONFLICT (host_key) DO UPDATE SET paused_until_ms = excluded.paused_until_ms, reason = excluded.reason
       WHERE excluded.paused_until_ms > crawl_hosts.paused_until_ms`,
      [hostKey, Math.round(untilMs), reason],
    );
  }

  async listHostPauses(nowMs: number): Promise<HostPause[]> {
    const { rows } = await this.#pool.query<{ host_key: string; paused_until_ms: number; reason: string }>(
      "SELECT host_key, paused_until_ms, reason FROM crawl_hosts WHERE paused_until_ms > $1",
      [nowMs],
    );
    return rows.map((r) => ({ hostKey: r.host_key, untilMs: r.paused_until_ms, reason: r.reason }));
  }

  async setFlagOnce(name: string, nowIso: string): Promise<boolean> {
    const result = await this.#pool.query(
      "INSERT INTO app_flags (name, set_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [name, nowIso],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async hasFlag(name: string): Promise<boolean> {
    return ((await this.#pool.query("SELECT 1 FROM app_flags WHERE name = $1", [name])).rowCount ?? 0) > 0;
  }
}

/**
 * The stored shape of a feed shared by the storage adapters (columns as in both adapters' "feeds" migration) and
 * row → Feed. Adapter helper, pure.
 */
import type { Feed, FeedStatus } from "../domain/feed.ts";
import type { FeedKind } from "../stages/feeds/feed-document.ts";

export interface FeedRow {
  id: number;
  url: string;
  source_id: string;
  kind: string | null;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  body_hash: string | null;
  /** SQLite stores 0/1, PostgreSQL a boolean. */
  ignore_validators: number | boolean;
  last_full_fetch_ms: number | null;
  last_fetch_at: string | null;
  status: string;
  http_status: number | null;
  new_items_last_run: number;
  error_code: string | null;
  error: string | null;
  failure_score: number;
  consecutive_failures: number;
  disabled_reason: string | null;
  next_poll_ms: number;
  poll_interval_ms: number;
  lease_until_ms?: number | null;
  created_at: string;
}

/** A feeds row as the domain's Feed. */
export function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    sourceId: row.source_id,
    kind: row.kind as FeedKind | null,
    title: row.title,
    etag: row.etag,
    lastModified: row.last_modified,
    bodyHash: row.body_hash,
    ignoreValidators: row.ignore_validators === true || row.ignore_validators === 1,
    lastFullFetchMs: row.last_full_fetch_ms,
    lastFetchAt: row.last_fetch_at,
    status: row.status as FeedStatus,
    httpStatus: row.http_status,
    newItemsLastRun: row.new_items_last_run,
    errorCode: row.error_code,
    error: row.error,
    failureScore: row.failure_score,
    consecutiveFailures: row.consecutive_failures,
    disabledReason: row.disabled_reason,
    nextPollMs: row.next_poll_ms,
    pollIntervalMs: row.poll_interval_ms,
    createdAt: row.created_at,
  };
}

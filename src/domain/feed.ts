/**
 * Feed: a URL akhbar polls for one source, with its validators, health and schedule; and the entries a poll
 * accepted as new (pending items). Pure domain types shared by the crawl pipeline, FeedStore and surfaces.
 */
import type { FeedEntry, FeedKind } from "../stages/feeds/feed-document.ts";

/** pending: never polled; ok: last poll parsed; not_modified: last poll was a 304 or an unchanged body;
 * error: last poll failed; offline: last poll failed while the network looked down (not held against the feed). */
export type FeedStatus = "pending" | "ok" | "not_modified" | "error" | "offline";

export interface FeedDraft {
  url: string;
  sourceId: string;
  kind?: FeedKind | null;
  title?: string | null;
}

export interface Feed {
  id: number;
  url: string;
  sourceId: string;
  kind: FeedKind | null;
  title: string | null;
  /** Validators as conditional-get.ts keeps them. */
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  ignoreValidators: boolean;
  lastFullFetchMs: number | null;
  /** ISO time of the last poll attempt. */
  lastFetchAt: string | null;
  status: FeedStatus;
  httpStatus: number | null;
  newItemsLastRun: number;
  errorCode: string | null;
  error: string | null;
  failureScore: number;
  consecutiveFailures: number;
  /** Set when the failure policy paused the feed; it is then never polled until re-enabled. */
  disabledReason: string | null;
  nextPollMs: number;
  pollIntervalMs: number;
  createdAt: string;
}

/** What a feed run changes on its feed, written with the run's new items in one transaction. */
export type FeedRunRecord = Pick<
  Feed,
  | "etag"
  | "lastModified"
  | "bodyHash"
  | "ignoreValidators"
  | "lastFullFetchMs"
  | "lastFetchAt"
  | "status"
  | "httpStatus"
  | "errorCode"
  | "error"
  | "failureScore"
  | "consecutiveFailures"
  | "disabledReason"
  | "nextPollMs"
  | "pollIntervalMs"
> & {
  /** Set when the document told us (first parse, or it changed). */
  kind?: FeedKind | null;
  title?: string | null;
  /**
   * Where the feed now lives, when it answered only through permanent redirects (301/308): the feed's URL becomes
   * this one, unless another feed already has it (then the feed keeps its URL and goes on being redirected).
   */
  movedTo?: string | null;
};

/** A feed entry a run offers as new: its stable key within the feed and its URL key across feeds. */
export interface PendingItemDraft {
  itemKey: string;
  /** Canonical URL without its scheme, as `articles.url_key`. */
  urlKey: string;
  entry: FeedEntry;
}

export interface PendingItem extends PendingItemDraft {
  seq: number;
  feedId: number;
  sourceId: string;
  feedUrl: string;
  /** Attempts including the current one. */
  attempts: number;
}

export interface HostPause {
  hostKey: string;
  untilMs: number;
  reason: string;
}

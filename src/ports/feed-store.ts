/**
 * FeedStore port: the crawler's durable state — feeds with validators, health and schedule; the entries each feed
 * run accepted (the outbox the item step drains); per-host pauses; one-time flags. Interface only.
 */
import type {
  Feed,
  FeedDraft,
  FeedRunRecord,
  HostPause,
  PendingItem,
  PendingItemDraft,
} from "../domain/feed.ts";

export interface AddFeedResult {
  feed: Feed;
  /** False when a feed with this URL already existed (it is returned unchanged). */
  created: boolean;
}

export interface ItemCompletion {
  /** The article the item became, when one was written (or found already stored). */
  articleId: string | null;
  /** What happened: an UpsertOutcome status, or "skipped" / "failed". */
  outcome: string;
  /** Why the page was not used or the item was skipped, when it was not. */
  error: string | null;
}

export interface FeedStore {
  /** Adds a feed for an existing source, due at `nowMs`; idempotent by URL. */
  addFeed(draft: FeedDraft, nowMs: number): Promise<AddFeedResult>;
  getFeed(id: number): Promise<Feed | null>;
  getFeedByUrl(url: string): Promise<Feed | null>;
  /** Every feed, by source then id. */
  listFeeds(): Promise<Feed[]>;
  /** Deletes a feed and its item records (articles stay). False if unknown. */
  removeFeed(id: number): Promise<boolean>;
  /**
   * Deletes a source's feeds (and their item records) and the source itself when no stored article names it
   * (articles stay searchable). Null when the source is unknown.
   */
  removeSource(sourceId: string): Promise<{ feedsRemoved: number; sourceDeleted: boolean } | null>;
  /** Stops polling a feed, with `reason` shown in its health (admin action); enableFeed undoes it. False if unknown. */
  disableFeed(id: number, reason: string): Promise<boolean>;
  /** Clears a disabled feed's reason and failure counters and makes it due at `nowMs` (admin action). */
  enableFeed(id: number, nowMs: number): Promise<boolean>;
  /**
   * Takes up to `limit` enabled feeds due at `nowMs` and not leased by another crawler, soonest first, and
   * leases them until `nowMs + leaseMs`. Two concurrent callers never get the same feed.
   */
  claimDueFeeds(nowMs: number, limit: number, leaseMs: number): Promise<Feed[]>;
  /** Sets when a feed is next polled (and its interval, when given) and drops its lease; false if unknown. */
  rescheduleFeed(feedId: number, nextPollMs: number, pollIntervalMs?: number): Promise<boolean>;
  /** Drops every lease (a crawler starting up: the previous one is gone). Returns how many were held. */
  releaseLeases(): Promise<number>;
  /** Epoch ms of the soonest poll among enabled feeds, or null when there are none. */
  nextDueAt(): Promise<number | null>;
  /**
   * Commits one feed run in one transaction: the feed's new state (validators, health, schedule; lease dropped)
   * and, in order, those of `candidates` that are new — neither their (feed, key) nor their URL key known to any
   * feed or stored article — as pending items, at most `maxNew`. Returns how many were accepted.
   */
  recordFeedRun(
    feedId: number,
    run: FeedRunRecord,
    candidates: readonly PendingItemDraft[],
    maxNew: number,
  ): Promise<number>;
  /** Up to `limit` pending items, oldest first, each with its attempt count raised (a poison item ends). */
  claimPendingItems(limit: number, feedId?: number): Promise<PendingItem[]>;
  /** Gives a claimed item back untouched (its host asked for a pause): the attempt is not counted. */
  releaseItem(itemSeq: number): Promise<void>;
  /** Marks a pending item done with its outcome and drops its entry payload. */
  completeItem(itemSeq: number, completion: ItemCompletion, nowIso: string): Promise<void>;
  countPendingItems(): Promise<number>;
  /** Holds every feed and article request to `hostKey` until `untilMs` (longer existing pauses are kept). */
  pauseHost(hostKey: string, untilMs: number, reason: string): Promise<void>;
  /** Host pauses still running at `nowMs`. */
  listHostPauses(nowMs: number): Promise<HostPause[]>;
  /** Sets a one-time flag; true when this call set it, false when it was already set. */
  setFlagOnce(name: string, nowIso: string): Promise<boolean>;
  hasFlag(name: string): Promise<boolean>;
}

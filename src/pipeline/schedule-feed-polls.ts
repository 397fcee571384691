/**
 * runFeedPollScheduler: the `akhbar scheduler` loop. The schedule lives in the database (each feed's next poll
 * time), not the queue: every tick leases the due feeds and enqueues one feed.poll job each, with an id made of
 * the feed and its scheduled time, so ticks, restarts and a second scheduler collapse onto one job.
 * Pipeline; ports as arguments.
 */
import type { Clock } from "../ports/clock.ts";
import type { FeedStore } from "../ports/feed-store.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import type { Logger } from "../ports/logger.ts";
import { FEED_LEASE_MS } from "./crawl-context.ts";
import { MAX_IDLE_MS, MIN_ROUND_GAP_MS, ROUND_ERROR_RETRY_MS } from "./crawl-scheduler.ts";
import { enqueuePendingItems } from "./enqueue-pending-items.ts";

/** Feeds leased and enqueued per tick; a full tick is followed by another at once. */
export const MAX_FEEDS_PER_TICK = 500;

/** How often the outbox is swept for items whose job was lost (a Redis restart without AOF): rare, because a
 * feed's own job re-enqueues its leftovers and a stalled job is re-run by the queue. */
export const OUTBOX_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** Items enqueued per sweep. */
export const OUTBOX_SWEEP_LIMIT = 2_000;

/** When a feed's poll job is parked (failed three times: a storage fault), the feed is tried again this much
 * later under a new job id, so one bad hour never stops a feed for good; the parked job stays listed. */
export const PARKED_FEED_RETRY_MS = 30 * 60 * 1000;

export interface FeedPollSchedulerDeps {
  feeds: FeedStore;
  queue: JobQueue;
  clock: Clock;
  log: Logger;
}

export interface FeedPollSchedulerOptions {
  signal: AbortSignal;
  /** Called after each tick with how many feed jobs were added (tests, progress). */
  onTick?: (added: number) => void;
}

/** Runs until `signal` aborts. Storage and queue failures are logged and retried, never thrown. */
export async function runFeedPollScheduler(
  deps: FeedPollSchedulerDeps,
  options: FeedPollSchedulerOptions,
): Promise<void> {
  const { feeds, queue, clock, log } = deps;
  const { signal } = options;
  // Leases of a previous scheduler would hold feeds back for minutes; their queued jobs collapse by id (DUR-06).
  const released = await feeds.releaseLeases();
  if (released > 0)
    log.info({ stage: "schedule", leases: released }, "released leases of a previous scheduler");
  let lastSweep = 0;
  while (!signal.aborted) {
    let waitMs = MAX_IDLE_MS;
    try {
      const nowMs = clock.now().getTime();
      if (nowMs - lastSweep >= OUTBOX_SWEEP_INTERVAL_MS) {
        const swept = await enqueuePendingItems(feeds, queue, OUTBOX_SWEEP_LIMIT);
        if (swept.added > 0) log.info({ stage: "schedule", items: swept.added }, "re-enqueued outbox items");
        lastSweep = nowMs;
      }
      const due = await feeds.claimDueFeeds(nowMs, MAX_FEEDS_PER_TICK, FEED_LEASE_MS);
      let added = 0;
      for (const feed of due) {
        const jobId = `feed-${feed.id}-${Math.round(feed.nextPollMs)}`;
        const result = await queue.enqueue("feed.poll", { feedId: feed.id }, { jobId });
        if (result === "added") added++;
        else if (result === "parked") {
          await feeds.rescheduleFeed(feed.id, nowMs + PARKED_FEED_RETRY_MS);
          log.warn(
            { stage: "schedule", source_id: feed.sourceId, feed_url: feed.url, job_id: jobId },
            "feed poll job is parked; retrying the feed later",
          );
        }
      }
      options.onTick?.(added);
      if (added > 0) log.debug({ stage: "schedule", feeds: added }, "enqueued feed polls");
      if (due.length === MAX_FEEDS_PER_TICK) continue;
      const next = await feeds.nextDueAt();
      if (next !== null) waitMs = next - clock.now().getTime();
    } catch (err) {
      log.error({ stage: "schedule", err: (err as Error).message }, "scheduler tick failed; retrying later");
      waitMs = ROUND_ERROR_RETRY_MS;
    }
    await sleep(Math.min(MAX_IDLE_MS, Math.max(MIN_ROUND_GAP_MS, waitMs)), signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

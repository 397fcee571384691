/**
 * enqueuePendingItems: turns the feed_items outbox into item.fetch jobs, one per item with the deterministic id
 * `item-SEQ`, so the outbox (not the queue) stays the record of what is left to do. Pipeline; ports as arguments.
 */
import type { FeedStore } from "../ports/feed-store.ts";
import type { JobQueue } from "../ports/job-queue.ts";

export interface EnqueuedItems {
  added: number;
  /** Already queued, running or kept as done: collapsed. */
  duplicate: number;
  /** Parked after failing; left for `akhbar jobs --retry`. */
  parked: number;
}

/**
 * Claims up to `limit` pending items (of `feedId`, or of every feed) and enqueues them. An item whose job
 * already exists is given back so the claim does not count as an attempt (an item's attempts end it as poison).
 */
export async function enqueuePendingItems(
  feeds: FeedStore,
  queue: JobQueue,
  limit: number,
  feedId?: number,
): Promise<EnqueuedItems> {
  const out: EnqueuedItems = { added: 0, duplicate: 0, parked: 0 };
  for (const item of await feeds.claimPendingItems(limit, feedId)) {
    const result = await queue.enqueue("item.fetch", { item }, { jobId: `item-${item.seq}` });
    out[result]++;
    if (result !== "added") await feeds.releaseItem(item.seq);
  }
  return out;
}

/**
 * crawlRound: one pass of the crawler — finish items left pending (a crash, a paused host), then poll every due
 * feed and fetch its new items, several feeds at once under per-host limits. Pipeline; ports via CrawlContext.
 */
import type { Feed, PendingItem } from "../domain/feed.ts";
import { hostKeyOf } from "../stages/fetch/host-limiter.ts";
import { assignStories } from "./assign-stories.ts";
import { type CrawlContext, FEED_LEASE_MS } from "./crawl-context.ts";
import { crawlFeed, type FeedRunSummary } from "./crawl-feed.ts";
import { crawlItem, type ItemResult } from "./crawl-item.ts";

/** Feeds claimed per round; more wait for the next round (which starts as soon as this one ends when due). */
export const MAX_FEEDS_PER_ROUND = 500;

/** Leftover pending items taken per round (each feed's own new items are taken with its run). */
export const MAX_LEFTOVER_ITEMS_PER_ROUND = 2_000;

export interface ItemTotals {
  /** New articles written. */
  inserted: number;
  /** Items whose article was already stored (same id or URL or text): updated, unchanged or duplicate. */
  known: number;
  /** Items stored from the feed's own content because the page could not be used. */
  feedContentOnly: number;
  skipped: number;
  failed: number;
  /** Left pending for a later round (host paused). */
  deferred: number;
}

export interface RoundSummary {
  feeds: FeedRunSummary[];
  items: ItemTotals;
  durationMs: number;
}

export interface RoundOptions {
  signal?: AbortSignal;
  /** Called after each feed run is committed (progress output). */
  onFeed?: (summary: FeedRunSummary) => void;
}

/** Runs one round. Network, HTTP and content failures are recorded per feed and item; only storage errors throw. */
export async function crawlRound(ctx: CrawlContext, options: RoundOptions = {}): Promise<RoundSummary> {
  const started = performance.now();
  const items: ItemTotals = { inserted: 0, known: 0, feedContentOnly: 0, skipped: 0, failed: 0, deferred: 0 };
  const feeds: FeedRunSummary[] = [];
  const signal = options.signal;

  // Pauses persisted by this or an earlier process (Retry-After) hold the in-process limiter too.
  const clockNow = ctx.clock.now().getTime();
  for (const pause of await ctx.storage.feeds.listHostPauses(clockNow)) {
    ctx.limiter.pauseHost(pause.hostKey, Date.now() + (pause.untilMs - clockNow));
  }
  const stored: string[] = [];
  const drain = async (batch: PendingItem[]) => {
    await runPool(batch, ctx.settings.maxInFlightPerHost, signal, async (item) => {
      const result = await crawlItem(ctx, item);
      if (result.status === "stored" && result.outcome === "inserted") stored.push(result.articleId);
      tally(items, result);
    });
  };

  const leftovers = await ctx.storage.feeds.claimPendingItems(MAX_LEFTOVER_ITEMS_PER_ROUND);
  await runPool(groupByHost(leftovers), ctx.settings.feedConcurrency, signal, drain);

  const due = signal?.aborted
    ? []
    : await ctx.storage.feeds.claimDueFeeds(clockNow, MAX_FEEDS_PER_ROUND, FEED_LEASE_MS);
  await runPool(due, ctx.settings.feedConcurrency, signal, async (feed: Feed) => {
    const hostKey = hostKeyOf(feed.url);
    const waitMs = ctx.limiter.nextStartAt(hostKey) - Date.now();
    if (waitMs > ctx.settings.maxHostWaitMs) {
      // The host asked for quiet (Retry-After): every feed on it waits, without counting a failure.
      await ctx.storage.feeds.rescheduleFeed(feed.id, ctx.clock.now().getTime() + waitMs);
      return;
    }
    const summary = await crawlFeed(ctx, feed);
    feeds.push(summary);
    options.onFeed?.(summary);
    if (summary.newItems > 0) {
      await drain(
        await ctx.storage.feeds.claimPendingItems(summary.newItems + ctx.settings.maxNewItemsPerRun, feed.id),
      );
    }
  });
  // Feeds claimed but not started (shutdown) are released at once rather than when their lease runs out.
  if (signal?.aborted) {
    const done = new Set(feeds.map((f) => f.feedId));
    for (const feed of due)
      if (!done.has(feed.id)) await ctx.storage.feeds.rescheduleFeed(feed.id, feed.nextPollMs);
  }
  // Stories once per round: one (time, id)-ordered step for everything the round stored.
  await assignStories(ctx.storage, stored);
  return { feeds, items, durationMs: Math.round(performance.now() - started) };
}

function tally(totals: ItemTotals, result: ItemResult): void {
  if (result.status === "stored") {
    if (result.outcome === "inserted") totals.inserted++;
    else totals.known++;
    if (result.pageError !== null) totals.feedContentOnly++;
  } else if (result.status === "skipped") totals.skipped++;
  else if (result.status === "failed") totals.failed++;
  else totals.deferred++;
}

/** Items grouped per host, so leftovers of many hosts progress in parallel and one host's spacing is kept. */
function groupByHost(items: readonly PendingItem[]): PendingItem[][] {
  const groups = new Map<string, PendingItem[]>();
  for (const item of items) {
    let key = "";
    try {
      key = item.entry.url === null ? "" : hostKeyOf(item.entry.url);
    } catch {
      key = "";
    }
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups.values()];
}

/** Runs `fn` over `inputs` with at most `concurrency` at once; stops starting new ones once `signal` aborts. */
async function runPool<T>(
  inputs: readonly T[],
  concurrency: number,
  signal: AbortSignal | undefined,
  fn: (input: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length && !signal?.aborted) {
      const input = inputs[next++] as T;
      await fn(input);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker));
}

/**
 * runCrawlScheduler: the crawler's loop — clear stale leases, then run rounds, sleeping until the next feed is
 * due — until its signal aborts. Failures of a round are logged and retried, never thrown: a server that crawls
 * keeps serving. Pipeline; ports via CrawlContext.
 */
import type { CrawlContext } from "./crawl-context.ts";
import { crawlRound, type RoundSummary } from "./crawl-round.ts";

/** Longest sleep between rounds, so feeds added by another process (`akhbar sources add`) are noticed soon. */
export const MAX_IDLE_MS = 60_000;

/** Shortest gap between rounds: a feed due again at once (clock skew, a zero interval) cannot spin the loop. */
export const MIN_ROUND_GAP_MS = 1_000;

/** Wait after a round failed unexpectedly (a locked or full disk) before trying again. */
export const ROUND_ERROR_RETRY_MS = 30_000;

export interface SchedulerOptions {
  signal: AbortSignal;
  onRound?: (summary: RoundSummary) => void;
}

/** Runs until `signal` aborts; resolves after the round in progress has finished its started work. */
export async function runCrawlScheduler(ctx: CrawlContext, options: SchedulerOptions): Promise<void> {
  const { signal } = options;
  // One crawler per database: leases left by a killed predecessor would hold its feeds back (DUR-06).
  const released = await ctx.storage.feeds.releaseLeases();
  if (released > 0)
    ctx.log.info({ stage: "crawl", leases: released }, "released leases of a previous crawler");
  while (!signal.aborted) {
    let waitMs = MAX_IDLE_MS;
    try {
      const summary = await crawlRound(ctx, { signal });
      options.onRound?.(summary);
      const next = await ctx.storage.feeds.nextDueAt();
      if (next !== null) waitMs = next - ctx.clock.now().getTime();
    } catch (err) {
      ctx.log.error({ stage: "crawl", err: (err as Error).message }, "crawl round failed; retrying later");
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

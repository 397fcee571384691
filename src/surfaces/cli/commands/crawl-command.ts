/**
 * `akhbar crawl [--once]`: polls due feeds and stores their new articles — one round with --once, else on a
 * schedule until SIGINT/SIGTERM. Surface: wires the crawler (main.ts) to the store and prints round summaries.
 */
import { createLogger, openCrawler, openStorage } from "../../../main.ts";
import { crawlRound, type RoundSummary } from "../../../pipeline/crawl-round.ts";
import { runCrawlScheduler } from "../../../pipeline/crawl-scheduler.ts";
import { type CliIo, type Command, printJson, printLine } from "../command.ts";

export const crawlCommand: Command = {
  name: "crawl",
  summary: "poll due feeds and store new articles (--once: one round, then exit)",
  usage: "crawl [--once] [--json]",
  options: { once: { type: "boolean", default: false } },
  positionals: false,
  async run(ctx, values) {
    const log = createLogger(ctx.config, ctx.io.stderr);
    const storage = await openStorage(ctx.config, log);
    const crawler = await openCrawler(ctx.config, storage, log);
    try {
      if (values.once === true) {
        await storage.feeds.releaseLeases();
        const summary = await crawlRound(crawler.context, { signal: ctx.signal });
        if (ctx.json) printJson(ctx.io, toRoundJson(summary));
        else printRound(ctx.io, summary);
        return 0;
      }
      await runCrawlScheduler(crawler.context, {
        signal: ctx.signal,
        onRound: (summary) => {
          if (summary.feeds.length > 0 || summary.items.inserted > 0) printRound(ctx.io, summary);
        },
      });
      return 0;
    } finally {
      await crawler.close();
      await storage.close();
    }
  },
};

export function toRoundJson(summary: RoundSummary) {
  return {
    feeds: summary.feeds.map((f) => ({
      id: f.feedId,
      source: f.sourceId,
      url: f.url,
      status: f.status,
      http_status: f.httpStatus,
      entries: f.entries,
      new_items: f.newItems,
      error: f.error,
      disabled_reason: f.disabledReason,
      next_poll_at: new Date(f.nextPollMs).toISOString(),
    })),
    items: {
      inserted: summary.items.inserted,
      known: summary.items.known,
      feed_content_only: summary.items.feedContentOnly,
      skipped: summary.items.skipped,
      failed: summary.items.failed,
      deferred: summary.items.deferred,
    },
    duration_ms: summary.durationMs,
  };
}

function printRound(io: CliIo, summary: RoundSummary): void {
  for (const f of summary.feeds) {
    const what =
      f.error === null ? `${f.status}, ${f.entries} entries, ${f.newItems} new` : `${f.status}: ${f.error}`;
    printLine(
      io,
      `${f.sourceId}  ${f.url}  ${what}${f.disabledReason ? ` [disabled: ${f.disabledReason}]` : ""}`,
    );
  }
  const i = summary.items;
  const failed = summary.feeds.filter((f) => f.error !== null).length;
  printLine(
    io,
    `crawled ${summary.feeds.length} feed(s) (${failed} failed): ${i.inserted} new article(s), ${i.known} already stored, ` +
      `${i.feedContentOnly} from feed content only, ${i.skipped} skipped, ${i.failed} failed, ${i.deferred} deferred ` +
      `in ${(summary.durationMs / 1000).toFixed(1)} s`,
  );
}

/**
 * createCrawlJobHandlers: what a worker does with each job kind — poll a feed and enqueue its outbox items, fetch
 * and store one item then ask for its story, assign a story (a hook the stories stage plugs into), import a batch
 * of records. Every handler is idempotent: delivery is at least once. Pipeline; ports via CrawlContext.
 */
import { createHash } from "node:crypto";
import type { ImportLine } from "../pipeline/prepare-batch.ts";
import type { BatchPreparer } from "../ports/batch-preparer.ts";
import type { JobHandlers, JobQueue } from "../ports/job-queue.ts";
import { hostKeyOf } from "../stages/fetch/host-limiter.ts";
import type { AssignSummary } from "./assign-stories.ts";
import type { CrawlContext } from "./crawl-context.ts";
import { crawlFeed } from "./crawl-feed.ts";
import { crawlItem } from "./crawl-item.ts";
import { enqueuePendingItems } from "./enqueue-pending-items.ts";
import { importRecords, inThreadPreparer } from "./import-records.ts";

/** Pending items a feed job enqueues beyond its run's cap: leftovers of an interrupted earlier run of the feed. */
export const LEFTOVER_ITEMS_PER_FEED_JOB = 100;

/** Shortest wait before a deferred item runs again: a paused host is not asked again within the second. */
export const MIN_ITEM_DEFER_MS = 1_000;

export interface JobHooks {
  /**
   * Assigns a stored article to a story; "" (an import batch's job) means every article still unplaced. Runs in the single story.assign consumer (one at a time across every worker); the store's
   * assignment lock still guards against other writers (an `akhbar import` beside the workers). No-op when absent.
   */
  assignStory?: (articleId: string) => Promise<AssignSummary | null>;
}

/** Handlers for every job kind over `ctx`; follow-up jobs go to `queue`. */
export function createCrawlJobHandlers(
  ctx: CrawlContext,
  queue: JobQueue,
  hooks: JobHooks = {},
): JobHandlers {
  return {
    "feed.poll": async ({ feedId }) => {
      const feed = await ctx.storage.feeds.getFeed(feedId);
      if (feed === null || feed.disabledReason !== null) return undefined;
      const nowMs = ctx.clock.now().getTime();
      // A re-delivered job whose run already committed finds the feed not due: it only re-enqueues the items.
      if (feed.nextPollMs <= nowMs) {
        const waitMs = ctx.limiter.nextStartAt(hostKeyOf(feed.url)) - Date.now();
        if (waitMs > ctx.settings.maxHostWaitMs) {
          await ctx.storage.feeds.rescheduleFeed(feed.id, nowMs + waitMs);
          return undefined;
        }
        await crawlFeed(ctx, feed);
      }
      await enqueuePendingItems(
        ctx.storage.feeds,
        queue,
        ctx.settings.maxNewItemsPerRun + LEFTOVER_ITEMS_PER_FEED_JOB,
        feed.id,
      );
      return undefined;
    },
    "item.fetch": async ({ item }, job) => {
      // Stalled re-runs count as attempts too: a page that kills every worker must end (MAX_ITEM_ATTEMPTS).
      const result = await crawlItem(ctx, { ...item, attempts: Math.max(item.attempts, job.attempt) });
      if (result.status === "deferred") {
        const url = item.entry.url;
        const waitMs = url === null ? 0 : ctx.limiter.nextStartAt(hostKeyOf(url)) - Date.now();
        return { retryInMs: Math.max(MIN_ITEM_DEFER_MS, waitMs) };
      }
      // A re-run (the first run died, maybe after storing the article but before this enqueue) asks again: a
      // story job for an article already placed does nothing.
      const changed =
        result.status === "stored" && (result.outcome === "inserted" || result.outcome === "updated");
      if (result.status === "stored" && (changed || job.attempt > 1)) {
        await queue.enqueue(
          "story.assign",
          { articleId: result.articleId },
          { jobId: `story-${createHash("sha256").update(result.articleId).digest("hex").slice(0, 32)}` },
        );
      }
      return undefined;
    },
    "story.assign": async ({ articleId }) => {
      if (!hooks.assignStory) return undefined;
      const started = performance.now();
      const summary = await hooks.assignStory(articleId);
      if (summary !== null && summary.placed > 0) {
        ctx.log.info(
          {
            stage: "stories",
            placed: summary.placed,
            rebuilt_rows: summary.rebuiltRows,
            duration_ms: Math.round(performance.now() - started),
          },
          "stories placed",
        );
      }
      return undefined;
    },
    "import.batch": async ({ file, firstLineNo, lines }) => {
      const started = performance.now();
      async function* read(): AsyncIterable<ImportLine> {
        for (let i = 0; i < lines.length; i++) yield { file, lineNo: firstLineNo + i, text: lines[i] ?? "" };
      }
      // Timed so the log splits the job into its CPU half and its store half (bench:scale sums them).
      let prepareMs = 0;
      const preparer: BatchPreparer = {
        ...inThreadPreparer,
        prepare: async (batch, options) => {
          const t = performance.now();
          const prepared = await inThreadPreparer.prepare(batch, options);
          prepareMs += performance.now() - t;
          return prepared;
        },
      };
      // Idempotent: the store dedupes by id and URL, so a re-run batch counts its articles as duplicates.
      // Stories are left to the story consumer: placing them here would make every import worker wait its turn
      // on the assignment lock, each rebuilding the stream the others moved past.
      const summary = await importRecords(
        read(),
        { storage: ctx.storage, clock: ctx.clock },
        { assignStories: false, preparer },
      );
      const storedMs = performance.now();
      if (summary.imported + summary.updated > 0) {
        const key = createHash("sha256").update(`${file}\n${firstLineNo}`).digest("hex").slice(0, 32);
        await queue.enqueue("story.assign", { articleId: "" }, { jobId: `story-import-${key}` });
      }
      ctx.log.info(
        {
          stage: "import",
          file,
          first_line: firstLineNo,
          imported: summary.imported,
          duplicates: summary.duplicates,
          rejected: summary.rejected,
          prepare_ms: Math.round(prepareMs),
          write_ms: Math.round(storedMs - started - prepareMs),
          duration_ms: Math.round(performance.now() - started),
        },
        "import batch stored",
      );
      return undefined;
    },
  };
}

/**
 * `akhbar worker`: consumes jobs (feed polls, item fetch + extract + store, story assignment, import batches)
 * until SIGINT/SIGTERM, then finishes its running jobs. Any number, on any machine, with AKHBAR_REDIS_URL; without
 * it the queue is in-process and this worker also schedules (one machine). Surface: wires main.ts to the pipeline.
 */
import { once } from "node:events";
import { createLogger, openCrawler, openJobQueue, openStorage } from "../../../main.ts";
import { assignPendingStories, assignStories } from "../../../pipeline/assign-stories.ts";
import { createCrawlJobHandlers } from "../../../pipeline/crawl-jobs.ts";
import { leadStoryJobs } from "../../../pipeline/lead-story-jobs.ts";
import { runFeedPollScheduler } from "../../../pipeline/schedule-feed-polls.ts";
import { systemClock } from "../../../ports/clock.ts";
import type { Command } from "../command.ts";

export const workerCommand: Command = {
  name: "worker",
  summary:
    "consume crawl and import jobs (with AKHBAR_REDIS_URL: any number of workers; else also schedules)",
  usage: "worker",
  options: {},
  positionals: false,
  async run(ctx) {
    const log = createLogger(ctx.config, ctx.io.stderr);
    const storage = await openStorage(ctx.config, log);
    const backend = await openJobQueue(ctx.config, log).catch(async (err: unknown) => {
      await storage.close();
      throw err;
    });
    const crawler = await openCrawler(ctx.config, storage, log, {}, backend.limiter);
    const n = ctx.config.workerConcurrency;
    const { "story.assign": storyHandler, ...handlers } = createCrawlJobHandlers(
      crawler.context,
      backend.queue,
      {
        // An import batch's job ("") sweeps every unplaced article; a crawled item's job places its article.
        assignStory: (id) => (id === "" ? assignPendingStories(storage, []) : assignStories(storage, [id])),
      },
    );
    const tryLead = storage.stories?.tryLeadAssignment?.bind(storage.stories);
    // A store several processes share gives story jobs to one worker at a time (its stream stays current);
    // otherwise this process is the only consumer of its queue's story jobs.
    const leading =
      tryLead !== undefined && storyHandler !== undefined
        ? leadStoryJobs(
            {
              tryLead,
              queue: backend.queue,
              handler: storyHandler,
              log,
            },
            ctx.signal,
          )
        : null;
    const consumer = backend.queue.consume(
      leading === null ? { ...handlers, "story.assign": storyHandler } : handlers,
      {
        concurrency: { "feed.poll": n, "item.fetch": n, "import.batch": 1 },
      },
    );
    // One machine: the in-process queue has no other producer, so the worker runs the schedule itself.
    const scheduling =
      backend.limiter === undefined
        ? runFeedPollScheduler(
            { feeds: storage.feeds, queue: backend.queue, clock: systemClock, log },
            { signal: ctx.signal },
          )
        : Promise.resolve();
    ctx.io.stderr.write(
      `akhbar: worker ready (queue: ${backend.queue.backend}, ${n} jobs per kind at once)\n`,
    );
    if (!ctx.signal.aborted) await once(ctx.signal, "abort");
    ctx.io.stderr.write("akhbar: worker stopping after its running jobs\n");
    await scheduling;
    // Graceful: running jobs finish and complete; none is left to stall or fail.
    const step = async (name: string, close: () => Promise<unknown>) => {
      const started = Date.now();
      await close();
      log.debug({ stage: "shutdown", step: name, duration_ms: Date.now() - started }, "closed");
    };
    await step("consumer", () => consumer.close());
    await step("stories", async () => leading);
    await step("crawler", () => crawler.close());
    await step("queue", () => backend.close());
    await step("storage", () => storage.close());
    return 0;
  },
};

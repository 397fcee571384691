/**
 * `akhbar scheduler`: enqueues a feed.poll job for every due feed (the schedule is the feeds table) until
 * SIGINT/SIGTERM. Run exactly one per deployment (a second one is harmless: job ids collapse). Needs
 * AKHBAR_REDIS_URL. Surface: wires main.ts to the pipeline.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openJobQueue, openStorage } from "../../../main.ts";
import { runFeedPollScheduler } from "../../../pipeline/schedule-feed-polls.ts";
import { systemClock } from "../../../ports/clock.ts";
import type { Command } from "../command.ts";

export const schedulerCommand: Command = {
  name: "scheduler",
  summary: "enqueue due feed polls for `akhbar worker` processes (needs AKHBAR_REDIS_URL; run exactly one)",
  usage: "scheduler",
  options: {},
  positionals: false,
  async run(ctx) {
    if (ctx.config.redisUrl === null) {
      throw new AkhbarError(
        "queue.not_configured",
        "queue: the scheduler needs a shared queue (AKHBAR_REDIS_URL); on one machine run `akhbar worker` or `akhbar serve --crawl`",
      );
    }
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    const log = createLogger(ctx.config, ctx.io.stderr);
    try {
      const backend = await openJobQueue(ctx.config, log);
      try {
        ctx.io.stderr.write(`akhbar: scheduler running (queue: ${backend.queue.backend})\n`);
        await runFeedPollScheduler(
          { feeds: storage.feeds, queue: backend.queue, clock: systemClock, log },
          { signal: ctx.signal },
        );
      } finally {
        await backend.close();
      }
    } finally {
      await storage.close();
    }
    return 0;
  },
};

/**
 * `akhbar jobs [--failed] [--retry]`: the shared job queue at a glance — counts per kind, the parked (failed) jobs
 * with their errors, or parked jobs sent back to waiting. Needs AKHBAR_REDIS_URL. Surface.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openJobQueue } from "../../../main.ts";
import { intParam } from "../../search-params.ts";
import { type Command, printJson, printLine, readFlags } from "../command.ts";

/** Parked jobs listed by default: a screenful; --limit shows more. */
export const DEFAULT_FAILED_LISTED = 50;
/** The most --limit lists: far more than a terminal holds (the old check set no bound; 1e9 read as a number). */
const MAX_FAILED_LISTED = 100_000;

export const jobsCommand: Command = {
  name: "jobs",
  summary: "job queue counts per kind; --failed lists parked jobs with their errors; --retry re-queues them",
  usage: "jobs [--failed [--limit N]] [--retry] [--json]",
  options: {
    failed: { type: "boolean", default: false },
    retry: { type: "boolean", default: false },
    limit: { type: "string" },
  },
  positionals: false,
  async run(ctx, values) {
    if (ctx.config.redisUrl === null) {
      throw new AkhbarError(
        "queue.not_configured",
        "queue: without AKHBAR_REDIS_URL the queue lives inside the `akhbar worker` process; nothing to list",
      );
    }
    const limit = intParam(readFlags(values), "limit", DEFAULT_FAILED_LISTED, 1, MAX_FAILED_LISTED, "jobs");
    const backend = await openJobQueue(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const { queue } = backend;
      if (values.retry === true) {
        const n = await queue.retryFailed();
        if (ctx.json) printJson(ctx.io, { retried: n });
        else printLine(ctx.io, `moved ${n} parked job(s) back to waiting`);
        return 0;
      }
      if (values.failed === true) {
        const failed = await queue.listFailed(limit);
        if (ctx.json) {
          printJson(ctx.io, {
            failed: failed.map((f) => ({
              id: f.id,
              kind: f.kind,
              error: f.error,
              attempts: f.attempts,
              failed_at: f.failedAt,
              payload: f.payload,
            })),
          });
        } else {
          for (const f of failed)
            printLine(ctx.io, `${f.failedAt}  ${f.kind}  ${f.id}  (${f.attempts} attempts)  ${f.error}`);
          printLine(ctx.io, `${failed.length} parked job(s)`);
        }
        return 0;
      }
      const counts = await queue.counts();
      if (ctx.json) printJson(ctx.io, { counts });
      else {
        for (const [kind, c] of Object.entries(counts)) {
          printLine(
            ctx.io,
            `${kind.padEnd(14)} waiting ${c.waiting}  active ${c.active}  delayed ${c.delayed}  parked ${c.failed}`,
          );
        }
      }
      return 0;
    } finally {
      await backend.close();
    }
  },
};

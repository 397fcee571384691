/**
 * leadStoryJobs: a worker consumes story jobs only while it holds the store's story-consumer turn, so one process
 * places every story with a stream that stays current; the others keep asking, and one of them takes over within
 * STORY_TURN_RETRY_MS when the holder stops or dies. Pipeline; ports as arguments.
 */
import type { JobHandler, JobQueue } from "../ports/job-queue.ts";
import type { Logger } from "../ports/logger.ts";
import type { AssignmentLead } from "../ports/story-store.ts";

/**
 * How often a worker without the turn asks for it: the gap in story placement after the holder dies (its running
 * job waits for the queue's stall check besides). 2 s is one cheap query per worker, far below any job's cost.
 */
export const STORY_TURN_RETRY_MS = 2_000;

/**
 * How often the turn's holder sweeps for stored articles left unplaced (their story job lost: a worker killed
 * between storing an article and enqueueing its job, or a Redis restart without persistence). One anti-join over
 * the articles a minute; taking the turn sweeps at once.
 */
export const STORY_SWEEP_INTERVAL_MS = 60_000;

export interface StoryJobLeadDeps {
  /** StoryStore.tryLeadAssignment of the shared store. */
  tryLead: () => Promise<AssignmentLead | null>;
  queue: JobQueue;
  handler: JobHandler<"story.assign">;
  log: Logger;
}

/**
 * Runs until `signal` aborts: takes the turn when free, consumes story jobs while holding it, and on abort closes
 * that consumer (its running job finishes) before giving the turn back. Store failures are logged and retried.
 */
export async function leadStoryJobs(
  deps: StoryJobLeadDeps,
  signal: AbortSignal,
  options: { retryMs?: number; sweepIntervalMs?: number } = {},
): Promise<void> {
  const { tryLead, queue, handler, log } = deps;
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
  while (!signal.aborted) {
    const lead = await tryLead().catch((err: unknown) => {
      log.warn({ stage: "stories", err: (err as Error).message }, "cannot ask for the story turn");
      return null;
    });
    if (lead === null) {
      await Promise.race([
        aborted,
        new Promise((r) => setTimeout(r, options.retryMs ?? STORY_TURN_RETRY_MS).unref()),
      ]);
      continue;
    }
    log.info({ stage: "stories" }, "this worker places stories");
    const consumer = queue.consume({ "story.assign": handler });
    // "" places every unplaced article; the id per sweep lets a sweep queue behind a running one.
    const sweep = () =>
      queue
        .enqueue("story.assign", { articleId: "" }, { jobId: `story-sweep-${Date.now()}` })
        .catch((err: unknown) => {
          log.warn({ stage: "stories", err: (err as Error).message }, "cannot enqueue a story sweep");
        });
    // Not awaited: an enqueue waits out a Redis outage, which must not hold up a shutdown.
    void sweep();
    const timer = setInterval(sweep, options.sweepIntervalMs ?? STORY_SWEEP_INTERVAL_MS);
    await Promise.race([aborted, lead.lost]);
    clearInterval(timer);
    await consumer.close();
    await lead.release();
    if (!signal.aborted) log.warn({ stage: "stories" }, "lost the story turn; asking again");
  }
}

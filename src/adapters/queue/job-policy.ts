/**
 * Retention and retry policy both queue adapters share, so the in-process queue behaves like BullMQ: which
 * finished jobs are kept (their ids keep collapsing duplicates), how many parked jobs are kept, the backoff.
 */
import { JOB_RETRY_BASE_MS, type JobKind } from "../../ports/job-queue.ts";

/**
 * Completed jobs kept per kind. Feed polls: none (their id carries the scheduled time, so a kept one would only
 * block nothing). Items: 10 000, so the scheduler's outbox sweep racing a just-finished item collapses instead of
 * fetching the page again. Stories: none (an updated article may be re-assigned). Bounded for Q-05.
 */
export const KEPT_COMPLETED_JOBS: Record<JobKind, number> = {
  "feed.poll": 0,
  "item.fetch": 10_000,
  "story.assign": 0,
  "import.batch": 1_000,
};

/** Parked (failed) jobs kept per kind for `akhbar jobs --failed`; older ones are dropped (Q-05 bound). */
export const KEPT_FAILED_JOBS = 5_000;

/** Delay before retry `attempt` + 1 (attempt starts at 1): 1 s, 2 s, 4 s … */
export function retryDelayMs(attempt: number): number {
  return JOB_RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1);
}

/** Ids BullMQ accepts: no `:` (key separator) and not a plain integer (its own ids). */
export const JOB_ID_RE = /^(?!\d+$)[A-Za-z0-9_-]{1,200}$/;

/** "code: message" of a handler's error. */
export function describeJobError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e && typeof e.code === "string" && typeof e.message === "string") return `${e.code}: ${e.message}`;
  if (e && typeof e.message === "string") return e.message;
  return String(err);
}

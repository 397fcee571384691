/**
 * JobQueue port: durable-enough work distribution between the scheduler and any number of workers — typed job
 * kinds, deterministic ids that collapse duplicates, retries, poison jobs parked with their error. Interface only;
 * adapters/queue has the in-process (single machine) and BullMQ (Redis) implementations.
 */
import type { PendingItem } from "../domain/feed.ts";

/**
 * What a job does, in pipeline order. Delivery is at least once, so every handler must be idempotent: the article
 * upsert dedupes by id and URL, and the feed_items outbox (not the queue) says which items are still to do.
 */
export interface JobPayloads {
  /** Poll one feed (conditional GET, parse, new entries into the outbox), then enqueue its pending items. */
  "feed.poll": { feedId: number };
  /** Fetch + extract + store (and index, in the same transaction) one outbox item. */
  "item.fetch": { item: PendingItem };
  /**
   * Assign a stored article to a story ("": every unplaced article, after an import batch); consumed by one
   * consumer at a time across all workers.
   */
  "story.assign": { articleId: string };
  /** Import lines of a JSON-lines file (bulk loads and the scale benchmark). */
  "import.batch": { file: string; firstLineNo: number; lines: string[] };
}

export type JobKind = keyof JobPayloads;

export const JOB_KINDS: readonly JobKind[] = ["feed.poll", "item.fetch", "story.assign", "import.batch"];

export interface EnqueueOptions {
  /** Deterministic id: while a job with this id exists (waiting, active, delayed, kept or parked), adding
   * another is a no-op. Letters, digits, `-` and `_` only (BullMQ refuses `:` and plain integers). */
  jobId?: string;
  delayMs?: number;
}

/** "added"; "duplicate" (a live or kept job has the id); "parked" (a failed job with the id waits in the
 * failed list: the caller decides whether to go around it). */
export type EnqueueResult = "added" | "duplicate" | "parked";

export interface JobInfo {
  id: string;
  kind: JobKind;
  /** 1 on the first run; counts retries and stalled re-runs. */
  attempt: number;
}

/** A handler may ask to run again later without counting a failure (its host is paused, say). */
export type JobOutcome = undefined | { retryInMs: number };

export type JobHandler<K extends JobKind> = (payload: JobPayloads[K], job: JobInfo) => Promise<JobOutcome>;

export type JobHandlers = { [K in JobKind]?: JobHandler<K> };

export interface ConsumeOptions {
  /** Jobs of one kind run at once in this consumer; story.assign is always 1 (and 1 across consumers). */
  concurrency?: Partial<Record<JobKind, number>>;
}

export interface JobConsumer {
  /** Graceful stop: takes no new job, waits for the running ones to finish (or return to waiting). */
  close(): Promise<void>;
}

export interface FailedJob {
  id: string;
  kind: JobKind;
  payload: unknown;
  /** The last error, "code: message" when it was an AkhbarError. */
  error: string;
  attempts: number;
  failedAt: string;
}

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface JobQueue {
  /** "in-process" or "bullmq", for logs. */
  readonly backend: string;
  enqueue<K extends JobKind>(
    kind: K,
    payload: JobPayloads[K],
    options?: EnqueueOptions,
  ): Promise<EnqueueResult>;
  /** Starts consuming the kinds that have a handler. A handler that throws is retried with backoff up to
   * MAX_JOB_ATTEMPTS, then parked in the failed list with its error. */
  consume(handlers: JobHandlers, options?: ConsumeOptions): JobConsumer;
  /** Parked jobs, newest first. */
  listFailed(limit?: number): Promise<FailedJob[]>;
  /** Moves every parked job back to waiting; returns how many. */
  retryFailed(): Promise<number>;
  counts(): Promise<Record<JobKind, JobCounts>>;
  close(): Promise<void>;
}

/** Runs per job before it is parked: a fault that survives three tries a few seconds apart is not transient. */
export const MAX_JOB_ATTEMPTS = 3;

/** First retry delay, doubled per attempt (1 s, 2 s): long enough for a database failover blip. */
export const JOB_RETRY_BASE_MS = 1_000;

/** True when nothing is waiting, delayed or running (parked jobs do not count). */
export function isQueueIdle(counts: Record<JobKind, JobCounts>): boolean {
  return Object.values(counts).every((c) => c.waiting + c.active + c.delayed === 0);
}

/**
 * BullMqJobQueue: the JobQueue on Redis through BullMQ, one BullMQ queue per job kind under a key prefix; any
 * number of processes on any machine consume it. Adapter (IO: Redis). Mirrors in-process-job-queue.ts.
 */
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { AkhbarError } from "../../domain/errors.ts";
import {
  type ConsumeOptions,
  type EnqueueOptions,
  type EnqueueResult,
  type FailedJob,
  JOB_KINDS,
  JOB_RETRY_BASE_MS,
  type JobConsumer,
  type JobCounts,
  type JobHandler,
  type JobHandlers,
  type JobKind,
  type JobPayloads,
  type JobQueue,
  MAX_JOB_ATTEMPTS,
} from "../../ports/job-queue.ts";
import { JOB_ID_RE, KEPT_COMPLETED_JOBS, KEPT_FAILED_JOBS } from "./job-policy.ts";

/** BullMQ's default lock (30 s, renewed every 15 s): a worker silent that long is presumed dead and its job is
 * retried by another. Tests shorten it to see a SIGKILLed worker's job re-run within seconds. */
export const JOB_LOCK_MS = 30_000;

/** Stalls before a job is parked rather than re-run: BullMQ's default is 1; 2 survives one kill plus one
 * restart of the same worker during a deploy, while a page that kills every worker still ends parked. */
export const MAX_STALLED_COUNT = 2;

export interface BullMqJobQueueOptions {
  /** Key prefix: one per deployment (or per test file); default "akhbar". */
  prefix?: string;
  lockMs?: number;
}

export class BullMqJobQueue implements JobQueue {
  readonly backend = "bullmq";
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #lockMs: number;
  readonly #queues: Map<JobKind, Queue>;

  /** `redis` must be created with `maxRetriesPerRequest: null` (BullMQ's blocking calls need it). */
  constructor(redis: Redis, options: BullMqJobQueueOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? "akhbar";
    this.#lockMs = options.lockMs ?? JOB_LOCK_MS;
    this.#queues = new Map(
      JOB_KINDS.map((kind) => [
        kind,
        new Queue(queueName(kind), { connection: redis, prefix: this.#prefix }),
      ]),
    );
  }

  async enqueue<K extends JobKind>(
    kind: K,
    payload: JobPayloads[K],
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    const queue = this.#queue(kind);
    if (options.jobId !== undefined) {
      if (!JOB_ID_RE.test(options.jobId)) {
        throw new AkhbarError("queue.bad_job_id", `queue: job id "${options.jobId}" is not allowed`);
      }
      // Redis collapses a second add with the same id anyway; this read only tells the caller which case it was.
      const state = await queue.getJobState(options.jobId);
      if (state === "failed") return "parked";
      if (state !== "unknown") return "duplicate";
    }
    const kept = KEPT_COMPLETED_JOBS[kind];
    await queue.add(kind, payload, {
      ...(options.jobId !== undefined ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
      attempts: MAX_JOB_ATTEMPTS,
      backoff: { type: "exponential", delay: JOB_RETRY_BASE_MS },
      removeOnComplete: kept === 0 ? true : { count: kept },
      removeOnFail: { count: KEPT_FAILED_JOBS },
    });
    return "added";
  }

  consume(handlers: JobHandlers, options: ConsumeOptions = {}): JobConsumer {
    const workers: Worker[] = [];
    const ready: Promise<unknown>[] = [];
    for (const kind of JOB_KINDS) {
      const handler = handlers[kind] as JobHandler<JobKind> | undefined;
      if (!handler) continue;
      const single = kind === "story.assign";
      // One story consumer across every worker process: assignments are serialized (issue 7).
      if (single) ready.push(this.#queue(kind).setGlobalConcurrency(1));
      const worker = new Worker(
        queueName(kind),
        async (job: Job, token?: string) => {
          const attempt = job.attemptsMade + job.stalledCounter + 1;
          const outcome = await handler(job.data, { id: job.id ?? "", kind, attempt });
          if (outcome && outcome.retryInMs >= 0) {
            // Back to delayed without counting a failed attempt (BullMQ "manually delay a job").
            await job.moveToDelayed(Date.now() + outcome.retryInMs, token);
            throw new DelayedError();
          }
        },
        {
          connection: this.#redis,
          prefix: this.#prefix,
          concurrency: single ? 1 : Math.max(1, options.concurrency?.[kind] ?? 1),
          lockDuration: this.#lockMs,
          stalledInterval: this.#lockMs,
          maxStalledCount: MAX_STALLED_COUNT,
        },
      );
      // Errors of the worker itself (a lost connection) are retried by BullMQ; without a listener Node would throw.
      worker.on("error", () => {});
      workers.push(worker);
    }
    return {
      close: async () => {
        await Promise.allSettled(ready);
        await Promise.all(workers.map((w) => w.close()));
      },
    };
  }

  async listFailed(limit = 100): Promise<FailedJob[]> {
    const all: FailedJob[] = [];
    for (const kind of JOB_KINDS) {
      for (const job of await this.#queue(kind).getFailed(0, limit - 1)) {
        all.push({
          id: job.id ?? "",
          kind,
          payload: job.data,
          error: job.failedReason,
          attempts: job.attemptsMade,
          failedAt: new Date(job.finishedOn ?? 0).toISOString(),
        });
      }
    }
    return all.sort((a, b) => b.failedAt.localeCompare(a.failedAt)).slice(0, limit);
  }

  async retryFailed(): Promise<number> {
    let n = 0;
    for (const kind of JOB_KINDS) {
      const queue = this.#queue(kind);
      n += await queue.getFailedCount();
      await queue.retryJobs({ state: "failed" });
    }
    return n;
  }

  async counts(): Promise<Record<JobKind, JobCounts>> {
    const out = {} as Record<JobKind, JobCounts>;
    for (const kind of JOB_KINDS) {
      const c = await this.#queue(kind).getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
      out[kind] = {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        failed: c.failed ?? 0,
      };
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((q) => q.close()));
  }

  #queue(kind: JobKind): Queue {
    return this.#queues.get(kind) as Queue;
  }
}

/** BullMQ queue name of a kind: "feed.poll" -> "feed-poll" (names end up inside Redis keys). */
export function queueName(kind: JobKind): string {
  return kind.replace(".", "-");
}

/**
 * InProcessJobQueue: the JobQueue of one process (the SQLite single-machine default). Same contract as the BullMQ
 * adapter — ids collapse duplicates, retries with backoff, parked failures — kept in memory: the schedule and
 * the outbox live in the database, so a restart loses nothing the scheduler cannot enqueue again.
 */
import { AkhbarError } from "../../domain/errors.ts";
import {
  type ConsumeOptions,
  type EnqueueOptions,
  type EnqueueResult,
  type FailedJob,
  JOB_KINDS,
  type JobConsumer,
  type JobCounts,
  type JobHandler,
  type JobHandlers,
  type JobKind,
  type JobPayloads,
  type JobQueue,
  MAX_JOB_ATTEMPTS,
} from "../../ports/job-queue.ts";
import {
  describeJobError,
  JOB_ID_RE,
  KEPT_COMPLETED_JOBS,
  KEPT_FAILED_JOBS,
  retryDelayMs,
} from "./job-policy.ts";

type State = "waiting" | "active" | "delayed" | "completed" | "failed";

interface Job {
  id: string;
  kind: JobKind;
  payload: unknown;
  state: State;
  /** Runs started so far. */
  started: number;
  error: string;
  failedAt: string;
}

export class InProcessJobQueue implements JobQueue {
  readonly backend = "in-process";
  readonly #jobs = new Map<string, Job>();
  readonly #waiting = new Map<JobKind, string[]>(JOB_KINDS.map((k) => [k, []]));
  readonly #finished = new Map<JobKind, string[]>(JOB_KINDS.map((k) => [k, []]));
  readonly #failed: string[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #wakers = new Set<() => void>();
  #storyChain: Promise<void> = Promise.resolve();
  #counter = 0;
  #closed = false;

  async enqueue<K extends JobKind>(
    kind: K,
    payload: JobPayloads[K],
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    if (this.#closed) throw new AkhbarError("queue.closed", "queue: the job queue is closed");
    if (options.jobId !== undefined && !JOB_ID_RE.test(options.jobId)) {
      throw new AkhbarError("queue.bad_job_id", `queue: job id "${options.jobId}" is not allowed`);
    }
    const id = options.jobId ?? `${kind.replace(".", "-")}_${++this.#counter}`;
    const existing = this.#jobs.get(id);
    if (existing) return existing.state === "failed" ? "parked" : "duplicate";
    // A structured clone, as Redis would store it: handlers never share objects with the producer.
    const job: Job = {
      id,
      kind,
      payload: structuredClone(payload),
      state: "waiting",
      started: 0,
      error: "",
      failedAt: "",
    };
    this.#jobs.set(id, job);
    this.#schedule(job, options.delayMs ?? 0);
    return "added";
  }

  consume(handlers: JobHandlers, options: ConsumeOptions = {}): JobConsumer {
    let stopping = false;
    const loops: Promise<void>[] = [];
    for (const kind of JOB_KINDS) {
      const handler = handlers[kind] as JobHandler<JobKind> | undefined;
      if (!handler) continue;
      const n = kind === "story.assign" ? 1 : Math.max(1, options.concurrency?.[kind] ?? 1);
      for (let i = 0; i < n; i++) loops.push(this.#runLoop(kind, handler, () => stopping));
    }
    return {
      close: async () => {
        stopping = true;
        for (const wake of this.#wakers) wake();
        await Promise.all(loops);
      },
    };
  }

  async listFailed(limit = 100): Promise<FailedJob[]> {
    return [...this.#failed]
      .reverse()
      .slice(0, limit)
      .flatMap((id) => {
        const j = this.#jobs.get(id);
        return j
          ? [
              {
                id,
                kind: j.kind,
                payload: j.payload,
                error: j.error,
                attempts: j.started,
                failedAt: j.failedAt,
              },
            ]
          : [];
      });
  }

  async retryFailed(): Promise<number> {
    const ids = this.#failed.splice(0);
    for (const id of ids) {
      const job = this.#jobs.get(id);
      if (!job) continue;
      job.started = 0;
      this.#schedule(job, 0);
    }
    return ids.length;
  }

  async counts(): Promise<Record<JobKind, JobCounts>> {
    const out = Object.fromEntries(
      JOB_KINDS.map((k) => [k, { waiting: 0, active: 0, delayed: 0, failed: 0 }]),
    ) as Record<JobKind, JobCounts>;
    for (const job of this.#jobs.values()) {
      if (job.state !== "completed") out[job.kind][job.state]++;
    }
    return out;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    for (const wake of this.#wakers) wake();
  }

  #schedule(job: Job, delayMs: number): void {
    if (delayMs <= 0) {
      job.state = "waiting";
      this.#waiting.get(job.kind)?.push(job.id);
      for (const wake of this.#wakers) wake();
      return;
    }
    job.state = "delayed";
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#schedule(job, 0);
    }, delayMs);
    timer.unref();
    this.#timers.add(timer);
  }

  async #runLoop(kind: JobKind, handler: JobHandler<JobKind>, isStopping: () => boolean): Promise<void> {
    const queue = this.#waiting.get(kind) as string[];
    while (!isStopping() && !this.#closed) {
      const id = queue.shift();
      const job = id === undefined ? undefined : this.#jobs.get(id);
      if (!job) {
        if (id === undefined) await this.#idle();
        continue;
      }
      job.state = "active";
      job.started++;
      try {
        const info = { id: job.id, kind, attempt: job.started };
        let outcome: Awaited<ReturnType<typeof handler>>;
        if (kind === "story.assign") {
          // One story assignment at a time across every consumer of this queue, as BullMQ's global concurrency 1.
          const run = this.#storyChain.then(() => handler(job.payload as never, info));
          this.#storyChain = run.then(
            () => {},
            () => {},
          );
          outcome = await run;
        } else outcome = await handler(job.payload as never, info);
        if (outcome && outcome.retryInMs >= 0) {
          // Not a failure: the run does not count toward the attempts.
          job.started--;
          this.#schedule(job, outcome.retryInMs);
        } else this.#finish(job);
      } catch (err) {
        job.error = describeJobError(err);
        if (job.started < MAX_JOB_ATTEMPTS) this.#schedule(job, retryDelayMs(job.started));
        else this.#park(job);
      }
    }
  }

  #idle(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.#wakers.delete(wake);
        resolve();
      };
      this.#wakers.add(wake);
    });
  }

  #finish(job: Job): void {
    job.state = "completed";
    const kept = this.#finished.get(job.kind) as string[];
    kept.push(job.id);
    while (kept.length > KEPT_COMPLETED_JOBS[job.kind]) {
      const old = kept.shift();
      if (old !== undefined) this.#jobs.delete(old);
    }
  }

  #park(job: Job): void {
    job.state = "failed";
    job.failedAt = new Date().toISOString();
    this.#failed.push(job.id);
    while (this.#failed.length > KEPT_FAILED_JOBS) {
      const old = this.#failed.shift();
      if (old !== undefined) this.#jobs.delete(old);
    }
  }
}

/**
 * The JobQueue contract: every queue adapter (in-process, BullMQ) must pass it unchanged. Covers delivery,
 * duplicate ids, retries and parking (poison jobs), delays without a counted attempt, one story consumer
 * at a time, graceful close.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AkhbarError } from "../../src/domain/errors.ts";
import { isQueueIdle, type JobConsumer, type JobQueue } from "../../src/ports/job-queue.ts";

export type OpenQueue = () => Promise<JobQueue>;

/** Polls `check` every 20 ms until it is true or `timeoutMs` passes. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("waitFor: timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function describeJobQueueContract(name: string, open: OpenQueue): void {
  describe(`JobQueue contract: ${name}`, () => {
    const opened: { queue: JobQueue; consumers: JobConsumer[] }[] = [];
    const setup = async () => {
      const queue = await open();
      const entry = { queue, consumers: [] as JobConsumer[] };
      opened.push(entry);
      return entry;
    };
    afterEach(async () => {
      for (const { queue, consumers } of opened.splice(0)) {
        for (const c of consumers) await c.close();
        await queue.close();
      }
    });
    const idle = (queue: JobQueue) => waitFor(async () => isQueueIdle(await queue.counts()));

    it("runs an enqueued job once with its payload", async () => {
      const { queue, consumers } = await setup();
      const seen: number[] = [];
      consumers.push(
        queue.consume({
          "feed.poll": async ({ feedId }, job) => {
            seen.push(feedId);
            expect(job).toMatchObject({ kind: "feed.poll", attempt: 1 });
            return undefined;
          },
        }),
      );
      expect(await queue.enqueue("feed.poll", { feedId: 7 })).toBe("added");
      await waitFor(() => seen.length === 1);
      await idle(queue);
      expect(seen).toEqual([7]);
    });

    it("collapses two concurrent enqueues with one id into one job, and takes the id again once done (Q-03)", async () => {
      const { queue, consumers } = await setup();
      const results = await Promise.all([
        queue.enqueue("feed.poll", { feedId: 42 }, { jobId: "feed-42" }),
        queue.enqueue("feed.poll", { feedId: 42 }, { jobId: "feed-42" }),
      ]);
      expect(results.filter((r) => r === "added").length).toBeGreaterThanOrEqual(1);
      let runs = 0;
      consumers.push(
        queue.consume({
          "feed.poll": async () => {
            runs++;
            return undefined;
          },
        }),
      );
      await waitFor(() => runs === 1);
      await idle(queue);
      expect(runs).toBe(1);
      expect(await queue.enqueue("feed.poll", { feedId: 42 }, { jobId: "feed-42" })).toBe("added");
      await waitFor(() => runs === 2);
    });

    it("reports a duplicate while the job with that id is waiting", async () => {
      const { queue } = await setup();
      expect(await queue.enqueue("item.fetch", { item: pendingItem(1) }, { jobId: "item-1" })).toBe("added");
      expect(await queue.enqueue("item.fetch", { item: pendingItem(1) }, { jobId: "item-1" })).toBe(
        "duplicate",
      );
      expect((await queue.counts())["item.fetch"].waiting).toBe(1);
    });

    it("refuses job ids with a colon or made of digits only", async () => {
      const { queue } = await setup();
      await expect(queue.enqueue("feed.poll", { feedId: 1 }, { jobId: "feed:1" })).rejects.toThrow(
        AkhbarError,
      );
      await expect(queue.enqueue("feed.poll", { feedId: 1 }, { jobId: "123" })).rejects.toThrow(
        /not allowed/,
      );
    });

    it("retries a handler that throws and completes when it recovers", async () => {
      const { queue, consumers } = await setup();
      const attempts: number[] = [];
      consumers.push(
        queue.consume({
          "story.assign": async (_p, job) => {
            attempts.push(job.attempt);
            if (job.attempt < 2) throw new Error("transient");
            return undefined;
          },
        }),
      );
      await queue.enqueue("story.assign", { articleId: "a" });
      await waitFor(() => attempts.length === 2);
      await idle(queue);
      expect(attempts).toEqual([1, 2]);
      expect(await queue.listFailed()).toEqual([]);
    });

    it("parks a job that fails every attempt, with its error, and re-runs it on retryFailed", async () => {
      const { queue, consumers } = await setup();
      let fail = true;
      let runs = 0;
      consumers.push(
        queue.consume({
          "import.batch": async () => {
            runs++;
            if (fail) throw new AkhbarError("store.down", "store: the database is gone");
            return undefined;
          },
        }),
      );
      await queue.enqueue("import.batch", { file: "f", firstLineNo: 1, lines: [] }, { jobId: "import-f-1" });
      await waitFor(async () => (await queue.listFailed()).length === 1);
      expect(runs).toBe(3);
      const [parked] = await queue.listFailed();
      expect(parked).toMatchObject({
        id: "import-f-1",
        kind: "import.batch",
        attempts: 3,
        payload: { file: "f", firstLineNo: 1, lines: [] },
      });
      expect(parked?.error).toContain("store: the database is gone");
      expect(Date.parse(parked?.failedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
      expect(
        await queue.enqueue(
          "import.batch",
          { file: "f", firstLineNo: 1, lines: [] },
          { jobId: "import-f-1" },
        ),
      ).toBe("parked");
      expect((await queue.counts())["import.batch"].failed).toBe(1);
      fail = false;
      expect(await queue.retryFailed()).toBe(1);
      await waitFor(() => runs === 4);
      await idle(queue);
      expect(await queue.listFailed()).toEqual([]);
    });

    it("runs a job again after the delay its handler asked for, without counting an attempt", async () => {
      const { queue, consumers } = await setup();
      const runs: { attempt: number; at: number }[] = [];
      consumers.push(
        queue.consume({
          "item.fetch": async (_p, job) => {
            runs.push({ attempt: job.attempt, at: Date.now() });
            return runs.length === 1 ? { retryInMs: 300 } : undefined;
          },
        }),
      );
      await queue.enqueue("item.fetch", { item: pendingItem(2) }, { jobId: "item-2" });
      await waitFor(() => runs.length === 2);
      expect(runs.map((r) => r.attempt)).toEqual([1, 1]);
      expect((runs[1]?.at ?? 0) - (runs[0]?.at ?? 0)).toBeGreaterThanOrEqual(250);
      await idle(queue);
    });

    it("runs story assignments one at a time even with two consumers and higher concurrency asked", async () => {
      const { queue, consumers } = await setup();
      let running = 0;
      let most = 0;
      let done = 0;
      const handler = async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        done++;
        return undefined;
      };
      for (let i = 0; i < 2; i++) {
        consumers.push(queue.consume({ "story.assign": handler }, { concurrency: { "story.assign": 4 } }));
      }
      for (let i = 0; i < 6; i++) await queue.enqueue("story.assign", { articleId: `a${i}` });
      await waitFor(() => done === 6);
      expect(most).toBe(1);
    });

    it("runs jobs of one kind concurrently up to the consumer's concurrency", async () => {
      const { queue, consumers } = await setup();
      let running = 0;
      let most = 0;
      let done = 0;
      consumers.push(
        queue.consume(
          {
            "item.fetch": async () => {
              running++;
              most = Math.max(most, running);
              await new Promise((r) => setTimeout(r, 100));
              running--;
              done++;
              return undefined;
            },
          },
          { concurrency: { "item.fetch": 3 } },
        ),
      );
      for (let i = 0; i < 6; i++) await queue.enqueue("item.fetch", { item: pendingItem(10 + i) });
      await waitFor(() => done === 6);
      expect(most).toBe(3);
    });

    it("lets a running job finish on close and fails none (Q-06)", async () => {
      const { queue } = await setup();
      let finished = false;
      let started = false;
      const consumer = queue.consume({
        "feed.poll": async () => {
          started = true;
          await new Promise((r) => setTimeout(r, 300));
          finished = true;
          return undefined;
        },
      });
      await queue.enqueue("feed.poll", { feedId: 1 }, { jobId: "feed-1-0" });
      await waitFor(() => started);
      await consumer.close();
      expect(finished).toBe(true);
      const counts = (await queue.counts())["feed.poll"];
      expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    });
  });
}

function pendingItem(seq: number) {
  return {
    seq,
    feedId: 1,
    sourceId: "s",
    feedUrl: "http://example.test/feed",
    attempts: 1,
    itemKey: `k${seq}`,
    urlKey: `example.test/${seq}`,
    entry: {
      url: `http://example.test/${seq}`,
      title: "t",
    } as never,
  };
}

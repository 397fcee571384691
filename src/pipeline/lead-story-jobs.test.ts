import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../test/contract/job-queue-contract.ts";
import { InProcessJobQueue } from "../adapters/queue/in-process-job-queue.ts";
import { silentLogger } from "../ports/logger.ts";
import type { AssignmentLead } from "../ports/story-store.ts";
import { leadStoryJobs } from "./lead-story-jobs.ts";

/** One turn shared by the "processes" of a test, as the store's advisory lock is shared by workers. */
function sharedTurn() {
  let holder: { name: string; lose: () => void } | null = null;
  return {
    holder: () => holder?.name ?? null,
    /** Ends the holder's turn as a dropped connection would. */
    drop: () => holder?.lose(),
    tryLeadFor(name: string): () => Promise<AssignmentLead | null> {
      return async () => {
        if (holder !== null) return null;
        let lose = () => {};
        const lost = new Promise<void>((resolve) => {
          lose = () => {
            // Only this turn ends: a late release must not end the next holder's.
            if (holder === mine) holder = null;
            resolve();
          };
        });
        const mine = { name, lose: () => lose() };
        holder = mine;
        return { lost, release: async () => lose() };
      };
    },
  };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function start(name: string, turn: ReturnType<typeof sharedTurn>, queue: InProcessJobQueue, ran: string[]) {
  const abort = new AbortController();
  const done = leadStoryJobs(
    {
      tryLead: turn.tryLeadFor(name),
      queue,
      handler: async ({ articleId }) => {
        ran.push(`${name}:${articleId}`);
        return undefined;
      },
      log: silentLogger,
    },
    abort.signal,
    { retryMs: 20 },
  );
  const stop = async () => {
    abort.abort();
    await done;
  };
  stops.push(stop);
  return stop;
}

describe("leadStoryJobs", () => {
  it("runs story jobs only in the process holding the turn, which sweeps for unplaced articles on taking it", async () => {
    const queue = new InProcessJobQueue();
    const turn = sharedTurn();
    const ran: string[] = [];
    start("a", turn, queue, ran);
    await waitFor(() => turn.holder() === "a");
    start("b", turn, queue, ran);
    for (const id of ["x", "y", "z"]) await queue.enqueue("story.assign", { articleId: id });
    await waitFor(() => ran.length === 4);
    expect(ran).toEqual(["a:", "a:x", "a:y", "a:z"]);
    await queue.close();
  });

  it("asks again after losing its turn, and story jobs go on in the one process holding it", async () => {
    const queue = new InProcessJobQueue();
    const turn = sharedTurn();
    const ran: string[] = [];
    start("a", turn, queue, ran);
    await waitFor(() => turn.holder() === "a");
    start("b", turn, queue, ran);
    await queue.enqueue("story.assign", { articleId: "x" });
    await waitFor(() => ran.includes("a:x"));
    turn.drop();
    await waitFor(() => turn.holder() !== null && ran.length === 3);
    const holder = turn.holder();
    // The new holder swept on taking the turn; the next job runs there and only there.
    expect(ran.at(-1)).toBe(`${holder}:`);
    await queue.enqueue("story.assign", { articleId: "y" });
    await waitFor(() => ran.length === 4);
    expect(ran.at(-1)).toBe(`${holder}:y`);
    await queue.close();
  });

  it("gives the turn back when stopped, so another process takes it", async () => {
    const queue = new InProcessJobQueue();
    const turn = sharedTurn();
    const ran: string[] = [];
    const stopA = start("a", turn, queue, ran);
    await waitFor(() => turn.holder() === "a");
    start("b", turn, queue, ran);
    await stopA();
    await waitFor(() => turn.holder() === "b");
    await queue.close();
  });
});

import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { admissionQueue } from "./admission-queue.ts";

/** A deferral the test runs by hand, so "the next turn of the event loop" is explicit. */
function manualDefer() {
  const pending: (() => void)[] = [];
  return {
    defer: (run: () => void) => pending.push(run),
    runAll: () => {
      while (pending.length > 0) pending.shift()?.();
    },
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("admission queue", () => {
  it("starts handlers in arrival order, at most `concurrency` at once", async () => {
    const turn = manualDefer();
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const app = new Hono();
    app.use("*", admissionQueue({ concurrency: 2, defer: turn.defer }));
    app.get("/:id", async (c) => {
      const id = c.req.param("id");
      started.push(id);
      await new Promise<void>((resolve) => release.set(id, resolve));
      return c.text(id);
    });
    const answers = ["a", "b", "c", "d"].map((id) => app.request(`/${id}`));
    await tick();
    expect(started).toEqual([]);
    turn.runAll();
    await tick();
    expect(started).toEqual(["a", "b"]);
    release.get("b")?.();
    await tick();
    turn.runAll();
    await tick();
    expect(started).toEqual(["a", "b", "c"]);
    release.get("a")?.();
    await tick();
    turn.runAll();
    await tick();
    release.get("c")?.();
    await tick();
    release.get("d")?.();
    expect(await Promise.all(answers.map(async (r) => (await r).text()))).toEqual(["a", "b", "c", "d"]);
  });

  it("lets the next request in when a handler throws", async () => {
    const app = new Hono();
    app.use("*", admissionQueue({ concurrency: 1 }));
    app.get("/boom", () => {
      throw new Error("boom");
    });
    app.get("/ok", (c) => c.text("ok"));
    app.onError((_err, c) => c.text("failed", 500));
    expect((await app.request("/boom")).status).toBe(500);
    expect(await (await app.request("/ok")).text()).toBe("ok");
  });
});

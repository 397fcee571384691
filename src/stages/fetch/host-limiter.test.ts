import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import {
  backoffDelayMs,
  createHostLimiter,
  DEFAULT_RETRY_AFTER_MS,
  hostKeyOf,
  type LimiterClock,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  type RequestStart,
  retryPauseMs,
  sendSpacingMs,
} from "./host-limiter.ts";

/** A virtual clock: time moves only when every task is waiting, straight to the next timer. */
function fakeClock(): LimiterClock & { run(): Promise<void> } {
  let t = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  return {
    now: () => t,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: t + ms, resolve })),
    async run() {
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = Math.max(t, next.at);
        next.resolve();
      }
    },
  };
}

describe("sendSpacingMs", () => {
  it.each([
    { why: "a default 5 s interval gets a tenth more", interval: 5_000, spacing: 5_500 },
    { why: "a short interval gets at least the fixed margin", interval: 20, spacing: 25 },
    { why: "a tenth is rounded up to whole milliseconds", interval: 1_234, spacing: 1_358 },
    { why: "no spacing asked stays none", interval: 0, spacing: 0 },
  ])("sends requests $spacing ms apart for a $interval ms host interval: $why", ({ interval, spacing }) => {
    expect(sendSpacingMs(interval)).toBe(spacing);
  });
});

describe("createHostLimiter", () => {
  it("keeps at most 2 requests in flight and 5 s between starts on one host (POL-05)", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock });
    const starts: number[] = [];
    let inFlight = 0;
    let maxSeen = 0;
    const task = async (start: RequestStart) => {
      start.sent();
      starts.push(clock.now());
      inFlight++;
      maxSeen = Math.max(maxSeen, inFlight);
      await clock.sleep(12_000);
      inFlight--;
    };
    const all = Promise.all(Array.from({ length: 6 }, () => limiter.schedule("a.test:443", task)));
    await clock.run();
    await all;
    expect(maxSeen).toBe(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(5_000);
  });

  it("counts the spacing from when a request is sent and lets none overtake one still connecting", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock });
    const sentAt: number[] = [];
    // The first request spends 7 s on DNS and connect before its head is written; the others send at once.
    const task = (connectMs: number) => async (start: RequestStart) => {
      await clock.sleep(connectMs);
      sentAt.push(clock.now());
      start.sent();
      await clock.sleep(1_000);
    };
    const all = Promise.all([
      limiter.schedule("a.test:443", task(7_000)),
      limiter.schedule("a.test:443", task(0)),
      limiter.schedule("a.test:443", task(0)),
    ]);
    await clock.run();
    await all;
    // Counted from the starts (0, 5 s), the second request would have reached the host 2 s before the first.
    expect(sentAt).toEqual([7_000, 12_000, 17_000]);
  });

  it("counts a task that never reports sending as sent when it ends", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock });
    const starts: number[] = [];
    const task = async () => {
      starts.push(clock.now());
      await clock.sleep(8_000);
    };
    const all = Promise.all([limiter.schedule("a.test:443", task), limiter.schedule("a.test:443", task)]);
    await clock.run();
    await all;
    expect(starts).toEqual([0, 13_000]);
  });

  it("holds a redirect hop to the same host for the interval, and the host's next request for one after it", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock, maxInFlight: 2 });
    const sentAt: string[] = [];
    // The first request is answered with a redirect 1 s after it is sent; a second request is queued behind it.
    const redirected = limiter.schedule("a.test:443", async (start) => {
      start.sent();
      sentAt.push(`first ${clock.now()}`);
      await clock.sleep(1_000);
      await start.hop("a.test:443");
      start.sent();
      sentAt.push(`hop ${clock.now()}`);
    });
    const next = limiter.schedule("a.test:443", async (start) => {
      start.sent();
      sentAt.push(`next ${clock.now()}`);
    });
    const all = Promise.all([redirected, next]);
    await clock.run();
    await all;
    // The second request took the start at 5 s, before the hop asked for one; the hop waits its own interval.
    expect(sentAt).toEqual(["first 0", "next 5000", "hop 10000"]);
  });

  it("sends a hop to another host after that host's spacing, without waiting for one of its slots", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock, maxInFlight: 1 });
    const sentAt: string[] = [];
    // b.test's only slot is held for a minute by a slow request sent at 0.
    const slow = limiter.schedule("b.test:443", async (start) => {
      start.sent();
      sentAt.push(`b ${clock.now()}`);
      await clock.sleep(60_000);
    });
    const redirected = limiter.schedule("a.test:443", async (start) => {
      start.sent();
      sentAt.push(`a ${clock.now()}`);
      await clock.sleep(100);
      await start.hop("b.test:443");
      start.sent();
      sentAt.push(`hop to b ${clock.now()}`);
    });
    const all = Promise.all([slow, redirected]);
    await clock.run();
    await all;
    expect(sentAt).toEqual(["b 0", "a 0", "hop to b 5000"]);
    // The hop counts as b.test's latest request: its next start is one interval after the hop.
    expect(limiter.nextStartAt("b.test:443")).toBe(10_000);
    expect(limiter.nextStartAt("a.test:443")).toBe(5_000);
  });

  it("refuses a hop to a host paused past the schedule's longest wait (POL-03)", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock });
    limiter.pauseHost("b.test:443", 120_000);
    const done = limiter
      .schedule(
        "a.test:443",
        async (start) => {
          start.sent();
          await start.hop("b.test:443");
        },
        { maxWaitMs: 30_000 },
      )
      .catch((e: unknown) => e);
    await clock.run();
    expect(isAkhbarError(await done, "fetch.host_paused")).toBe(true);
    expect(limiter.inFlight("a.test:443")).toBe(0);
  });

  it("waits one interval before the first request to each host when told its predecessor may have just sent one", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock, assumeSentAtStart: true });
    const starts: number[] = [];
    const all = Promise.all(
      ["a.test:443", "b.test:443"].map((h) => limiter.schedule(h, async () => starts.push(clock.now()))),
    );
    await clock.run();
    await all;
    expect(starts).toEqual([5_000, 5_000]);
  });

  it("does not slow other hosts down", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock });
    const starts: number[] = [];
    const all = Promise.all(
      ["a.test:443", "b.test:443", "c.test:443"].map((h) =>
        limiter.schedule(h, async () => starts.push(clock.now())),
      ),
    );
    await clock.run();
    await all;
    expect(starts).toEqual([0, 0, 0]);
  });

  it("holds every request to a paused host until the pause ends (POL-03)", async () => {
    const clock = fakeClock();
    const limiter = createHostLimiter({ clock });
    limiter.pauseHost("a.test:443", 120_000);
    let startedAt = -1;
    const done = limiter.schedule("a.test:443", async () => {
      startedAt = clock.now();
    });
    await clock.run();
    await done;
    expect(startedAt).toBe(120_000);
  });

  it("keys hosts by host and port", () => {
    expect(hostKeyOf("https://Example.COM/feed")).toBe("example.com:443");
    expect(hostKeyOf("http://example.com:8080/")).toBe("example.com:8080");
  });
});

describe("parseRetryAfter (POL-03)", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  const rows: { why: string; value: string | undefined; expected: number | null }[] = [
    { why: "delta seconds", value: "120", expected: 120_000 },
    { why: "an HTTP-date", value: "Thu, 01 Jan 2026 00:02:00 GMT", expected: 120_000 },
    { why: "a date in the past means now", value: "Wed, 31 Dec 2025 00:00:00 GMT", expected: 0 },
    { why: "88 hours is capped at a day", value: "317100", expected: MAX_RETRY_AFTER_MS },
    { why: "junk is ignored", value: "soon", expected: null },
    { why: "a bare number-like date is not a date", value: "2026", expected: 2_026_000 },
    { why: "absent", value: undefined, expected: null },
  ];
  for (const row of rows) {
    it(`reads ${row.why}`, () => expect(parseRetryAfter(row.value, now)).toBe(row.expected));
  }

  it("pauses 429 and 503 by Retry-After, or by the default when it is junk", () => {
    expect(retryPauseMs(429, "120", now)).toBe(120_000);
    expect(retryPauseMs(503, "soon", now)).toBe(DEFAULT_RETRY_AFTER_MS);
    expect(retryPauseMs(500, "120", now)).toBeNull();
  });
});

describe("backoffDelayMs", () => {
  it("doubles per attempt between half and all of the ceiling, capped at a day", () => {
    expect(backoffDelayMs(1, () => 0)).toBe(30_000);
    expect(backoffDelayMs(1, () => 1)).toBe(60_000);
    expect(backoffDelayMs(3, () => 1)).toBe(240_000);
    expect(backoffDelayMs(30, () => 1)).toBe(24 * 60 * 60 * 1000);
  });

  it("spreads retries with jitter", () => {
    const seen = new Set(Array.from({ length: 20 }, () => backoffDelayMs(4)));
    expect(seen.size).toBeGreaterThan(10);
  });
});

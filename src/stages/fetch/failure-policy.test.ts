import { describe, expect, it } from "vitest";
import { classifyFailure, failureRetryDelayMs, HEALTHY, recordFetchOutcome } from "./failure-policy.ts";

describe("failure policy (POL-04, XML-05)", () => {
  const rows: { why: string; failure: Parameters<typeof classifyFailure>[0]; expected: string }[] = [
    { why: "503 may recover", failure: { status: 503, message: "" }, expected: "soft" },
    { why: "404 may be a hiccup", failure: { status: 404, message: "" }, expected: "soft" },
    { why: "429 is the server asking for patience", failure: { status: 429, message: "" }, expected: "soft" },
    { why: "403 is a refusal", failure: { status: 403, message: "" }, expected: "hard" },
    { why: "410 Gone is final", failure: { status: 410, message: "" }, expected: "fatal" },
    { why: "a timeout", failure: { code: "fetch.timeout", message: "" }, expected: "hard" },
    { why: "a parse error", failure: { code: "feed.parse_error", message: "" }, expected: "hard" },
    {
      why: "a blocked destination never succeeds",
      failure: { code: "fetch.blocked_address", message: "" },
      expected: "fatal",
    },
  ];
  for (const row of rows)
    it(`classifies ${row.why} as ${row.expected}`, () =>
      expect(classifyFailure(row.failure)).toBe(row.expected));

  it("pauses a feed after 10 hard failures with a visible reason, not before", () => {
    let h = HEALTHY;
    for (let i = 0; i < 9; i++)
      h = recordFetchOutcome(h, {
        ok: false,
        failure: { code: "fetch.timeout", message: "fetch: timed out" },
      });
    expect(h.disabled).toBe(false);
    h = recordFetchOutcome(h, { ok: false, failure: { code: "fetch.timeout", message: "fetch: timed out" } });
    expect(h.disabled).toBe(true);
    expect(h.disabledReason).toBe(
      "paused after 10 consecutive failures; last: fetch.timeout: fetch: timed out",
    );
  });

  it("counts soft failures half", () => {
    let h = HEALTHY;
    for (let i = 0; i < 19; i++)
      h = recordFetchOutcome(h, { ok: false, failure: { status: 503, message: "503" } });
    expect(h.disabled).toBe(false);
    h = recordFetchOutcome(h, { ok: false, failure: { status: 503, message: "503" } });
    expect(h.disabled).toBe(true);
  });

  it("pauses at once when the destination is blocked", () => {
    const h = recordFetchOutcome(HEALTHY, {
      ok: false,
      failure: { code: "fetch.blocked_address", message: "fetch: destination address is not allowed" },
    });
    expect(h.disabled).toBe(true);
    expect(h.disabledReason).toMatch(/^paused: cannot succeed as configured/);
  });

  it("resets the count on success", () => {
    let h = recordFetchOutcome(HEALTHY, { ok: false, failure: { code: "fetch.timeout", message: "x" } });
    h = recordFetchOutcome(h, { ok: true });
    expect([h.failureScore, h.consecutiveFailures, h.lastError]).toEqual([0, 0, null]);
  });

  it("backs off exponentially with the failure count", () => {
    const h3 = { ...HEALTHY, consecutiveFailures: 3 };
    expect(failureRetryDelayMs(h3, () => 1)).toBe(4 * 60_000);
  });
});

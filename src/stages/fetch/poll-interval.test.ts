import { describe, expect, it } from "vitest";
import {
  hasWindowGap,
  MAX_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
  nextPollInterval,
  parseMaxAge,
} from "./poll-interval.ts";

const H = 60 * 60 * 1000;
const noJitter = () => 0.5;

describe("nextPollInterval (POL-08, POL-02)", () => {
  const rows: { why: string; current: number; newItems: number; total: number; expected: number }[] = [
    { why: "all duplicates lengthen by half", current: H, newItems: 0, total: 20, expected: 1.5 * H },
    { why: "a steady trickle keeps the interval", current: H, newItems: 10, total: 20, expected: H },
    { why: "mostly new items halve it", current: H, newItems: 15, total: 20, expected: 0.5 * H },
    { why: "a window overrun halves it", current: H, newItems: 20, total: 20, expected: 0.5 * H },
    { why: "an empty feed lengthens", current: H, newItems: 0, total: 0, expected: 1.5 * H },
    {
      why: "never below 15 minutes",
      current: 20 * 60 * 1000,
      newItems: 20,
      total: 20,
      expected: MIN_POLL_INTERVAL_MS,
    },
    { why: "never above 24 hours", current: 20 * H, newItems: 0, total: 20, expected: MAX_POLL_INTERVAL_MS },
  ];
  for (const row of rows) {
    it(`${row.why}`, () => {
      expect(
        nextPollInterval(
          row.current,
          { newItems: row.newItems, totalItems: row.total, hadPreviousPoll: true },
          noJitter,
        ),
      ).toBe(row.expected);
    });
  }

  it("waits at least the publisher's <ttl> or max-age", () => {
    expect(
      nextPollInterval(H, { newItems: 10, totalItems: 20, hadPreviousPoll: true, ttlMinutes: 180 }, noJitter),
    ).toBe(3 * H);
    expect(
      nextPollInterval(
        H,
        { newItems: 10, totalItems: 20, hadPreviousPoll: true, maxAgeSeconds: 10800 },
        noJitter,
      ),
    ).toBe(3 * H);
    expect(
      nextPollInterval(
        H,
        { newItems: 10, totalItems: 20, hadPreviousPoll: true, ttlMinutes: 10_000 },
        noJitter,
      ),
    ).toBe(MAX_POLL_INTERVAL_MS);
  });

  it("jitters within 10 %", () => {
    const lo = nextPollInterval(H, { newItems: 10, totalItems: 20, hadPreviousPoll: true }, () => 0);
    const hi = nextPollInterval(H, { newItems: 10, totalItems: 20, hadPreviousPoll: true }, () => 1);
    expect([lo, hi]).toEqual([Math.round(0.9 * H), Math.round(1.1 * H)]);
  });

  it("sees a gap only after an earlier poll", () => {
    expect(hasWindowGap({ newItems: 20, totalItems: 20, hadPreviousPoll: false })).toBe(false);
    expect(hasWindowGap({ newItems: 20, totalItems: 20, hadPreviousPoll: true })).toBe(true);
  });

  it("reads max-age from Cache-Control", () => {
    expect(parseMaxAge("public, max-age=10800")).toBe(10800);
    expect(parseMaxAge("no-cache")).toBeNull();
  });
});

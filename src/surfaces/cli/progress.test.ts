import { describe, expect, it } from "vitest";
import { formatDuration, formatProgress } from "./progress.ts";

describe("formatProgress", () => {
  it("shows bar, percentage, count, rate and ETA when the total is known", () => {
    const line = formatProgress({ items: 5000, done: 50, total: 100, elapsedMs: 2000 });
    expect(line).toBe("[############------------]   50%  5,000 articles  2,500/s  ETA 0:02");
  });

  it("leaves out bar and ETA when the total is unknown (reading from a pipe)", () => {
    expect(formatProgress({ items: 10, done: 0, total: null, elapsedMs: 1000 })).toBe("10 articles  10/s");
  });

  it("does not divide by zero at the very start", () => {
    expect(formatProgress({ items: 0, done: 0, total: 100, elapsedMs: 0 })).toContain("0 articles");
  });

  it("leaves out rate and ETA in the first second, when a row or two would read as 1,000/s", () => {
    expect(formatProgress({ items: 1, done: 1, total: 100, elapsedMs: 1 })).toBe(
      "[------------------------]    1%  1 articles",
    );
  });
});

describe("formatDuration", () => {
  it.each([
    ["seconds pad to two digits", 5_000, "0:05"],
    ["minutes and seconds", 75_000, "1:15"],
    ["hours appear only when needed", 3_723_000, "1:02:03"],
  ])("%s", (_why, ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

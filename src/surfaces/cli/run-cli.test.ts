import { describe, expect, it } from "vitest";
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_USAGE, exitCodeOf } from "./run-cli.ts";

describe("exitCodeOf", () => {
  it.each([
    ["a story id nothing has: not found, not an error", "story.not_found", EXIT_NOT_FOUND],
    ["an article id similar does not know", "similar.not_found", EXIT_NOT_FOUND],
    ["a source remove names no source", "sources.not_found", EXIT_NOT_FOUND],
    ["a feed id the store does not hold", "store.not_found", EXIT_NOT_FOUND],
    ["a missing argument", "story.usage", EXIT_USAGE],
    ["an option value out of bounds (--limit 1001)", "search.bad_param", EXIT_USAGE],
    ["a query with no searchable word", "search.bad_query", EXIT_USAGE],
    ["a store that cannot be opened", "store.open_failed", EXIT_ERROR],
    ["a file that cannot be read", "import.unreadable", EXIT_ERROR],
  ])("%s (%s)", (_why, code, status) => {
    expect(exitCodeOf(code)).toBe(status);
  });

  it("keeps the three failures apart", () => {
    expect(new Set([EXIT_NOT_FOUND, EXIT_ERROR, EXIT_USAGE]).size).toBe(3);
  });
});

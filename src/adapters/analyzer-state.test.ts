import { describe, expect, it } from "vitest";
import { olderHashesAfter, reindexResumeAfter, resumeAfterWrite } from "./analyzer-state.ts";

describe("reindexResumeAfter", () => {
  const state = { version: 1, reindex_version: 2, reindex_after_seq: 500 };
  it.each([
    ["resumes a re-index to the same version where it stopped", state, 2, 500],
    ["starts a re-index to a newer version over", state, 3, 0],
    ["starts from the first article when none is under way", { ...state, reindex_version: null }, 2, 0],
    ["leaves a re-index to a newer version alone", { ...state, reindex_version: 3 }, 2, null],
    [
      "does nothing when the index is at the version",
      { ...state, version: 2, reindex_version: null },
      2,
      null,
    ],
  ])("%s", (_why, row, version, after) => {
    expect(reindexResumeAfter(row, version)).toBe(after);
  });
});

describe("resumeAfterWrite", () => {
  const read = { afterSeq: 10, rows: [{ seq: 11 }, { seq: 12 }, { seq: 13 }] };
  it.each([
    ["moves past the batch when every article was still as read", [true, true, true], 13],
    ["stops before the first article changed since the read", [true, false, true], 11],
    ["stays where it was when the first article changed", [false, true, true], 10],
    ["moves past an empty batch nowhere", [], 10],
  ])("%s", (_why, written, after) => {
    expect(resumeAfterWrite(written.length === 0 ? { afterSeq: 10, rows: [] } : read, written)).toBe(after);
  });
});

describe("olderHashesAfter", () => {
  it.each([
    [
      "the articles after a re-index's resume point",
      { version: 11, reindex_version: 12, reindex_after_seq: 500 },
      500,
    ],
    [
      "every article before a re-index's first batch",
      { version: 11, reindex_version: null, reindex_after_seq: 0 },
      0,
    ],
    ["none once the index is current", { version: 12, reindex_version: null, reindex_after_seq: 0 }, null],
  ])("%s", (_why, row, after) => {
    expect(olderHashesAfter(row, 12)).toBe(after);
  });
});

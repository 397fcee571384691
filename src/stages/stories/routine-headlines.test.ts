import { describe, expect, it } from "vitest";
import {
  ROUTINE_FORGET_DAYS,
  ROUTINE_FORGET_SINGLE_DAYS,
  ROUTINE_MIN_DAYS,
  RoutineHeadlines,
} from "./routine-headlines.ts";
import { toStoryTerms } from "./story-vector.ts";

const DAY = 86_400_000;
const keys = (title: string) => toStoryTerms(title, "").titleKeys;
/** One source's daily close: the template's words, another figure and direction each day. */
const close = (d: number) =>
  keys(`مؤشر سوق الأسهم يغلق ${d % 2 === 0 ? "مرتفعا" : "منخفضا"} ${100 + d * 7} نقطة`);

/** Feeds `days` daily closes of `source` (day 0, 1, ...), returns the detector. */
function fedCloses(source: string, days: number, firstDay = 0): RoutineHeadlines {
  const r = new RoutineHeadlines();
  for (let d = firstDay; d < firstDay + days; d++) r.add(source, close(d), d * DAY + 15 * 3_600_000);
  return r;
}

describe("RoutineHeadlines", () => {
  const at = (d: number) => d * DAY + 15 * 3_600_000;
  it.each([
    {
      why: "the template on ROUTINE_MIN_DAYS earlier days makes the next day's close routine",
      r: () => fedCloses("was", ROUTINE_MIN_DAYS),
      source: "was",
      title: close(ROUTINE_MIN_DAYS),
      day: ROUTINE_MIN_DAYS,
      routine: true,
    },
    {
      why: "one day fewer is not yet a template",
      r: () => fedCloses("was", ROUTINE_MIN_DAYS - 1),
      source: "was",
      title: close(ROUTINE_MIN_DAYS),
      day: ROUTINE_MIN_DAYS,
      routine: false,
    },
    {
      why: "another source's template is not this source's",
      r: () => fedCloses("was", ROUTINE_MIN_DAYS),
      source: "okaz",
      title: close(ROUTINE_MIN_DAYS),
      day: ROUTINE_MIN_DAYS,
      routine: false,
    },
    {
      why: "a headline of new words from the same source is news, not the template",
      r: () => fedCloses("was", ROUTINE_MIN_DAYS),
      source: "was",
      title: keys("تفجير انتحاري يستهدف مسجدا في أبها"),
      day: ROUTINE_MIN_DAYS,
      routine: false,
    },
    {
      why: "a template unused for ROUTINE_FORGET_DAYS is forgotten",
      r: () => fedCloses("was", ROUTINE_MIN_DAYS),
      source: "was",
      title: close(ROUTINE_MIN_DAYS),
      day: ROUTINE_MIN_DAYS + ROUTINE_FORGET_DAYS + 1,
      routine: false,
    },
    {
      why: "a headline of the template's words needs one of its word pairs too (the words reordered are not it)",
      r: () => fedCloses("was", ROUTINE_MIN_DAYS),
      source: "was",
      title: keys("الأسهم مرتفعا سوق نقطة مؤشر يغلق"),
      day: ROUTINE_MIN_DAYS,
      routine: false,
    },
    {
      why: "a headline of one word (figures aside) is no template, even one of its pairs",
      r: () => fedCloses("was", ROUTINE_MIN_DAYS),
      source: "was",
      title: keys("55 نقطة"),
      day: ROUTINE_MIN_DAYS,
      routine: false,
    },
  ])("$why", ({ r, source, title, day, routine }) => {
    expect(r().isRoutine(source, title, at(day))).toBe(routine);
    // observe (what the clusterer calls) answers as isRoutine does.
    expect(r().observe(source, title, at(day))).toBe(routine);
  });

  it("forgets a word or pair used on a single day after ROUTINE_FORGET_SINGLE_DAYS (snapshot size)", () => {
    const routineAfterGap = (gapDays: number) => {
      const r = new RoutineHeadlines();
      r.add("was", close(0), at(0));
      const next = gapDays;
      for (let d = next; d < next + ROUTINE_MIN_DAYS - 1; d++) r.add("was", close(d), at(d));
      return r.isRoutine("was", close(next + ROUTINE_MIN_DAYS), at(next + ROUTINE_MIN_DAYS));
    };
    // The single day is still counted when the template comes back within the window, forgotten past it.
    expect(routineAfterGap(ROUTINE_FORGET_SINGLE_DAYS)).toBe(true);
    expect(routineAfterGap(ROUTINE_FORGET_SINGLE_DAYS + 1)).toBe(false);
  });

  it("counts a day once, however often the source repeats the template that day", () => {
    const r = new RoutineHeadlines();
    for (let i = 0; i < 10; i++) r.add("was", close(i), at(0) + i * 60_000);
    expect(r.isRoutine("was", close(1), at(1))).toBe(false);
    // Today's own uses are not earlier days either.
    const s = fedCloses("was", ROUTINE_MIN_DAYS - 1);
    s.add("was", close(9), at(ROUTINE_MIN_DAYS));
    expect(s.isRoutine("was", close(ROUTINE_MIN_DAYS), at(ROUTINE_MIN_DAYS))).toBe(false);
  });

  it("is restored from its snapshot (JSON) to the same decisions", () => {
    const r = fedCloses("was", ROUTINE_MIN_DAYS);
    const restored = new RoutineHeadlines();
    restored.restore(JSON.parse(JSON.stringify(r.toSnapshot())));
    expect(restored.toSnapshot()).toEqual(r.toSnapshot());
    expect(restored.isRoutine("was", close(ROUTINE_MIN_DAYS), at(ROUTINE_MIN_DAYS))).toBe(true);
    expect(() => r.restore(r.toSnapshot())).toThrow(/in use/);
  });
});

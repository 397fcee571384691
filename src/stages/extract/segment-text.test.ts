// biome-ignore lint/style/noRestrictedImports: the fixture test reads testdata; the stage itself stays pure.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { segmentText } from "./segment-text.ts";

const FIXTURE_DIR = join(import.meta.dirname, "..", "..", "..", "testdata", "extract", "segment");

const STORY = [
  "الحكومة تقر خطة جديدة لدعم قطاع السياحة",
  "أقرت الحكومة اليوم خطة جديدة لدعم قطاع السياحة بقيمة مليار دولار، تشمل حوافز للفنادق وشركات الطيران.",
  "وقال وزير السياحة إن خطة دعم السياحة تستهدف مضاعفة عدد السياح خلال ثلاث سنوات.",
];

describe("segmentText fixtures", () => {
  for (const name of readdirSync(FIXTURE_DIR)) {
    it(`segments the ${name} fixture as reviewed`, () => {
      const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, name, "expected.json"), "utf8"));
      const result = segmentText(readFileSync(join(FIXTURE_DIR, name, "input.txt"), "utf8"));
      expect(result.segments.map(({ kind, start, end }) => ({ kind, start, end }))).toEqual(
        expected.segments,
      );
      expect(result.main).toEqual(expected.main);
      if (expected.split_line !== undefined) {
        const seg = result.segments.find(
          (s) => s.start <= expected.split_line.index && s.end >= expected.split_line.index,
        );
        for (const part of expected.split_line.parts) expect(seg?.text.split("\n")).toContain(part);
      }
    });
  }
});

describe("segmentText", () => {
  const spellings: { name: string; line: string }[] = [
    { name: "hamza on alef with tanween fath", line: "اقرأ أيضاً: الأسواق تترقب قرار الفائدة" },
    { name: "hamza below and fathatan over alef", line: "إقرأ أيضًا.. الأسواق تترقب قرار الفائدة" },
    { name: "no hamza, en dash", line: "اقرا ايضا – الأسواق تترقب قرار الفائدة" },
    { name: "tatweel stretching", line: "إقـــرا أيـضـا ... الأسواق تترقب قرار الفائدة" },
  ];
  for (const s of spellings) {
    it(`marks an inline read-also written with ${s.name}`, () => {
      const result = segmentText(
        [...STORY, s.line, "وأضاف الوزير أن خطة دعم السياحة تشمل تسهيلات للحصول على التأشيرات."].join("\n"),
      );
      expect(result.segments.map((x) => x.kind)).toEqual(["main", "read_also", "main"]);
      expect(result.main).toMatchObject({ start: 0, end: 4 });
    });
  }

  it("counts only non-empty lines in start and end", () => {
    const result = segmentText(["", STORY[0], "", STORY[1], "   ", STORY[2]].join("\n"));
    expect(result.segments).toEqual([{ kind: "main", start: 0, end: 2, text: STORY.join("\n") }]);
  });

  it("marks the headlines after a bare read-also marker", () => {
    const result = segmentText(
      [...STORY, "اقرأ أيضا", "ارتفاع أسعار الذهب", "الأسهم تغلق على تراجع"].join("\n"),
    );
    expect(result.segments.at(-1)).toMatchObject({ kind: "read_also", start: 3, end: 5 });
  });

  it("returns an empty result for empty text", () => {
    expect(segmentText("")).toEqual({
      segments: [],
      main: { start: -1, end: -1, source: null, cited_sources: [] },
    });
  });
});

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

  it("keeps an interview's long *question / -answer turns in the story, and ends (it used to loop forever)", () => {
    const question = `*${STORY[1]} ${STORY[1]} ${STORY[1]}؟`;
    const answer = `-${STORY[2]} ${STORY[2]} ${STORY[2]}`;
    expect(question.length).toBeGreaterThan(240);
    const lines = [STORY[0], question, answer, "*وما الخطوة التالية؟", answer, "*ومتى تبدأ خطة السياحة؟"];
    const result = segmentText(lines.join("\n"));
    expect(result.segments).toEqual([expect.objectContaining({ kind: "main", start: 0, end: 5 })]);
  });

  it("still reads two short bulleted headlines after the story as a list", () => {
    const result = segmentText([...STORY, "- ارتفاع أسعار الذهب", "- الأسهم تغلق على تراجع"].join("\n"));
    expect(result.segments.at(-1)).toMatchObject({ kind: "headline_list", start: 3, end: 4 });
  });

  it("finds the story in a whole flattened page: menus before it, a most-read list of teasers and a footer after", () => {
    const para = (n: number) => `${STORY[1]} ${STORY[2]} الفقرة ${n}.`;
    const teaser =
      "ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار وزيادة الطلب على الملاذات الآمنة...";
    const page = [
      ...["الرئيسية", "محليات", "اقتصاد", "رياضة", "فيديو", "الأربعاء 8 أبريل 2020"],
      ...["وزير الصحة يزور مستشفى الملك فهد", "الأمطار تعم المنطقة الشرقية"],
      STORY[0],
      "الثلاثاء 7 أبريل 2020",
      para(1),
      para(2),
      para(3),
      "الأكثر قراءة",
      ...["الذهب يرتفع مع تراجع الدولار", teaser, "النفط يهبط بعد قرار أوبك", teaser],
      ...["من نحن", "اتصل بنا", "جميع الحقوق محفوظة 2020"],
    ];
    const result = segmentText(page.join("\n"));
    expect(result.main).toMatchObject({ start: 8, end: 12 });
    const kinds = result.segments.map((x) => [x.kind, x.start, x.end]);
    expect(kinds.filter(([k]) => k === "main")).toEqual([["main", 8, 12]]);
    expect(kinds[0]).toEqual(["headline_list", 0, 7]);
    expect(kinds.find(([, start]) => start === 13)?.[0]).toBe("headline_list");
  });

  it("returns an empty result for empty text", () => {
    expect(segmentText("")).toEqual({
      segments: [],
      main: { start: -1, end: -1, source: null, cited_sources: [] },
    });
  });
});

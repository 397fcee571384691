import { describe, expect, it } from "vitest";
import { buildSnippet, highlightTitle, MARK_CLOSE, MARK_OPEN } from "./build-snippet.ts";
import { parseQuery } from "./parse-query.ts";

/** Writes expected snippets readably: [[word]] stands for the private-use markers around a match. */
const m = (s: string) => s.replaceAll("[[", MARK_OPEN).replaceAll("]]", MARK_CLOSE);

const q = (raw: string) => parseQuery(raw, { limit: 10, offset: 0 });

describe("buildSnippet", () => {
  it("marks a word that matches by stem, keeping its spelling and tashkeel", () => {
    const text = "قالت الوِزارةُ إن الاجتماع انتهى.";
    expect(buildSnippet(text, q("وزارة"))).toBe(m("قالت [[الوِزارةُ]] إن الاجتماع انتهى."));
  });

  it("marks variant spellings of the query word", () => {
    expect(buildSnippet("زار الرئيس الأميركي المنطقة", q("أمريكا"))).toBe(
      m("زار الرئيس [[الأميركي]] المنطقة"),
    );
  });

  it("does not mark the false positive زار inside وزارة", () => {
    expect(buildSnippet("وزارة الخارجية", q("زار"))).toBe("وزارة الخارجية");
  });

  it("picks the window with the most distinct query terms and cuts at word boundaries", () => {
    const filler = "كلام عام ".repeat(40);
    const text = `${filler}غزة وحدها هنا ${filler}غزة ورفح معا في هذا الموضع ${filler}`;
    const snippet = buildSnippet(text, q("غزة رفح"), { maxChars: 80 });
    expect(snippet).toContain(m("[[غزة]] [[ورفح]]"));
    expect(snippet.startsWith("\u2026")).toBe(true);
    expect(snippet.endsWith("\u2026")).toBe(true);
    expect(snippet.replace(/\ue000|\ue001|\u2026/g, "").length).toBeLessThanOrEqual(80);
    expect(text).toContain(snippet.replace(/\ue000|\ue001|\u2026/g, ""));
  });

  it("joins paragraphs inside the window with a space so a snippet stays one line", () => {
    expect(buildSnippet("الفقرة الأولى عن غزة.\nالفقرة الثانية", q("غزة"))).toBe(
      m("الفقرة الأولى عن [[غزة]]. الفقرة الثانية"),
    );
  });

  it("returns the start of the text when nothing matches", () => {
    const text = "بداية الخبر ثم ".repeat(30);
    const snippet = buildSnippet(text, q("غزة"), { maxChars: 50 });
    expect(snippet.startsWith("بداية الخبر")).toBe(true);
    expect(snippet.endsWith("\u2026")).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(51);
  });

  it("returns a short text whole", () => {
    expect(buildSnippet("خبر قصير عن غزة", q("غزة"))).toBe(m("خبر قصير عن [[غزة]]"));
  });

  it("marks phrase words too", () => {
    expect(buildSnippet("قالت وزارة الصحة اليوم", q('"وزارة الصحة"'))).toBe(
      m("قالت [[وزارة]] [[الصحة]] اليوم"),
    );
  });
});

describe("highlightTitle", () => {
  it("marks matching words and leaves the rest of the title as written", () => {
    expect(highlightTitle("الحكومةُ تعلن: حكومتها جديدة", q("حكومة"))).toBe(
      m("[[الحكومةُ]] تعلن: [[حكومتها]] جديدة"),
    );
  });
});

import { describe, expect, it } from "vitest";
import { toStoryEntities } from "./story-entities.ts";

const names = (list: ReturnType<typeof toStoryEntities>) =>
  list.map((e) => `${e.kind}:${e.name}:${e.articles}`);

describe("toStoryEntities", () => {
  it("leaves out an article's mention of its own publisher, not another outlet's citing it", () => {
    const own = {
      title: "أمطار على جازان",
      text: "هطلت أمطار على جازان. رابط الخبر بصحيفة الوئام: أمطار على جازان",
      publisher: "الوئام",
    };
    const other = {
      title: "أمطار غزيرة",
      text: "ونقلت صحيفة الوئام أن أمطارا غزيرة هطلت على جازان",
      publisher: "الجزيرة (السعودية)",
    };
    expect(names(toStoryEntities([own]))).toEqual(["place:جازان:1"]);
    expect(names(toStoryEntities([own, other]))).toEqual(["place:جازان:2", "organization:الوئام:1"]);
    // Without a publisher nothing is left out.
    expect(names(toStoryEntities([{ title: own.title, text: own.text }]))).toContain("organization:الوئام:1");
  });

  it("tells outlets whose names share a stem apart (الرياض, الرياضية)", () => {
    const own = { title: "خبر", text: "وقال المدرب لـ«الرياضية» إن الفريق جاهز", publisher: "الرياض" };
    expect(names(toStoryEntities([own]))).toContain("organization:الرياضية:1");
  });

  const creditRows: { why: string; text: string; has: string[]; not: string[] }[] = [
    {
      why: "a dateline's city and agency say where and by whom it was filed",
      text: "الرياض - واس:\nأعلنت وزارة الصحة تسجيل حالات جديدة",
      has: ["organization:وزارة الصحة:1"],
      not: ["place:الرياض:1", "organization:واس:1"],
    },
    {
      why: "a dateline's city counts when the text names it again",
      text: "جدة - واس:\nافتتح الأمير مشروعا في جدة",
      has: ["place:جدة:1"],
      not: ["organization:واس:1"],
    },
    {
      why: "a reporter's byline line is no person of the story",
      text: "عمر إبراهيم – عين اليوم\nأعلنت وزارة الصحة تسجيل حالات جديدة",
      has: ["organization:وزارة الصحة:1"],
      not: ["person:عمر إبراهيم:1"],
    },
    {
      why: "SPA's own dateline line names its city and itself",
      text: "الباحة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nنفذت وزارة الصحة حملة",
      has: ["organization:وزارة الصحة:1"],
      not: ["place:الباحة:1", "organization:واس:1"],
    },
    {
      why: "an agency told something or credited in the text is whose report it is",
      text: "وقال المتحدث باسم الجيش لوكالة رويترز إن القوات دخلت عدن، بحسب وكالة الأنباء الكويتية",
      has: ["place:عدن:1"],
      not: ["organization:وكالة رويترز:1", "organization:وكالة الأنباء الكويتية:1"],
    },
  ];
  for (const row of creditRows) {
    it(`leaves out who reported it: ${row.why}`, () => {
      const got = names(toStoryEntities([{ title: "خبر", text: row.text }]));
      for (const want of row.has) expect(got).toContain(want);
      for (const unwanted of row.not) expect(got).not.toContain(unwanted);
    });
  }

  it("knows an outlet by its name without the bracketed qualifier", () => {
    const own = { title: "خبر", text: "قالت صحيفة الجزيرة إن الرياض", publisher: "الجزيرة (السعودية)" };
    expect(names(toStoryEntities([own]))).toEqual(["place:الرياض:1"]);
  });
});

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

  it("knows an outlet by its name without the bracketed qualifier", () => {
    const own = { title: "خبر", text: "قالت صحيفة الجزيرة إن الرياض", publisher: "الجزيرة (السعودية)" };
    expect(names(toStoryEntities([own]))).toEqual(["place:الرياض:1"]);
  });
});

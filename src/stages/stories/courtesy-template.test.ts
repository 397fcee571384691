import { describe, expect, it } from "vitest";
import { sharesCourtesySubject } from "./courtesy-template.ts";
import { toStoryTerms } from "./story-vector.ts";

const keysOf = (title: string) => toStoryTerms(title, "").titleKeys;
const storyOf = (...titles: string[]) => new Map(titles.flatMap(keysOf).map((k) => [k, 1] as const));

describe("sharesCourtesySubject", () => {
  it.each([
    {
      why: "the same body's party, told shorter",
      title: "«تقويم التعليم» تقيم حفل معايدة",
      story: ["هيئة تقويم التعليم تقيم حفل معايدة لمنسوبيها"],
      shares: true,
    },
    {
      why: "another body's party shares only the frame",
      title: "«السجون» تقيم حفل معايدة لمنسوبيها",
      story: ["«العثيم» تقيم حفل معايدة لمنسوبيها", "«عكاظ» تنظم حفل معايدة لمنسوبيها"],
      shares: false,
    },
    {
      why: "a cable to another country shares only the sender and the occasion's words",
      title: "ولي العهد يهنئ رئيس جمهورية مصر بذكرى اليوم الوطني لبلاده",
      story: [
        "خادم الحرمين وولي العهد يهنئان الرئيس الكولومبي",
        "القيادة تهنئ رئيس كولومبيا بذكرى الاستقلال",
      ],
      shares: false,
    },
    {
      why: "a cable to the same country shares its name",
      title: "خادم الحرمين يهنئ سلطان عُمان بذكرى يوم النهضة لبلاده",
      story: ["ولي العهد يهنئ سلطان عُمان بذكرى يوم النهضة لبلاده"],
      shares: true,
    },
  ])("$why", ({ title, story, shares }) => {
    expect(sharesCourtesySubject(keysOf(title), storyOf(...story))).toBe(shares);
  });
});

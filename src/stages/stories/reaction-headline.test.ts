import { describe, expect, it } from "vitest";
import { isReactionHeadline } from "./reaction-headline.ts";

describe("isReactionHeadline", () => {
  it.each([
    {
      why: "a country condemning (feminine verb)",
      title: "البحرين تدين التفجير الإرهابي في عسير",
      reaction: true,
    },
    { why: "a body condemning (masculine verb)", title: "مجلس الأمن يدين التفجير", reaction: true },
    { why: "denouncing, plural", title: "أهالي الجنوب يستنكرون حادث مسجد قوات الطوارئ", reaction: true },
    { why: "a visit to the wounded", title: "أمير عسير يزور المصابين في التفجير", reaction: true },
    {
      why: "checking on the wounded, hamza seat as written",
      title: "مدير الجوازات يطمئن على المصابين",
      reaction: true,
    },
    { why: "condolences, with shadda", title: "الأمير متعب يعزّي أسرة الشهيد", reaction: true },
    {
      why: "congratulations, hamza on yeh",
      title: "القيادة تهنئ رئيس المالديف بذكرى الاستقلال",
      reaction: true,
    },
    { why: "conveying greetings", title: "البراك ينقل تحيات أمير الشرقية للمصابين", reaction: true },
    { why: "a verb after the conjunction waw", title: "الكويت تستدعي السفير وتدين التفجير", reaction: true },
    { why: "the event itself", title: "13 شهيدا بتفجير انتحاري في مسجد قوات الطوارئ بعسير", reaction: false },
    {
      why: "a denial that is the story's news (verbs of saying are no reaction)",
      title: "وزير التعليم ينفي تأجيل الدراسة",
      reaction: false,
    },
    { why: "a noun sharing a verb's letters", title: "زوار مهرجان العسل في الباحة", reaction: false },
  ])("reads $why", ({ title, reaction }) => {
    expect(isReactionHeadline(title)).toBe(reaction);
  });
});

import { describe, expect, it } from "vitest";
import { condemnedPartOf, isReactionHeadline } from "./reaction-headline.ts";

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
    {
      why: "a visit to the wounded named three words on",
      title: "أمين عسير يزور رجال الأمن المصابين",
      reaction: true,
    },
    { why: "a visit in the future", title: "ولي العهد سيزور المصابين في المستشفى", reaction: true },
    { why: "checking on someone's health", title: "الرئيس يطمئن على صحة الأمير", reaction: true },
    {
      why: "congratulations from two (the dual)",
      title: "الملك وولي العهد يهنئان رئيس تونس",
      reaction: true,
    },
    { why: "condemnation from two, feminine dual", title: "المنظمة وأميركا تدينان الهجمات", reaction: true },
    { why: "consoling a family", title: "محافظ رنية يواسي أسرة الشهيد", reaction: true },
    { why: "thanks", title: "ولي ولي العهد يشكر الرئيس المصري", reaction: true },
    { why: "praise, written without a shadda", title: "أمير نجران يشيد بجهود رجال الأمن", reaction: true },
    { why: "a condemnation that ends the title", title: "مجلس الأمن يدين", reaction: true },
    { why: "a verb after the conjunction feh", title: "اجتمع المجلس فيدين الهجوم", reaction: true },
    { why: "a state visit, which is the event", title: "أوباما يزور كينيا لأول مرة", reaction: false },
    { why: "a minister's visit abroad", title: "وزير الاقتصاد الألماني يزور إيران", reaction: false },
    { why: "an inspection of works", title: "وزير النقل يتفقد مشروعات الطرق", reaction: false },
    { why: "carrying a team (ينقل moves)", title: "طائرة خاصة تنقل النصر إلى النمسا", reaction: false },
    { why: "reassuring fans, no one checked on", title: "الأهلي يطمئن جماهيره", reaction: false },
    {
      why: "building (shadda on the yeh), not praising",
      title: "الوزارة تشيّد 25 ألف وحدة سكنية",
      reaction: false,
    },
    { why: "a court convicting the accused", title: "المحكمة تدين المتهم بالتزوير", reaction: false },
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

describe("condemnedPartOf", () => {
  it("is what follows a verb of condemning, whatever its form", () => {
    expect(condemnedPartOf("الأردن يدين قتل الطفل")).toBe(" قتل الطفل");
    expect(condemnedPartOf("أهالي الجنوب يستنكرون حادث المسجد")).toBe(" حادث المسجد");
    expect(condemnedPartOf("الكويت تستدعي السفير وتدين التفجير")).toBe(" التفجير");
    expect(condemnedPartOf("مجلس الأمن يدين")).toBe("");
  });

  it("is null for other reactions, a conviction, and headlines that react to nothing", () => {
    expect(condemnedPartOf("الأمير متعب يعزّي أسرة الشهيد")).toBeNull();
    expect(condemnedPartOf("الملك وولي العهد يهنئان رئيس تونس")).toBeNull();
    expect(condemnedPartOf("أمير نجران يشيد بجهود رجال الأمن")).toBeNull();
    expect(condemnedPartOf("أمير عسير يزور المصابين")).toBeNull();
    expect(condemnedPartOf("المحكمة تدين المتهم بالتزوير")).toBeNull();
    expect(condemnedPartOf("13 شهيدا بتفجير انتحاري في مسجد")).toBeNull();
  });
});

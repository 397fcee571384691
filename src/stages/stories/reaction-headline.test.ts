import { describe, expect, it } from "vitest";
import {
  addressedPartOf,
  condemnedPartOf,
  isCourtesyHeadline,
  isReactionHeadline,
  namesViolentAct,
} from "./reaction-headline.ts";

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

describe("condemnedPartOf, clauses", () => {
  it.each([
    {
      why: "a clause before the condemnation reports the event: no reading, the whole headline names it",
      title: "داعش يشن أولى هجماته في تركيا.. وإردوغان يندد",
      part: null,
    },
    {
      why: "a body joined by waw and the article opens a new clause after a singular verb's event",
      title: "الشرطة تقتحم المسجد والجامعة العربية تدين الاقتحام",
      part: null,
    },
    {
      why: "a wire desk's slash is no clause break",
      title: "عام / مجلس الوزراء الكويتي يدين التفجير",
      part: " التفجير",
    },
    {
      why: "a speaker's colon is no clause break",
      title: "الخارجية الأمريكية: الولايات المتحدة تستنكر العمل الإجرامي",
      part: " العمل الإجرامي",
    },
    {
      why: "a plural verb's reactor is coordinated by waw, no new clause",
      title: "الكويت والبحرين والأردن يدينون التفجير",
      part: " التفجير",
    },
    {
      why: "a word beginning with the letter waw (وزير) opens no clause",
      title: "نائب وزير الخارجية يدين التفجير",
      part: " التفجير",
    },
    {
      why: "a joined clause holding someone responsible says more of who condemns",
      title: "الأردن يدين قتل الطفل ويحمل إسرائيل مسؤولية الجريمة",
      part: " قتل الطفل ",
    },
    {
      why: "a second verb of condemning does not end what is condemned",
      title: "قادة يدينون ويستنكرون تفجير عسير",
      part: " ويستنكرون تفجير عسير",
    },
  ])("reads $why", ({ title, part }) => {
    expect(condemnedPartOf(title)).toBe(part);
  });
});

describe("addressedPartOf", () => {
  it.each([
    {
      why: "a call (feminine)",
      title: "حماس تدعو إلى الرد على مقتل الطفل",
      part: " إلى الرد على مقتل الطفل",
    },
    { why: "a demand", title: "صندوق النقد يطالب اليونان بضمانات", part: " اليونان بضمانات" },
    { why: "an appeal", title: "والد رهينة يناشد التنظيم إطلاق سراحه", part: " التنظيم إطلاق سراحه" },
    { why: "a warning", title: "ألمانيا تحذر من هجمات في أسطنبول", part: " من هجمات في أسطنبول" },
    { why: "a welcome", title: "الجامعة العربية ترحب بالهدنة في اليمن", part: " بالهدنة في اليمن" },
    { why: "a denial", title: "باكستان تنفي وفاة الملا عمر", part: " وفاة الملا عمر" },
    { why: "a rejection", title: "زعيم الحوثيين يرفض هدنة اليمن", part: " هدنة اليمن" },
    {
      why: "a demand from two (the dual)",
      title: "هادي والجامعة يطالبان الحوثيين بالهدنة",
      part: " الحوثيين بالهدنة",
    },
    { why: "a call from many, weak last letter", title: "علماء يدعون إلى الوحدة", part: " إلى الوحدة" },
    { why: "a denial from many, weak last letter", title: "المسؤولون ينفون الخبر", part: " الخبر" },
    {
      why: "a call after the conjunction",
      title: "الأمم المتحدة ترحب بالهدنة وتدعو المتمردين",
      part: " بالهدنة وتدعو المتمردين",
    },
    {
      why: "an appeal in a clause after the event's: no reading (the father is a party to it)",
      title: "مهلة داعش تنتهي ووالد الرهينة الكرواتي يناشد التنظيم",
      part: null,
    },
    { why: "condolences are no call", title: "أمير جازان يعزي أسرة الشهيد", part: null },
    { why: "a student (طالب) is no demand", title: "طالب سعودي يفوز بجائزة", part: null },
  ])("reads $why", ({ title, part }) => {
    expect(addressedPartOf(title)).toBe(part);
  });
});

describe("namesViolentAct", () => {
  it.each([
    { why: "a killing after a preposition", text: " إلى الرد على مقتل الطفل", act: true },
    { why: "a bombing with the article and a preposition", text: " بالتفجير الإرهابي", act: true },
    { why: "attacks, plural", text: " من هجمات المستوطنين", act: true },
    { why: "teacher interviews", text: " 60 معلمًا لإجراء المقابلات الشخصية", act: false },
    { why: "a truce", text: " بالهدنة الإنسانية", act: false },
  ])("reads $why", ({ text, act }) => {
    expect(namesViolentAct(text)).toBe(act);
  });
});

describe("isCourtesyHeadline", () => {
  it.each([
    {
      why: "a cable of congratulation",
      title: "ولي العهد يهنئ سلطان عُمان بذكرى يوم النهضة لبلاده",
      courtesy: true,
    },
    { why: "congratulation, feminine verb", title: "المملكة تهنئ مصر وسلطنة عمان", courtesy: true },
    { why: "praise of ties", title: "خادم الحرمين يشيد بتميز العلاقات الأخوية مع مصر", courtesy: true },
    { why: "condolences", title: "أمير عسير يعزي أسر الشهداء", courtesy: true },
    {
      why: "an Eid greeting party (the noun)",
      title: "الهيئة العامة للطيران المدني تقيم حفل معايدة لمنسوبيها",
      courtesy: true,
    },
    {
      why: "an Eid greeting, dual verb",
      title: "«التعليم» و«تعليم الرياض» تعايدان منسوبيها.. غداً",
      courtesy: true,
    },
    {
      why: "an Eid greeting meeting, a preposition on the noun",
      title: "مدني المجمعة يعقد لقاء للمعايدة",
      courtesy: true,
    },
    {
      why: "a condemnation is an event's reaction, no courtesy",
      title: "الأردن يدين قتل الطفل",
      courtesy: false,
    },
    {
      why: "a visit to the wounded is no courtesy",
      title: "أمير عسير يزور المصابين في التفجير",
      courtesy: false,
    },
    { why: "an event", title: "طالبان تؤكد مقتل الملا عمر", courtesy: false },
    { why: "building, not praise (shadda on yeh)", title: "الإسكان تشيّد 25 ألف وحدة", courtesy: false },
  ])("reads $why", ({ title, courtesy }) => {
    expect(isCourtesyHeadline(title)).toBe(courtesy);
  });
});

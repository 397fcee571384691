import { describe, expect, it } from "vitest";
import {
  namesOtherInstance,
  namesSameInstances,
  OrdinalSet,
  toHeadlineOrdinals,
} from "./headline-ordinals.ts";

/** A story whose members had these headlines. */
function storyOf(...titles: string[]): OrdinalSet {
  const s = new OrdinalSet();
  for (const t of titles) s.add(toHeadlineOrdinals(t));
  return s;
}

describe("toHeadlineOrdinals", () => {
  const rows: { why: string; title: string; ordinals: string[] }[] = [
    {
      why: "a king's reign number is no instance",
      title: "الملك عبدالله الثاني يستقبل الرئيس المصري",
      ordinals: [],
    },
    {
      why: "the first deputy prime minister is a title",
      title: "ولي العهد النائب الأول لرئيس مجلس الوزراء يرعى الحفل",
      ordinals: [],
    },
    {
      why: "a rank with its adverb (عربيا) is a place in a table",
      title: "المملكة الأولى عربيا في مؤشر الابتكار",
      ordinals: [],
    },
    {
      why: "a set phrase after an indefinite ordinal (أول مرة)",
      title: "أوباما يزور كينيا أول مرة",
      ordinals: [],
    },
    {
      why: "an article of a law is part of a text",
      title: "تعديل المادة الثانية من نظام العمل",
      ordinals: [],
    },
    {
      why: "an elative after the ordinal is a rank (ثاني أكبر)",
      title: "الرياض ثاني أكبر مدينة خليجية",
      ordinals: [],
    },
    {
      why: "a proclitic before a non-instance head (والمركز الأول)",
      title: "الهلال يحتل والمركز الأول",
      ordinals: [],
    },
    {
      why: "a definite ordinal after its noun, adjectives between skipped, the noun before taken too",
      title: "وصول الطائرة الإغاثية السعودية الخامسة إلى عدن",
      ordinals: ["طاءر#5", "وصول#5"],
    },
    {
      why: "a noun in a construct (طائرة الشحن) gives both its words as heads",
      title: "وصول طائرة الشحن السعودية الثانية لمطار عدن",
      ordinals: ["شحن#2", "طاءر#2"],
    },
    {
      why: "an indefinite ordinal before its noun (أول طائرة)",
      title: "هبوط أول طائرة عسكرية سعودية في مطار عدن",
      ordinals: ["طاءر#1", "هبوط#1"],
    },
    {
      why: "an indefinite ordinal after an indefinite noun",
      title: "طائرة سعودية ثالثة تهبط بمطار عدن",
      ordinals: ["تهبط#3", "طاءر#3"],
    },
    {
      why: "a compound ordinal with عشرة is another value than its unit",
      title: "البابطين تقيم دورتها الخامسة عشرة في لندن",
      ordinals: ["دور#15", "تقيم#15"],
    },
    {
      why: "a time, not an instance (للمرة الأولى)",
      title: "علم كوبا يرفرف في واشنطن للمرة الأولى منذ 1961",
      ordinals: [],
    },
    { why: "a rank in a table (المركز الأول)", title: "سنترا تحصد المركز الأول للجودة", ordinals: [] },
    {
      why: "a date: no noun before the ordinal",
      title: "ترتيبات السوبر تبدأ في السابع من أغسطس",
      ordinals: [],
    },
    { why: "a date after من (من أول أغسطس)", title: "تحرير أسعار الوقود من أول أغسطس", ordinals: [] },
    { why: "the day before yesterday (أول أمس)", title: "حريق أول أمس في المستودع", ordinals: [] },
    { why: "a Levantine month (كانون الثاني)", title: "اجتماع في كانون الثاني المقبل", ordinals: [] },
    { why: "a Hijri month (ربيع الأول)", title: "الحفل في ربيع الأول", ordinals: [] },
    { why: "a military rank (الرقيب أول)", title: "استشهاد الرقيب أول سيف الفلاسي", ordinals: [] },
    {
      why: "a wire story's continuation part (إضافة أولى)",
      title: "مجلس الوزراء يوافق / إضافة أولى",
      ordinals: [],
    },
    {
      why: "a league's division (دوري الأولى)",
      title: "سبعة لاعبين يدعمون الفريق في دوري الأولى",
      ordinals: [],
    },
  ];
  for (const r of rows) {
    it(`reads ${r.why}`, () => {
      expect(toHeadlineOrdinals(r.title)).toEqual([...r.ordinals].sort());
    });
  }
});

describe("OrdinalSet.conflicts", () => {
  const rows: { why: string; story: string[]; title: string; conflicts: boolean }[] = [
    {
      why: "the first plane's story against the second plane",
      story: ["هبوط أول طائرة عسكرية سعودية في مطار عدن"],
      title: "وصول طائرة الشحن السعودية الثانية لمطار عدن",
      conflicts: true,
    },
    {
      why: "the fourth relief flight against the fifth",
      story: ["وصول طائرة الإغاثة السعودية الرابعة إلى عدن"],
      title: "وصول الطائرة الإغاثية السعودية الخامسة إلى عدن",
      conflicts: true,
    },
    {
      why: "a follow-up on the same first plane (أول against الأولى)",
      story: ["وزير النقل اليمني: إعادة فتح مطار عدن وهبوط أول طائرة سعودية"],
      title: "الطائرة الأولى تفرغ حمولتها في عدن",
      conflicts: false,
    },
    {
      why: "a headline naming no ordinal",
      story: ["هبوط أول طائرة عسكرية سعودية في مطار عدن"],
      title: "هبوط طائرة سعودية تحمل مساعدات بمطار عدن",
      conflicts: false,
    },
    {
      why: "ordinals of different heads (another template)",
      story: ["أول سفينة مساعدات ترسو في عدن"],
      title: "وصول الطائرة الإغاثية الثالثة إلى عدن",
      conflicts: false,
    },
    {
      why: "a story that already holds both ordinals",
      story: ["هبوط أول طائرة سعودية في عدن", "وصول ثاني طائرة إغاثة سعودية لمطار عدن"],
      title: "وصول الطائرة الثانية إلى عدن",
      conflicts: false,
    },
  ];
  for (const r of rows) {
    it(`${r.conflicts ? "conflicts" : "does not conflict"} for ${r.why}`, () => {
      expect(storyOf(...r.story).conflicts(toHeadlineOrdinals(r.title))).toBe(r.conflicts);
      const other = storyOf(r.title);
      expect(storyOf(...r.story).conflictsWithSet(other)).toBe(r.conflicts);
    });
  }
});

describe("namesOtherInstance", () => {
  const fourth = toHeadlineOrdinals("وصول طائرة الإغاثة السعودية الرابعة إلى عدن");
  it("is true for the fourth relief flight against the fifth", () => {
    expect(
      namesOtherInstance(fourth, toHeadlineOrdinals("وصول الطائرة الإغاثية السعودية الخامسة إلى عدن")),
    ).toBe(true);
  });
  it("is false for two versions of the fourth (رابع against الرابعة)", () => {
    expect(
      namesOtherInstance(fourth, toHeadlineOrdinals("بالصور.. رابع طائرات السعودية الإغاثية تصل مطار عدن")),
    ).toBe(false);
  });
  it("is false when one headline names no ordinal", () => {
    expect(namesOtherInstance(fourth, toHeadlineOrdinals("الطائرة الإغاثية السعودية الـ «5» تصل عدن"))).toBe(
      false,
    );
  });
});

describe("namesSameInstances", () => {
  const cases: { name: string; a: string; b: string; same: boolean }[] = [
    {
      name: "two headlines naming no instance name the same (none)",
      a: "ولي ولي العهد يلتقي رئيس جمهورية الشيشان",
      b: "ولي ولي العهد يبحث مع الرئيس الشيشاني المسائل ذات الاهتمام المشترك",
      same: true,
    },
    {
      name: "two headlines on the second plane that read other nouns beside the ordinal do not (a strict test)",
      a: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      b: "وصول ثاني طائرة إغاثة سعودية لمطار عدن",
      same: false,
    },
    {
      name: "the second plane against a headline naming none (the first plane's) do not",
      a: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      b: "وصول الطائرة الإغاثية السعودية إلى مطار عدن الدولي",
      same: false,
    },
    {
      name: "one headline against itself names the same",
      a: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      b: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      same: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(namesSameInstances(toHeadlineOrdinals(c.a), toHeadlineOrdinals(c.b))).toBe(c.same);
    });
  }
});

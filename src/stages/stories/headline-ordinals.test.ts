import { describe, expect, it } from "vitest";
import { ORDINAL_CONFLICT_FACTOR, OrdinalSet, toHeadlineOrdinals } from "./headline-ordinals.ts";
import { JOIN_MIN_SCORE, StoryClusterer } from "./story-clusterer.ts";
import { toStoryTerms } from "./story-vector.ts";

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

/** The first Saudi plane at Aden airport and the second, a day later: successive developments, two stories. */
const PLANES = [
  {
    id: "plane-1",
    title: "هبوط أول طائرة عسكرية سعودية في مطار عدن",
    text: "هبطت في مطار عدن الدولي اليوم أول طائرة عسكرية سعودية بعد إعادة تشغيل المطار الذي توقف أربعة أشهر بسبب المعارك، وقال وزير النقل اليمني إن الطائرة حملت مساعدات.",
    timeMs: Date.UTC(2015, 6, 22, 17),
  },
  {
    id: "plane-2",
    title: "وصول طائرة الشحن السعودية الثانية لمطار عدن",
    text: "وصلت إلى مطار عدن الدولي اليوم طائرة الشحن السعودية الثانية محملة بالمساعدات الغذائية والطبية للشعب اليمني بعد إعادة تشغيل المطار.",
    timeMs: Date.UTC(2015, 6, 23, 19),
  },
];

/** Two relief flights' statements: one template, other instances. */
const FLIGHTS = [
  {
    id: "flight-4",
    title: "وصول الطائرة الإغاثية السعودية الرابعة إلى مطار عدن",
    text: "وصلت إلى مطار عدن الدولي اليوم الطائرة الإغاثية السعودية محملة بالمستلزمات الطبية والأدوية المقدمة من مركز الملك سلمان للإغاثة والأعمال الإنسانية لمساعدة الشعب اليمني الشقيق.",
    timeMs: Date.UTC(2015, 6, 31, 10),
  },
  {
    id: "flight-5",
    title: "وصول الطائرة الإغاثية السعودية الخامسة إلى مطار عدن",
    text: "وصلت إلى مطار عدن الدولي اليوم الطائرة الإغاثية السعودية محملة بالمستلزمات الطبية والمواد الغذائية المقدمة من مركز الملك سلمان للإغاثة والأعمال الإنسانية لمساعدة الشعب اليمني الشقيق.",
    timeMs: Date.UTC(2015, 6, 31, 16),
  },
];

type Sample = (typeof PLANES)[number];

/** The second article's assignment after the first, with or without ordinals; `copy`: the second is the first's copy. */
function second(
  pair: readonly Sample[],
  ordinals: boolean,
  copy = false,
): { score: number; storyId: string | null } {
  const c = new StoryClusterer();
  let out = { score: 0, storyId: null as string | null };
  pair.forEach((a, i) => {
    const r = c.add({
      id: a.id,
      sourceId: "spa",
      title: a.title,
      timeMs: a.timeMs,
      terms: toStoryTerms(a.title, a.text),
      duplicateOf: copy && i > 0 ? pair[0]!.id : null,
      ...(ordinals ? { ordinals: toHeadlineOrdinals(a.title) } : {}),
    });
    out = { score: r.score, storyId: r.storyId };
  });
  return out;
}

describe("StoryClusterer with headline ordinals", () => {
  it("joins the second plane to the first plane's story without the check (the rule before)", () => {
    expect(second(PLANES, false).storyId).toBe("plane-1");
  });
  it("keeps the second plane apart from the first plane's story", () => {
    expect(second(PLANES, true).storyId).toBe("plane-2");
  });
  it("damps the fifth flight's join to the fourth flight's story by ORDINAL_CONFLICT_FACTOR", () => {
    const plain = second(FLIGHTS, false).score;
    expect(plain).toBeGreaterThan(JOIN_MIN_SCORE);
    expect(second(FLIGHTS, true).score).toBeCloseTo(plain * ORDINAL_CONFLICT_FACTOR, 12);
  });
  it("lets a copy follow its original's story without the check (the rule before)", () => {
    expect(second(PLANES, false, true)).toEqual({ score: 1, storyId: "plane-1" });
  });
  it("places by score a copy whose headline names another instance than its original's story", () => {
    expect(second(PLANES, true, true).storyId).toBe("plane-2");
  });
  it("still lets a copy naming the same instance follow its original", () => {
    const samePlane = [
      PLANES[0]!,
      { ...PLANES[0]!, id: "plane-1-copy", title: "أول طائرة سعودية تهبط في مطار عدن" },
    ];
    expect(second(samePlane, true, true)).toEqual({ score: 1, storyId: "plane-1" });
  });
});

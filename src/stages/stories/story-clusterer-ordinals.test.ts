import { describe, expect, it } from "vitest";
import { toHeadlineOrdinals } from "../entities/headline-ordinals.ts";
import { JOIN_MIN_SCORE, ORDINAL_CONFLICT_FACTOR, StoryClusterer } from "./story-clusterer.ts";
import { toStoryTerms } from "./story-vector.ts";

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

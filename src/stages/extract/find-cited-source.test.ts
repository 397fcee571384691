import { describe, expect, it } from "vitest";
import { bylineAgency, findCitedSource, NAMED_ALIASES } from "./find-cited-source.ts";

describe("findCitedSource", () => {
  const rows: { lines: string[]; host: string | null; expected: string | null; why: string }[] = [
    {
      lines: ["الرياض (واس) - أعلنت الوزارة اليوم عن خطة جديدة."],
      host: "al-madina.com",
      expected: "واس",
      why: "an agency in parentheses at the dateline",
    },
    {
      lines: ["أعلنت الوزارة اليوم عن خطة جديدة.", "المصدر: الجزيرة"],
      host: null,
      expected: "الجزيرة",
      why: "a credit line under the text",
    },
    {
      lines: ["وذكرت وكالة الأنباء السعودية أن الخطة تبدأ الشهر المقبل."],
      host: null,
      expected: "واس",
      why: "an agency's full name anywhere in a line",
    },
    {
      lines: ["PARIS (AFP) - The ministry announced a new plan today."],
      host: "example.com",
      expected: "أ ف ب",
      why: "a Latin alias in parentheses still counts in English copy",
    },
    {
      lines: ["The ministry announced a new plan today, according to officials."],
      host: null,
      expected: null,
      why: "English copy without a credit",
    },
    {
      lines: ["الرياض (واس) - أعلنت الوزارة اليوم عن خطة جديدة."],
      host: "spa.gov.sa",
      expected: null,
      why: "an agency's credit on its own site is not a citation",
    },
    {
      lines: ['وقال الرئيس في كلمة له إن الاتفاق تأخر، وذلك حسب وكالة "الأناضول" التركية.'],
      host: "almogaz.com",
      expected: "الأناضول",
      why: "حسب + a media noun + a quoted name",
    },
    {
      lines: ["وارتفعت الأسعار بنسبة 3 في المئة، وفقا لوكالة رويترز."],
      host: null,
      expected: "رويترز",
      why: "وفقا ل + the media noun joined to the preposition",
    },
    {
      lines: ["بحسب صحيفة «الغارديان» البريطانية فإن المفاوضات مستمرة."],
      host: null,
      expected: "الغارديان",
      why: "بحسب + a name in guillemets, not a known agency",
    },
    {
      lines: ["وتم توزيع المساعدات حسب الخطة المعتمدة ووفقا للجدول الزمني."],
      host: null,
      expected: null,
      why: "حسب and وفقا without a media noun credit nothing",
    },
  ];
  for (const row of rows) {
    it(`answers ${row.expected ?? "null"} for ${row.why}`, () => {
      expect(findCitedSource(row.lines, row.host)).toBe(row.expected);
    });
  }

  it("trusts only Arabic named aliases, so lines without Arabic letters can skip the fold", () => {
    expect(NAMED_ALIASES.length).toBeGreaterThan(0);
    for (const alias of NAMED_ALIASES) expect(alias).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("bylineAgency", () => {
  const rows: { byline: string; host: string | null; expected: string | null; why: string }[] = [
    {
      byline: "واس - الرياض",
      host: "al-madina.com",
      expected: "واس",
      why: "an agency and its dateline city",
    },
    { byline: "اليوم - وكالات", host: "alyaum.com", expected: "وكالات", why: "the paper and 'agencies'" },
    { byline: "(رويترز)", host: null, expected: "رويترز", why: "an agency in parentheses" },
    { byline: "الرياض / وكالة الأنباء السعودية", host: null, expected: "واس", why: "an agency's full name" },
    { byline: "أحمد محمد - الرياض", host: null, expected: null, why: "a reporter and a city" },
    { byline: "آسيا العتروس", host: null, expected: null, why: "a person's name" },
    {
      byline: "تقرير مطول أعدته وكالة رويترز عن الأسواق العالمية",
      host: null,
      expected: null,
      why: "a sentence that names an agency is not a credit byline",
    },
  ];
  for (const row of rows) {
    it(`answers ${row.expected ?? "null"} for ${row.why}`, () => {
      expect(bylineAgency(row.byline, row.host)?.name ?? null).toBe(row.expected);
    });
  }

  it("marks an agency's byline on its own site as its own", () => {
    expect(bylineAgency("واس - الرياض", "www.spa.gov.sa")).toEqual({ name: "واس", own: true });
  });
});

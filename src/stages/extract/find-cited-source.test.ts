import { describe, expect, it } from "vitest";
import { bestCpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { bylineAgency, findCitedSource, findTextCitedSource, NAMED_ALIASES } from "./find-cited-source.ts";

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

  it.each([
    { why: "a name in straight quotes ends the line", line: 'خبر عالمي. "رويترز"', expected: "رويترز" },
    {
      why: "a space and a full stop may follow the closing quote",
      line: "خبر «الفرنسية» .",
      expected: "أ ف ب",
    },
    {
      why: "white space inside the quotes is not part of the name",
      line: "قال « رويترز »",
      expected: "رويترز",
    },
    {
      why: "a media noun before the quotes names the outlet",
      line: "وفقاً لصحيفة \u201cالرياض\u201d",
      expected: "صحيفة الرياض",
    },
    { why: "a word after the closing quote: no quoted tail", line: 'قال "رويترز" اليوم', expected: null },
    { why: "quotes the wrong way round open nothing", line: "قال »رويترز«", expected: null },
    { why: "31 characters between the quotes are no name", line: `قال «${"ا".repeat(31)}»`, expected: null },
  ])("reads a quoted name at a line's end: $why", ({ line, expected }) => {
    expect(findCitedSource([line], null)).toBe(expected);
  });

  it("reads a line's quoted tail and a bracketed tag in time linear in the line, whatever white space ends it", () => {
    // A quote, then a long run of NO-BREAK SPACE (U+00A0) before the line's last word: the quoted-tail regex backtracked
    // over the run from every position (16,000 characters took 5.6 s), and so did the tag test after "(الجزيرة)".
    const lines = (n: number) => [`قال "ab"${"\u00a0".repeat(n)}x`, `كشف (الجزيرة)${" ".repeat(n)}x`];
    const best = (n: number) => {
      const input = lines(n);
      return bestCpuMsOf(() => {
        for (let i = 0; i < 20; i++) findCitedSource(input, null);
      });
    };
    best(4_000); // compiled before the clock matters
    // The shape, not a speed: 8 times the characters cost ~8 times as much when linear, ~64 times when quadratic
    // (measured at load 9-11 from 1,000 characters: 7.1-9.1 linear, 61 with the regexes this replaced). From 4,000
    // characters and the best of 5 runs, so the small side is no single sample of a millisecond.
    expect(best(32_000) / best(4_000)).toBeLessThan(24);
    expect(findCitedSource(lines(32_000), null)).toBeNull();
  });

  it("trusts only Arabic named aliases, so lines without Arabic letters can skip the fold", () => {
    expect(NAMED_ALIASES.length).toBeGreaterThan(0);
    for (const alias of NAMED_ALIASES) expect(alias).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("findTextCitedSource", () => {
  // Paraphrased shapes of the dev corpus (no third-party text): what each outlet puts where.
  const LONG =
    "وأضاف المسؤول أن العمل في المشروع يسير وفق الخطة الموضوعة وأن المرحلة الثانية تبدأ قريبا. ".repeat(4);
  const rows: { text: string; host: string | null; own?: string[]; expected: string | null; why: string }[] =
    [
      {
        text: "واس- جدة: التقى ولي العهد اليوم رئيس الوزراء.",
        host: "sabq.org",
        own: ["سبق"],
        expected: "واس",
        why: "an agency dateline before the lead's colon (sabq)",
      },
      {
        text: "سبق- وكالات: أعلنت الوزارة اليوم عن خطة جديدة.",
        host: "sabq.org",
        own: ["سبق"],
        expected: "وكالات",
        why: "the outlet's name and 'agencies' in the dateline: agencies, not the outlet",
      },
      {
        text: "محمد أحمد- سبق- الرياض: أعلنت الوزارة اليوم عن خطة جديدة.",
        host: "sabq.org",
        own: ["سبق"],
        expected: null,
        why: "a reporter, the outlet and a city: own reporting",
      },
      {
        text: "عين اليوم – واس\nوصل الضيف اليوم إلى الرياض في زيارة رسمية.",
        host: "www.3alyoum.com",
        expected: "واس",
        why: "a byline line of the outlet and the agency",
      },
      {
        text: "الأحساء- واس\nيواصل المهرجان فعالياته لليوم الثالث.",
        host: "www.3alyoum.com",
        expected: "واس",
        why: "a byline line without a space before its dash",
      },
      {
        text: "روما 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nأفادت مصادر اليوم بأن السفينة وصلت.",
        host: "www.3alyoum.com",
        expected: "واس",
        why: "SPA's own dateline line kept by an outlet that copies it",
      },
      {
        text: "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nأعلنت الوزارة اليوم عن خطة جديدة.",
        host: "www.spa.gov.sa",
        expected: null,
        why: "SPA's dateline on SPA's own site is own reporting",
      },
      {
        text: `${LONG}\nوأكد أن الأعمال ستنتهي في موعدها. (واس)`,
        host: "www.alriyadh.com",
        expected: "واس",
        why: "a trailing agency tag in parentheses",
      },
      {
        text: `${LONG}\nوتراجع معدل التضخم في الربع الثاني. «الفرنسية»`,
        host: "www.aleqt.com",
        expected: "أ ف ب",
        why: "a quoted agency closing the text (aleqtisadiya's credit)",
      },
      {
        text: `${LONG}\n * خدمة «نيويورك تايمز»`,
        host: "aawsat.com",
        own: ["الشرق الأوسط"],
        expected: "نيويورك تايمز",
        why: "a syndication credit line under the text",
      },
      {
        text: `${LONG}\nالمصدر: الجزيرة`,
        host: "www.alweeam.com.sa",
        expected: "الجزيرة",
        why: "an explicit credit line",
      },
      {
        text: "ارتفعت أسعار النفط اليوم، نقلاً عن رويترز، بعد بيانات المخزون.",
        host: "www.alyaum.com",
        expected: "رويترز",
        why: "نقلاً عن + a known agency in the lead",
      },
      {
        text: `${LONG}\nوقالت الشركة في بيان إن الأرباح ارتفعت، بحسب رويترز.`,
        host: "www.3alyoum.com",
        expected: "رويترز",
        why: "بحسب + a known agency without a media noun closing the text",
      },
      {
        text: `ذكرت صحيفة فارايتي الأمريكية أن الممثل سيشارك في الفيلم.\n${LONG}`,
        host: "www.alriyadh.com",
        expected: null,
        why: "a credit verb with a free name: only known agencies count on plain text",
      },
      {
        text: `عبرت المجرى الملاحي لقناة السويس اليوم 57 سفينة.\n${LONG}`,
        host: "www.spa.gov.sa",
        expected: null,
        why: "قناة as a canal, not a channel",
      },
      {
        text: `زار وفد من الطلاب مقر واس في الرياض واطلعوا على أقسامها.\n${LONG}`,
        host: "www.alriyadh.com",
        expected: null,
        why: "a mention of واس inside a sentence is no credit",
      },
      {
        text: `${LONG}\nوقال مسؤول لوكالة رويترز إن المفاوضات مستمرة.\n${LONG}\n${LONG}\n${LONG}\n${LONG}`,
        host: "aawsat.com",
        own: ["الشرق الأوسط"],
        expected: null,
        why: "an agency quoted in the middle of a long report cites a fact, not the story's origin",
      },
      {
        text: `${LONG}\nوصرح المدير بذلك في حديث خاص لـ«الشرق الأوسط»`,
        host: "aawsat.com",
        own: ["الشرق الأوسط"],
        expected: null,
        why: "the outlet's own name is no cited source",
      },
      {
        text: `${LONG}\nالمصدر: سبق`,
        host: "sabq.org",
        own: ["سبق"],
        expected: null,
        why: "a credit line naming the outlet itself",
      },
      {
        text: `${LONG}\nوأكد لصحيفة الجزيرة أن العمل مستمر.`,
        host: "www.al-jazirah.com",
        own: ["الجزيرة (السعودية)"],
        expected: null,
        why: "an own name with a parenthesized qualifier counts without it",
      },
      {
        text: `${LONG}\nوأكد لصحيفة الجزيرة أن العمل مستمر.`,
        host: null,
        own: ["الجزيرة (السعودية)"],
        expected: null,
        why: "the paper's own name by its media noun, without a host",
      },
      {
        text: `نقلا عن صحيفة الجزيرة، أعلنت الأمانة خطة جديدة.\n${LONG}`,
        host: "www.alweeam.com.sa",
        own: ["الوئام"],
        expected: "صحيفة الجزيرة",
        why: "the Saudi paper named with its media noun is not the channel",
      },
      {
        text: `نقلا عن قناة الجزيرة، أعلنت الأمانة خطة جديدة.\n${LONG}`,
        host: "www.alweeam.com.sa",
        own: ["الوئام"],
        expected: "الجزيرة",
        why: "the channel named with its media noun stays the channel",
      },
      {
        text: `أجلت المحكمة أمس الحكم على ثلاثة صحفيين في قناة الجزيرة القطرية إلى الشهر المقبل.\n${LONG}`,
        host: "www.alwatan.com.sa",
        own: ["الوطن"],
        expected: null,
        why: "a channel the story is about (its journalists' trial) is no credit",
      },
      {
        text: `صدرت أحكام غيابية بحق مذيع قناة الجزيرة وعدد من المعارضين.\n${LONG}`,
        host: "www.alweeam.com.sa",
        own: ["الوئام"],
        expected: null,
        why: "a channel's presenter: the channel is a subject",
      },
      {
        text: `نشر الزميل عبر صحيفته (الجزيرة) كشف حساب الموسم للأندية.\n${LONG}`,
        host: "www.3alyoum.com",
        own: ["عاجل اليوم"],
        expected: null,
        why: "a paper in brackets inside a sentence is no tag",
      },
      {
        text: `${LONG}\nوحضر الحفل رئيس وكالة الأنباء السعودية وعدد من المسؤولين.`,
        host: "www.okaz.com.sa",
        own: ["عكاظ"],
        expected: null,
        why: "an agency's head among the guests: the agency is a subject",
      },
      {
        text: `عين اليوم – عدن\nقالت قناة العربية إن طائرتين هبطتا في المطار اليوم.\n${LONG}`,
        host: "www.3alyoum.com",
        own: ["عاجل اليوم"],
        expected: "العربية",
        why: "a channel right after a reporting verb reported the story",
      },
      {
        text: `${LONG}\nوأعلنت الوزارة القرار الجديد اليوم (العربية)`,
        host: "www.alweeam.com.sa",
        own: ["الوئام"],
        expected: "العربية",
        why: "a channel in brackets closing the text is a tag",
      },
      {
        text: `وقالت المصادر إن الأمانة بدأت العمل، وفقا لوكالة الأنباء الفرنسية.\n${LONG}`,
        host: "www.alyaum.com",
        own: ["اليوم"],
        expected: "أ ف ب",
        why: "an agency's full name after a credit verb",
      },
      {
        text: `${LONG}\nوتبدأ المرحلة الأولى الشهر المقبل، وفقاً لصحيفة “المدينة”.`,
        host: "www.3alyoum.com",
        own: ["عاجل اليوم"],
        expected: "صحيفة المدينة",
        why: "a paper akhbar knows, named whole after a credit verb and its media noun",
      },
      {
        text: `${LONG}\nوأقر المتهم بالجريمة، نقلا عن صحيفة "القبس" الكويتية.`,
        host: "www.alriyadh.com",
        own: ["الرياض"],
        expected: "صحيفة القبس",
        why: "a known paper's quoted name, a country adjective after the quotes",
      },
      {
        text: `${LONG}\nوأفرج عن المتهمين بكفالة، حسبما أفادت صحيفة الوطن الكويتية.`,
        host: "www.alweeam.com.sa",
        own: ["الوئام"],
        expected: null,
        why: "a known paper's name that goes on is another paper (الوطن الكويتية, not the Saudi الوطن)",
      },
      {
        text: `${LONG}\nوحضر اللقاء رئيس التحرير المكلف لصحيفة عكاظ.`,
        host: "www.alyaum.com",
        own: ["اليوم"],
        expected: null,
        why: "a paper after ل with no credit verb is a subject, not a credit",
      },
      {
        text: `${LONG}\nوتبدأ المرحلة الأولى الشهر المقبل، وفقاً لصحيفة “المدينة”.`,
        host: "www.al-madina.com",
        own: ["المدينة"],
        expected: null,
        why: "a paper crediting itself with its media noun",
      },
      {
        text: `${LONG}\nوأكدت الهيئة دعمها للقطاع، وفقاً لصحيفة “الجزيرة”.`,
        host: "www.3alyoum.com",
        own: ["عاجل اليوم"],
        expected: "صحيفة الجزيرة",
        why: "a name in curly quotes after the media noun",
      },
    ];
  for (const row of rows) {
    it(`answers ${row.expected ?? "null"} for ${row.why}`, () => {
      expect(findTextCitedSource(row.text, row.host, row.own)).toBe(row.expected);
    });
  }
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

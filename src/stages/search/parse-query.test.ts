import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import { cutQuery, MAX_QUERY_CHARS, parseQuery, splitQuerySources } from "./parse-query.ts";

const opts = { limit: 20, offset: 0 };

describe("parseQuery", () => {
  it("analyzes words into display, surface and stem", () => {
    const q = parseQuery("والحكومات أميركا", opts);
    expect(q.terms).toEqual([
      { display: "والحكومات", surface: "والحكومات", stems: ["حكوم"] },
      { display: "أميركا", surface: "اميركا", stems: ["امريك"] },
    ]);
    expect(q.phrases).toEqual([]);
    expect(q.excluded).toEqual([]);
  });

  it("asks for a country's adjective too (اليمن finds الجيش اليمني), but not for the sport in الرياضي", () => {
    const q = parseQuery("اليمن الرياض", opts);
    expect(q.terms.map((t) => t.stems)).toEqual([["اليمن", "يمن"], ["الرياض"]]);
  });

  it("reads a loanword written in two words as one word (واتس اب, سناب شات), loose or quoted", () => {
    const keys = (raw: string) => parseQuery(raw, { limit: 10, offset: 0 }).terms.map((t) => t.stems);
    expect(keys("واتس اب")).toEqual([["واتساب"]]);
    expect(keys("الواتس اب")).toEqual([["واتساب"]]);
    expect(keys('"سناب شات"')).toEqual([["سنابشات"]]);
    expect(keys("سنابشات")).toEqual([["سنابشات"]]);
    expect(keys("محافظة اب")).toEqual([["محافظ"], ["اب"]]);
    expect(keys("واتس -اب")).toEqual([["واتساب"]]);
    expect(parseQuery("واتس اب", { limit: 10, offset: 0 }).terms[0]!.display).toBe("واتس اب");
    // In a longer phrase too: the index holds either writing as one key at one position.
    const phrase = parseQuery('"واتس اب الجديد"', { limit: 10, offset: 0 });
    expect(phrase.phrases.map((p) => p.map((t) => t.stems))).toEqual([[["واتساب"], ["جديد"]]]);
  });

  it("reads a name written in two words as one word (عبد الله, أبو ظبي), loose, quoted, with particles", () => {
    const keys = (raw: string) => parseQuery(raw, opts).terms.map((t) => t.stems);
    const phraseKeys = (raw: string) => parseQuery(raw, opts).phrases.map((p) => p.map((t) => t.stems));
    expect(keys("عبد الله")).toEqual([["عبدالله"]]);
    expect(keys("عبدالله")).toEqual([["عبدالله"]]);
    expect(keys("لعبد الله")).toEqual([["عبدالله"]]);
    expect(keys("«عبد الله»")).toEqual([["عبدالله"]]);
    expect(keys("عبد الملك الحوثي")).toEqual([["عبدالملك"], ["حوث"]]);
    expect(keys("بأبوظبي")).toEqual([["ابوظبي"]]);
    expect(keys("أبو ظبي")).toEqual([["ابوظبي"]]);
    expect(keys("أبو عبد الله")).toEqual(keys("أبو عبدالله"));
    expect(phraseKeys('"سلمان بن عبد العزيز"')).toEqual([[["سلمان"], ["بن"], ["عبدالعزيز"]]]);
    expect(phraseKeys('"سلمان بن عبد العزيز"')).toEqual(phraseKeys('"سلمان بن عبدالعزيز"'));
    const name = parseQuery("لعبد الله", opts).terms[0]!;
    expect({ display: name.display, surface: name.surface }).toEqual({
      display: "لعبد الله",
      surface: "عبدالله",
    });
    // "-عبد الله" leaves out the name, not the word عبد.
    const excluding = parseQuery("صالح -عبد الله", opts);
    expect([excluding.terms.map((t) => t.stems), excluding.excluded.map((t) => t.stems)]).toEqual([
      [["صالح"]],
      [["عبدالله"]],
    ]);
    // Not a name: عبد before a stop word, أبو before على.
    expect(keys("عبد في")).toEqual([["عبد"]]);
    expect(keys("أبو على")).toEqual([["ابو"]]);
  });

  it("reads phrases in ASCII, guillemet and curly quotes", () => {
    for (const raw of ['"وزارة الصحة"', "«وزارة الصحة»", "“وزارة الصحة”"]) {
      const q = parseQuery(raw, opts);
      expect(
        q.phrases.map((p) => p.map((t) => t.surface)),
        raw,
      ).toEqual([["وزاره", "الصحه"]]);
    }
  });

  it("reads OR between words or phrases as alternatives, binding only its two neighbours", () => {
    const surfaces = (raw: string) => {
      const q = parseQuery(raw, opts);
      return {
        terms: q.terms.map((t) => t.surface),
        phrases: q.phrases.map((p) => p.map((t) => t.surface)),
        anyOf: q.anyOf.map((g) => g.map((alt) => alt.map((t) => t.surface))),
        excluded: q.excluded.map((t) => t.surface),
      };
    };
    expect(surfaces("أمريكا OR روسيا")).toEqual({
      terms: [],
      phrases: [],
      anyOf: [[["امريكا"], ["روسيا"]]],
      excluded: [],
    });
    // Chained, with a phrase, a required word and an exclusion beside it.
    expect(surfaces('الاتفاق أمريكا OR روسيا OR "الاتحاد الأوروبي" -النووي')).toEqual({
      terms: ["الاتفاق"],
      phrases: [],
      anyOf: [[["امريكا"], ["روسيا"], ["الاتحاد", "الاوروبي"]]],
      excluded: ["النووي"],
    });
    // A compound name is one alternative; a stop word joined by OR is kept, not optional.
    expect(surfaces("عبد الله OR سلمان").anyOf).toEqual([[["عبدالله"], ["سلمان"]]]);
    expect(surfaces("في OR غزة").anyOf).toEqual([[["في"], ["غزه"]]]);
    // Lower-case or, and OR inside quotes, are words; a repeated alternative is one.
    expect(surfaces("أمريكا or روسيا").anyOf).toEqual([]);
    expect(surfaces('"أمريكا OR روسيا"').phrases).toEqual([["امريكا", "or", "روسيا"]]);
    expect(surfaces("غزة OR غزة")).toMatchObject({ terms: ["غزه"], anyOf: [] });
  });

  it("refuses an OR with nothing on one side or next to an excluded word, as a bad q parameter", () => {
    for (const raw of [
      "OR روسيا",
      "أمريكا OR",
      "أمريكا OR OR روسيا",
      "-أمريكا OR روسيا",
      "أمريكا OR -روسيا",
      "OR",
    ]) {
      let caught: unknown;
      try {
        parseQuery(raw, opts);
      } catch (err) {
        caught = err;
      }
      expect(isAkhbarError(caught) && caught.code, raw).toBe("search.bad_param");
      expect(isAkhbarError(caught) && caught.details, raw).toEqual({ param: "q", reason: "bad_syntax" });
    }
  });

  it("keeps stop words inside phrases and drops them as loose words", () => {
    const q = parseQuery('في غزة "في غزة"', opts);
    expect(q.terms.map((t) => t.surface)).toEqual(["غزه"]);
    expect(q.phrases.map((p) => p.map((t) => t.surface))).toEqual([["في", "غزه"]]);
  });

  it("requires stop words when the query has nothing else", () => {
    expect(parseQuery("على", opts).terms.map((t) => t.surface)).toEqual(["علي"]);
  });

  it("reads -word as an exclusion and source:ID as a filter", () => {
    const q = parseQuery("لقاح -كورونا source:spa SOURCE:okaz source:spa", opts);
    expect(q.terms.map((t) => t.surface)).toEqual(["لقاح"]);
    expect(q.excluded.map((t) => t.surface)).toEqual(["كورونا"]);
    expect(q.sources).toEqual(["spa", "okaz"]);
  });

  const garbage: { why: string; raw: string; terms: string[] }[] = [
    { why: "an unbalanced quote reads the rest as words", raw: 'غزة "رفح', terms: ["غزه", "رفح"] },
    { why: "a lone minus is ignored", raw: "غزة -", terms: ["غزه"] },
    { why: "punctuation around words is ignored", raw: "((غزة!!))،", terms: ["غزه"] },
    { why: "a repeated word is asked once", raw: "غزة غزة", terms: ["غزه"] },
    { why: "an empty phrase is ignored", raw: '"" غزة', terms: ["غزه"] },
    {
      why: "a byte order mark inside a pasted word is invisible, as in the index, not a space",
      raw: "\u0624\ufeff\u0634 \u063a\u0632\u200f\u0629",
      terms: ["\u0621\u0634", "\u063a\u0632\u0647"],
    },
  ];
  for (const row of garbage) {
    it(`tolerates garbage: ${row.why}`, () => {
      expect(parseQuery(row.raw, opts).terms.map((t) => t.surface)).toEqual(row.terms);
    });
  }

  it.each([
    {
      why: "phrases and a word joined by OR are one group, the rest required as before",
      raw: 'نفط "وزارة الداخلية" OR "عادل الجبير" OR الرياض',
      groups: [["وزاره الداخليه", "عادل الجبير", "الرياض"]],
      terms: ["نفط"],
    },
    {
      why: "two groups",
      raw: "أ1 OR ب1 ج2 OR د2",
      groups: [
        ["ا1", "ب1"],
        ["ج2", "د2"],
      ],
      terms: [],
    },
    {
      why: "lower-case or and the Arabic أو are words (أو a stop word), never the operator",
      raw: "الرياض or جدة أو مكة",
      groups: [],
      terms: ["الرياض", "or", "جده", "مكه"],
    },
  ])("reads OR: $why", ({ raw, groups, terms }) => {
    const q = parseQuery(raw, opts);
    expect((q.anyOf ?? []).map((g) => g.map((words) => words.map((w) => w.surface).join(" ")))).toEqual(
      groups,
    );
    expect(q.terms.map((t) => t.surface)).toEqual(terms);
  });

  it("takes a query of one OR group alone as searchable", () => {
    const q = parseQuery('"وزارة الداخلية" OR الجوازات', opts);
    expect(q.terms).toEqual([]);
    expect(q.phrases).toEqual([]);
    expect(q.anyOf).toHaveLength(1);
  });

  it("caps the number of terms of a very long query", () => {
    const raw = Array.from({ length: 200 }, (_, i) => `كلمة${i}`).join(" ");
    const q = parseQuery(raw, opts);
    expect(q.terms.length).toBeLessThanOrEqual(32);
    expect(q.terms.length).toBeGreaterThan(0);
  });

  const unsearchable: { why: string; raw: string }[] = [
    { why: "empty input", raw: "" },
    { why: "only punctuation", raw: '!!! ؟؟ ... "" -' },
    { why: "only exclusions", raw: "-غزة" },
  ];
  for (const row of unsearchable) {
    it(`throws search.bad_query for ${row.why}`, () => {
      let caught: unknown;
      try {
        parseQuery(row.raw, opts);
      } catch (err) {
        caught = err;
      }
      expect(isAkhbarError(caught, "search.bad_query")).toBe(true);
    });
  }

  it("browses a source when the query is only filters: no terms, the source kept, exclusions still apply", () => {
    expect(parseQuery("source:spa", opts)).toMatchObject({ terms: [], phrases: [], sources: ["spa"] });
    expect(parseQuery("", { ...opts, sources: ["okaz"] })).toMatchObject({ terms: [], sources: ["okaz"] });
    const q = parseQuery("-غزة source:spa", opts);
    expect(q.excluded.map((t) => t.surface)).toEqual(["غزه"]);
  });

  it("copies paging, time bounds and recency from the options", () => {
    const q = parseQuery("غزة", { limit: 5, offset: 10, from: "2015-07-01", to: null, recency: true });
    expect(q).toMatchObject({
      limit: 5,
      offset: 10,
      from: "2015-07-01",
      to: null,
      recency: true,
      sources: [],
    });
  });
});

describe("cutQuery", () => {
  const word = "الصحة";
  it.each([
    ["a short query is kept whole", "وزارة الصحة", "وزارة الصحة", false],
    [
      "a pasted paragraph loses whole words at the limit, never half a word",
      Array.from({ length: 200 }, () => word).join(" "),
      Array.from({ length: Math.floor((MAX_QUERY_CHARS + 1) / (word.length + 1)) }, () => word).join(" "),
      true,
    ],
    ["one word longer than the limit is cut inside it", "ا".repeat(600), "ا".repeat(MAX_QUERY_CHARS), true],
  ])("%s", (_why, raw, text, cut) => {
    const got = cutQuery(raw);
    expect(got).toEqual({ text, cut });
    expect(got.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });
});

describe("splitQuerySources", () => {
  it.each([
    ["takes source: words out as filters", "وزارة الصحة source:okaz", "وزارة الصحة", ["okaz"]],
    ["in any case, without repeats, anywhere in the query", "SOURCE:spa لقاح source:spa", "لقاح", ["spa"]],
    ["leaves a source: inside a phrase alone", '"غزة source:x" مصر', '"غزة source:x" مصر', []],
    ["a bare prefix is not a filter", "source: غزة", "غزة", []],
    ["only a filter leaves no text", "source:sabq", "", ["sabq"]],
    ["reads several outlets split by commas", "مكة source:okaz,sabq", "مكة", ["okaz", "sabq"]],
    [
      "unquotes and lowercases ids, as the menu lists them",
      'مكة source:"OKAZ" source:«Sabq»',
      "مكة",
      ["okaz", "sabq"],
    ],
    ["an unmatched quote opens no phrase (as splitPhrases)", '"مكة source:okaz', '"مكة', ["okaz"]],
    [
      "a quote closed after a source: word still shields it",
      '"مكة source:x" source:okaz',
      '"مكة source:x"',
      ["okaz"],
    ],
  ])("%s", (_why, raw, text, sources) => {
    expect(splitQuerySources(raw)).toEqual({ text, sources });
  });

  it("agrees with parseQuery: what the form takes out is what the parser filters by, and the words are the same", () => {
    for (const raw of ['"مكة source:okaz', "مكة source:okaz,sabq", '"مكة source:x" source:okaz']) {
      const split = splitQuerySources(raw);
      const whole = parseQuery(raw, opts);
      const rest = split.text === "" ? null : parseQuery(split.text, { ...opts, sources: split.sources });
      expect(whole.sources, raw).toEqual(split.sources);
      if (rest !== null) {
        expect(whole.terms, raw).toEqual(rest.terms);
        expect(whole.phrases, raw).toEqual(rest.phrases);
      }
    }
  });
});
